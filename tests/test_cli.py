"""The policykg command line, run as a user runs it: a real process on real files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer

from policykg.app.cli import app
from policykg.graph.embedded import server_status
from policykg.queries import named_queries
from tests.conftest import DEMO, ROOT


def _command_names() -> list[str]:
    """Every command and sub-command the CLI registers, as typed after `policykg`."""
    root = typer.main.get_command(app)
    names = []
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        names.append(name)
        names += [f"{name} {sub}" for sub in getattr(command, "commands", {})]
    return names


COMMANDS = _command_names()


def policykg(home: Path, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a fresh process against a data directory."""
    env = {**os.environ, "POLICYKG_HOME": str(home), "COLUMNS": "200"}
    env.pop("POLICYKG_STORE", None)
    return subprocess.run(
        [sys.executable, "-m", "policykg.app.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=check,
        timeout=600,
    )


def stats(home: Path) -> dict[str, object]:
    return json.loads(policykg(home, "stats", "--json", check=True).stdout)


def test_loading_the_demo_corpus_twice_gives_identical_stats(own_home: Path) -> None:
    first = policykg(own_home, "load", str(DEMO))
    assert first.returncode == 0, first.stderr
    after_first = stats(own_home)
    assert policykg(own_home, "load", str(DEMO)).returncode == 0
    assert stats(own_home) == after_first
    assert after_first["labels"]["Document"] >= 5  # type: ignore[index]


def test_a_write_query_is_refused_and_the_store_is_unchanged(own_home: Path) -> None:
    policykg(own_home, "load", str(DEMO), check=True)
    before = stats(own_home)
    refused = policykg(own_home, "query", "CREATE (n:X) RETURN n")
    assert refused.returncode == 2
    assert (
        "error: this is a read-only query path: CREATE, MERGE, SET, DELETE and REMOVE are refused"
        in refused.stderr
    )
    assert "Traceback" not in refused.stderr
    assert stats(own_home) == before


def test_query_with_parameters_in_every_format(own_home: Path) -> None:
    policykg(own_home, "load", str(DEMO), check=True)
    query = "MATCH (d:Document) WHERE d.source CONTAINS $f RETURN d.source AS source, $n AS n"
    as_json = policykg(
        own_home, "query", query, "-p", "f=002_", "-p", "n=7", "--format", "json", check=True
    )
    rows = json.loads(as_json.stdout)
    assert (
        len(rows) == 1
        and rows[0]["source"].endswith("002_93a20f831e1b95f8.txt")
        and rows[0]["n"] == 7
    )
    as_csv = policykg(
        own_home, "query", query, "-p", "f=002_", "-p", "n=7", "--format", "csv", check=True
    )
    assert as_csv.stdout.splitlines()[0] == "source,n"
    table = policykg(own_home, "query", query, "-p", "f=002_", "-p", "n=7", check=True)
    assert "1 row(s)" in table.stdout


def test_a_bad_file_is_reported_and_the_others_load(own_home: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    good = corpus / "good.txt"
    good.write_text("关于推进试点工作的通知\n一、总体要求\n做好试点工作。\n", encoding="utf-8")
    result = policykg(own_home, "load", str(corpus))
    assert result.returncode == 1
    assert f"error {corpus / 'empty.txt'}:" in result.stderr
    assert "1 document(s) loaded, 1 file(s) failed" in result.stderr
    assert stats(own_home)["labels"] == {"Document": 1}


def test_missing_path_is_a_one_line_error(own_home: Path) -> None:
    result = policykg(own_home, "load", "/no/such/folder")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: /no/such/folder: no such file or folder"


def test_run_lists_named_queries_and_checks_parameters(own_home: Path) -> None:
    listing = policykg(own_home, "run", "--list", check=True).stdout
    for name, named in named_queries().items():
        assert name in listing and named.description[:30] in listing
    missing = policykg(own_home, "run", "unit_tasks")
    assert missing.returncode == 2
    assert "error: unit_tasks needs -p unit=…" in missing.stderr
    unknown = policykg(own_home, "run", "no_such_query")
    assert unknown.returncode == 2 and "hint: policykg run --list shows:" in unknown.stderr
    typed = policykg(own_home, "run", "targets_by_year", "-p", "year=soon")
    assert typed.returncode == 2 and "parameter year must be int" in typed.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(own_home: Path, command: str) -> None:
    result = policykg(own_home, *command.split(), "--help")
    assert result.returncode == 0 and "Usage:" in result.stdout


def test_readme_lists_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"policykg {command}" in readme, command


def test_db_status_stop_and_reset(own_home: Path) -> None:
    policykg(own_home, "load", str(DEMO), check=True)
    status = json.loads(policykg(own_home, "db", "status", "--json", check=True).stdout)
    assert status["running"] is True and status["data_bytes"] > 0
    assert policykg(own_home, "db", "stop").stderr.strip() == "stopped"
    assert not server_status(own_home).running
    assert stats(own_home)["labels"]["Document"] >= 5  # type: ignore[index]
    assert policykg(own_home, "db", "reset", "--yes").returncode == 0
    assert stats(own_home)["nodes"] == 0


def _synthetic_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"doc{i:04d}.txt").write_text(
            f"关于推进第{i}批城市更新试点工作的通知\n一、总体要求\n到2027年完成第{i}批试点。\n"
            f"二、主要任务\n1.推进改造。由市住房城乡建设局牵头，市财政局配合。\n",
            encoding="utf-8",
        )


def test_kill_9_of_the_server_mid_load_then_reload_equals_a_clean_load(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _synthetic_corpus(corpus, 600)
    clean_home, killed_home = tmp_path / "clean", tmp_path / "killed"
    try:
        policykg(clean_home, "load", str(corpus), check=True)
        clean = stats(clean_home)

        env = {**os.environ, "POLICYKG_HOME": str(killed_home), "POLICYKG_BATCH_SIZE": "1"}
        loader = subprocess.Popen(
            [sys.executable, "-m", "policykg.app.cli", "load", str(corpus)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and loader.poll() is None:
            status = server_status(killed_home)
            if status.running and status.data_bytes > 20_000:
                os.kill(status.pid, signal.SIGKILL)  # type: ignore[arg-type]
                break
            time.sleep(0.05)
        _, err = loader.communicate(timeout=120)
        assert loader.returncode == 2, "the load finished before the kill: make the corpus larger"
        assert "error:" in err and "Traceback" not in err
        partial = stats(killed_home)
        assert partial["nodes"] < clean["nodes"]  # type: ignore[operator]

        policykg(killed_home, "load", str(corpus), check=True)
        assert stats(killed_home) == clean
    finally:
        for home in (clean_home, killed_home):
            policykg(home, "db", "stop")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nosuch"], "No such command 'nosuch'"),
        (["query", "RETURN 1", "--bogus"], "No such option: --bogus"),
        (["query", "--format"], "Option '--format' requires an argument"),
    ],
)
def test_usage_errors_are_one_message_without_a_traceback(
    own_home: Path, args: list[str], message: str
) -> None:
    result = policykg(own_home, *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_extract_prints_one_json_object_per_document_with_evidence(own_home: Path) -> None:
    result = policykg(own_home, "extract", str(DEMO / "002_93a20f831e1b95f8.txt"), check=True)
    (line,) = result.stdout.splitlines()
    data = json.loads(line)
    units = {n["id"]: n["properties"] for n in data["nodes"] if n["label"] == "Unit"}
    led = [
        (units[r["end"]]["full_name"], r["properties"]["evidence"])
        for r in data["relationships"]
        if r["type"] == "LED_BY" and r["end"] in units
    ]
    assert any(name == "鹤壁市城市管理局" and "市城市管理局牵头" in ev for name, ev in led)
    assert all(
        r["properties"]["doc"] == data["document"]["id"]
        for r in data["relationships"]
        if "doc" in r["properties"]
    )
