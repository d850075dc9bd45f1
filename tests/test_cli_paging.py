"""Issue 12: big answers are limited and counted, a unit's tasks aggregate per document,
and many queries run in one process (`query --stdin`)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from unittest import mock

from policykg.settings import Settings
from tests.cli_runner import run_cli

MANY = "UNWIND range(1, 2500) AS x RETURN x"


def _csv_rows(stdout: str) -> list[str]:
    return stdout.splitlines()[1:]  # after the header


def test_query_prints_a_thousand_rows_by_default_and_counts_the_rest(settings: Settings) -> None:
    """Before: `unit_tasks` printed 73,080 rows as a table (56 s) with no way to stop it."""
    result = run_cli(settings.home, settings.graph_name, "query", MANY, "-f", "csv")
    assert result.code == 0, result.stderr
    assert _csv_rows(result.stdout) == [str(x) for x in range(1, 1001)]
    assert "showing 1,000 of 2,500 rows; --limit N or --all for more" in result.stderr


def test_limit_and_all_choose_how_many_rows(settings: Settings) -> None:
    home, graph = settings.home, settings.graph_name
    ten = run_cli(home, graph, "query", MANY, "-f", "json", "--limit", "10")
    assert [row["x"] for row in json.loads(ten.stdout)] == list(range(1, 11))
    every = run_cli(home, graph, "query", MANY, "-f", "csv", "--all")
    assert len(_csv_rows(every.stdout)) == 2500 and "showing" not in every.stderr
    assert run_cli(home, graph, "query", MANY, "--limit", "0").code == 2


def _load(settings: Settings, folder: Path) -> None:
    loaded = run_cli(settings.home, settings.graph_name, "load", str(folder))
    assert loaded.code == 0, loaded.stderr


def _two_plans(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(
        "某市数字经济发展实施方案\n\n一、重点任务\n"
        "（一）建设算力中心。（牵头单位：市发展改革委；配合单位：市数据局）\n"
        "（二）培育数据企业。（牵头单位：市数据局；配合单位：市发展改革委）\n"
        "（三）完善数据交易。（牵头单位：市发展改革委）\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "某市低空经济发展行动方案\n\n一、主要任务\n"
        "（一）建设起降设施。（牵头单位：市交通运输局；配合单位：市发展改革委）\n",
        encoding="utf-8",
    )
    return folder


def test_named_query_limit_is_applied_in_the_server(settings: Settings, tmp_path: Path) -> None:
    _load(settings, _two_plans(tmp_path / "plans"))
    home, graph = settings.home, settings.graph_name
    everything = run_cli(home, graph, "run", "unit_tasks", "-p", "unit=发展改革委", "-f", "json")
    assert len(json.loads(everything.stdout)) == 4, everything.stderr
    two = run_cli(
        home, graph, "run", "unit_tasks", "-p", "unit=发展改革委", "--limit", "2", "-f", "json"
    )
    # The named query's own $limit took the bound: two rows came back, none was cut locally.
    assert len(json.loads(two.stdout)) == 2 and "showing" not in two.stderr


def test_unit_tasks_by_document_counts_leads_and_supports(
    settings: Settings, tmp_path: Path
) -> None:
    _load(settings, _two_plans(tmp_path / "plans"))
    result = run_cli(
        settings.home, settings.graph_name,
        "run", "unit_tasks_by_document", "-p", "unit=发展改革委", "-f", "json",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    counts = [(r["document"], r["leads"], r["supports"]) for r in json.loads(result.stdout)]
    assert counts == [("某市数字经济发展实施方案", 2, 1), ("某市低空经济发展行动方案", 0, 1)]


def test_query_stdin_runs_each_line_and_prints_json_lines(settings: Settings) -> None:
    lines = "RETURN 1 AS a\n\n// a comment\nUNWIND [2, 3] AS b RETURN b\n"
    with mock.patch("sys.stdin", io.StringIO(lines)):
        result = run_cli(settings.home, settings.graph_name, "query", "--stdin", "-f", "json")
    assert result.code == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        [{"a": 1}],
        [{"b": 2}, {"b": 3}],
    ]


def test_query_needs_exactly_one_source(settings: Settings) -> None:
    home, graph = settings.home, settings.graph_name
    neither = run_cli(home, graph, "query")
    both = run_cli(home, graph, "query", "RETURN 1", "--stdin")
    for result in (neither, both):
        assert result.code == 2 and "give one query, or --stdin" in result.stderr
