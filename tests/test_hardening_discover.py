"""Issue 11, finding 6: walking never follows a symlink loop, skips FIFOs and devices with a
per-file message, and never aborts the run for one bad path."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from policykg.loaders.discover import discover
from policykg.settings import Settings
from tests.cli_runner import run_cli

PLAN = "关于推进园区建设的实施方案\n\n一、目标\n到2027年园区营业收入达到100亿元。\n"


def _tree_with_loop(root: Path) -> Path:
    """dir/a.txt, dir/sub/b.txt, dir/self -> . and dir/sub/up -> .. (two loops)."""
    folder = root / "dir"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(PLAN, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(PLAN.replace("园区", "片区"), encoding="utf-8")
    (folder / "self").symlink_to(".")
    (folder / "sub" / "up").symlink_to("..")
    return folder


def _bounded(function, *args):  # type: ignore[no-untyped-def]
    """Run function in a thread; fail (instead of hanging the suite) past 20 s."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(function(*args)), daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "discovery did not finish: it follows a symlink loop"
    return result[0]


def test_quoted_recursive_glob_through_a_self_link_ends(tmp_path: Path) -> None:
    """Before: `load 'dir/**/*.txt'` with `self -> .` ran 120 s at 1.2 GB and growing."""
    folder = _tree_with_loop(tmp_path)
    found = _bounded(discover, [f"{folder}/**/*.txt"])
    assert found.files == [folder / "a.txt", folder / "sub" / "b.txt"]
    assert found.skipped == []


def test_folder_walk_through_links_finds_each_file_once(tmp_path: Path) -> None:
    folder = _tree_with_loop(tmp_path)
    found = _bounded(discover, [str(folder)])
    assert found.files == [folder / "a.txt", folder / "sub" / "b.txt"]


def test_fifo_and_loop_link_are_skipped_and_the_run_goes_on(
    settings: Settings, tmp_path: Path
) -> None:
    """Before: naming a FIFO or a looping link aborted the whole run ("no such file")."""
    good = tmp_path / "good.txt"
    good.write_text(PLAN, encoding="utf-8")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    result = run_cli(settings.home, settings.graph_name, "load", str(fifo), str(loop), str(good))
    assert result.code == 1, result.stderr
    assert f"error {fifo}: a FIFO (named pipe), not a file" in result.stderr
    assert f"error {loop}: a symbolic link loop, not a file" in result.stderr
    assert "1 document(s) loaded, 2 file(s) failed" in result.stderr


def test_fifo_inside_a_folder_is_reported_not_read(settings: Settings, tmp_path: Path) -> None:
    """Before: a FIFO named *.txt in a folder would block the read forever (or was dropped)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(PLAN, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    result = _bounded(run_cli, settings.home, settings.graph_name, "load", str(folder))
    assert result.code == 1, result.stderr
    assert f"error {folder / 'pipe.txt'}: a FIFO (named pipe), not a file; skipped" in result.stderr
    assert "1 document(s) loaded, 1 file(s) failed" in result.stderr


def test_device_named_in_parse_is_one_error_and_others_parse(
    settings: Settings, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PLAN, encoding="utf-8")
    result = run_cli(settings.home, settings.graph_name, "parse", "/dev/null", str(good))
    assert result.code == 1
    assert "error /dev/null: a device, not a file" in result.stderr
    assert "关于推进园区建设的实施方案" in result.stdout


def test_a_missing_path_among_good_ones_does_not_abort(settings: Settings, tmp_path: Path) -> None:
    """Before: one missing path raised before any file was loaded."""
    good = tmp_path / "good.txt"
    good.write_text(PLAN, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = run_cli(settings.home, settings.graph_name, "load", str(missing), str(good))
    assert result.code == 1, result.stderr
    assert f"error {missing}: no such file or folder" in result.stderr
    assert "1 document(s) loaded, 1 file(s) failed" in result.stderr


def test_only_a_missing_path_is_still_one_error_exit_2(settings: Settings) -> None:
    result = run_cli(settings.home, settings.graph_name, "load", "/no/such/folder")
    assert result.code == 2
    assert result.stderr.strip() == "error: /no/such/folder: no such file or folder"
