"""Issue 11, finding 8 (fast part): an unusable data directory is one line with a hint, exit 2.

Before: a raw OSError / NotADirectoryError / FileNotFoundError traceback and exit 1, which
the README reserves for "some files failed".
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli_runner import run_cli

HINT = "hint: set POLICYKG_HOME (or --home) to a writable folder on a local disk"


def _one_line_error(home: Path, reason: str) -> None:
    result = run_cli(home, "g", "stats")
    assert result.code == 2, result.stderr
    assert result.stderr.splitlines() == [
        f"error: cannot use {home} as the data directory ({reason})",
        HINT,
    ]


def test_data_directory_that_is_a_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("not a folder", encoding="utf-8")
    _one_line_error(home, f"{home}/falkordb: not a directory")


def test_data_directory_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    home = tmp_path / "file" / "home"
    _one_line_error(home, f"{home}/falkordb: not a directory")


def test_data_directory_under_proc() -> None:
    home = Path("/proc/policykg-home")
    _one_line_error(home, f"{home}: no such file or directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_data_directory(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o500)
    try:
        _one_line_error(home, f"{home}/falkordb: permission denied")
    finally:
        home.chmod(0o700)


def test_db_stop_and_status_on_an_unusable_directory(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("", encoding="utf-8")
    stop = run_cli(home, "g", "db", "stop")
    assert stop.code == 2
    assert stop.stderr.startswith(f"error: cannot use {home} as the data directory")
