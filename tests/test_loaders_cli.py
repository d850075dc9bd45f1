"""`policykg parse` as a researcher runs it: what the loader read, before loading."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent / "demo"


def policykg_parse(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYKG_HOME": str(tmp_path), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "policykg.app.cli", "parse", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=DEMO.parent,
    )


def test_parse_prints_metadata_sections_and_rejoined_text(tmp_path: Path) -> None:
    (seed,) = DEMO.glob("001_*.txt")
    result = policykg_parse(tmp_path, str(seed))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "界首市新型城镇化试点实施方案(征求意见稿)"
    assert lines[1].startswith(
        "issuer: -  date: -  status: 征求意见稿  kind: 实施方案  format: txt"
    )
    assert "      14 加强公共卫生服务体系建设" in lines
    assert "(二)工作原则" in lines  # the page number 1 before it is gone


def test_parse_json_has_companions_and_no_offsets(tmp_path: Path) -> None:
    (seed,) = DEMO.glob("003_*.txt")
    result = policykg_parse(tmp_path, "--json", str(seed))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["metadata"]["kind"] == "实施方案"
    assert [c["companion_role"] for c in data["companions"]] == ["cover-letter"]
    assert "offsets" not in data and "original_text" not in data
    assert "offsets" not in data["companions"][0]


def test_parse_names_unreadable_file_and_fix(tmp_path: Path) -> None:
    legacy = tmp_path / "通知.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = policykg_parse(tmp_path, str(legacy))
    assert result.returncode == 1
    assert f"error {legacy}: this is a legacy Word/Excel (.doc/.xls, OLE2) file" in result.stderr
    assert "hint: open it in Word or LibreOffice and save it as .docx" in result.stderr
    assert "Traceback" not in result.stderr
