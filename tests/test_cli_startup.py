"""Issue 12: `policykg query` starts without building every command or importing what only
other commands use; the commands behave as before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer

from policykg.app.cli import app, app_for

ROOT = Path(__file__).resolve().parent.parent
# Imported by no read command: the full FalkorDB client, rich's console and table (the plain
# table prints results), the ontology and the named-query catalogue (`run` imports them).
HEAVY = ("redis", "falkordb", "rich.console", "rich.table", "policykg.ontology",
         "policykg.graph.embedded", "policykg.graph.falkordb_store", "policykg.queries")  # fmt: skip


def _group(typer_app: typer.Typer) -> click.Group:
    group = typer.main.get_command(typer_app)
    assert isinstance(group, click.Group)
    return group


def _help(group: click.Group, name: str) -> str:
    command = group.commands[name]
    with click.Context(group, info_name="policykg") as parent:
        return command.get_help(click.Context(command, info_name=name, parent=parent))


@pytest.mark.parametrize(
    ("args", "built"),
    [
        (["query", "RETURN 1"], ["query"]),
        (["--home", "/tmp/x", "--graph=g", "run", "lineage_up"], ["run"]),
        (["--store", "falkordb", "db", "status"], ["db"]),
        (["--home", "query", "stats"], ["stats"]),  # an option's value is not the command
        (["--help"], None),
        (["--", "query"], None),
        (["quer", "RETURN 1"], None),  # misspelt: the whole app suggests the right name
        ([], None),
    ],
)
def test_only_the_command_being_run_is_built(args: list[str], built: list[str] | None) -> None:
    group = _group(app_for(args))
    assert sorted(group.commands) == (built or sorted(_group(app).commands))


def test_every_command_reads_the_same_built_alone() -> None:
    whole = _group(app)
    for name in whole.commands:
        alone = _group(app_for([name]))
        assert list(alone.commands) == [name]
        assert _help(alone, name) == _help(whole, name)
        assert [p.name for p in alone.params] == [p.name for p in whole.params]
    assert app.registered_commands and len(_group(app).commands) == len(whole.commands)


def test_importing_the_cli_leaves_the_read_path_s_heavy_modules_out() -> None:
    code = "import sys, policykg.app.cli; print(*sorted(sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.split()  # fmt: skip
    assert [name for name in HEAVY if name in loaded] == []
