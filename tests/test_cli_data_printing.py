"""Issue 11, finding 2: data is printed as data, never as rich markup."""

from __future__ import annotations

from pathlib import Path

from policykg.settings import Settings
from tests.cli_runner import run_cli

TITLE = "关于[/b]推进[bold]园区建设的实施方案"


def test_load_of_a_file_with_markup_in_title_and_path_does_not_crash(
    settings: Settings, tmp_path: Path
) -> None:
    """Before: `[/` in a title or a path raised rich.errors.MarkupError mid-load."""
    folder = tmp_path / "a[" / "b]"  # the path reads …/a[/b]/[x].txt
    folder.mkdir(parents=True)
    (folder / "[x].txt").write_text(
        f"{TITLE}\n\n一、总体要求\n到2027年园区营业收入达到100亿元。\n", encoding="utf-8"
    )
    (folder / "second.txt").write_text("另一份实施方案\n\n一、目标\n内容。\n", encoding="utf-8")
    home, graph = settings.home, settings.graph_name
    loaded = run_cli(home, graph, "load", str(folder))
    assert loaded.code == 0, loaded.stderr
    assert "2 document(s) loaded" in loaded.stderr
    assert "a[/b]/[x].txt" in loaded.stderr and "[/b]推进" in loaded.stderr
    table = run_cli(home, graph, "run", "documents")
    assert table.code == 0, table.stderr
    assert "[/b]" in table.stdout  # the table may shorten the title to the terminal's width
    rows = run_cli(home, graph, "run", "documents", "--format", "csv")
    assert TITLE in rows.stdout


def test_error_hints_keep_bracketed_text(settings: Settings) -> None:
    """Before: the hint showed `MERGE (a)-->(b)` for `MERGE (a)-[r:SETS_TARGET]->(b)`."""
    query = "MERGE (a)-[r:SETS_TARGET]->(b) RETURN r"
    result = run_cli(settings.home, settings.graph_name, "query", query)
    assert result.code == 2
    assert "read-only" in result.stderr
    bad = run_cli(settings.home, settings.graph_name, "query", "MATCH (a)-[r:X]->(b RETURN r")
    assert bad.code == 2
    assert "[r:X]" in bad.stderr
