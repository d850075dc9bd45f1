"""Issue 11, finding 9: `load` prints the same "what to do" hint that `parse` prints."""

from __future__ import annotations

import json
from pathlib import Path

from policykg.settings import Settings
from tests.cli_runner import run_cli

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512


def test_load_of_a_legacy_doc_prints_the_hint_parse_prints(
    settings: Settings, tmp_path: Path
) -> None:
    """Before: `load old.doc` printed the error but dropped "hint: … save it as .docx"."""
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(OLE2)
    good = tmp_path / "good.txt"
    good.write_text("关于推进园区建设的实施方案\n\n一、目标\n内容。\n", encoding="utf-8")
    parsed = run_cli(settings.home, settings.graph_name, "parse", str(legacy))
    assert "hint: open it in Word or LibreOffice and save it as .docx" in parsed.stderr
    loaded = run_cli(settings.home, settings.graph_name, "load", str(legacy), str(good))
    assert loaded.code == 1
    assert f"error {legacy}: this is a legacy Word/Excel (.doc/.xls, OLE2) file" in loaded.stderr
    assert "hint: open it in Word or LibreOffice and save it as .docx" in loaded.stderr
    assert "1 document(s) loaded, 1 file(s) failed" in loaded.stderr


def test_load_json_report_carries_the_hint(settings: Settings, tmp_path: Path) -> None:
    """Before: the --json report had the error only; the hint was lost."""
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(OLE2)
    loaded = run_cli(settings.home, settings.graph_name, "load", "--json", str(legacy))
    assert loaded.code == 1
    (failed,) = json.loads(loaded.stdout)["files"]
    assert failed["ok"] is False
    assert failed["hint"] == "open it in Word or LibreOffice and save it as .docx"
