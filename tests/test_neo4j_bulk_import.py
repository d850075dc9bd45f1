"""Bulk load: the CSV export's neo4j-admin script, run with neo4j-admin from Maven Central.

`policykg export --format csv` writes a folder and `neo4j-admin-import.sh`; tools/neo4j/neo4j-admin
is neo4j-admin from the launcher's libraries. The script imports the demo corpus into a new
database, Neo4j starts on it, and it holds the graph the embedded store exported.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.app.loading import load_files
from policykg.graph import Store, open_store
from policykg.graph.export_csv import IMPORT_SCRIPT
from policykg.graph.snapshot import read_snapshot
from policykg.settings import Settings
from tests.cli_runner import run_cli
from tests.conftest import DEMO
from tests.neo4j_server import LAUNCHER, Neo4jServer, start_server

pytestmark = pytest.mark.neo4j

GRAPH = "neo4j_bulk_import"
NEO4J_ADMIN = LAUNCHER / "neo4j-admin"


@pytest.fixture(scope="module")
def embedded(server_home: Path) -> Iterator[Store]:
    """The demo corpus in a graph of its own on the session's embedded server."""
    store = open_store(Settings.from_env(env={}, home=server_home, graph_name=GRAPH))
    store.clear()
    store.ensure_schema()
    report = load_files(store, sorted(DEMO.glob("*")), 500)
    assert not report.failed, report.failed
    yield store
    store.clear()
    store.close()


@pytest.fixture(scope="module")
def imported(
    embedded: Store,
    server_home: Path,
    neo4j_server: Neo4jServer,  # built the launcher (or skipped/failed for want of Java)
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Neo4jServer, subprocess.CompletedProcess[str]]]:
    """The CSV export imported by its own script into a new database, and Neo4j started on it."""
    out = tmp_path_factory.mktemp("csv") / "graph"
    exported = run_cli(server_home, GRAPH, "export", "--format", "csv", str(out))
    assert exported.code == 0, exported.stderr
    home = tmp_path_factory.mktemp("neo4j-imported")
    result = subprocess.run(
        ["sh", str(out / IMPORT_SCRIPT)],
        env={
            **os.environ,
            "PATH": f"{LAUNCHER}{os.pathsep}{os.environ['PATH']}",
            "NEO4J_HOME": str(home),
        },
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    server = start_server(home)
    yield server, result
    server.stop()


def _stats_json(server_home: Path, *store_options: str) -> dict[str, object]:
    result = run_cli(server_home, GRAPH, *store_options, "stats", "--json")
    assert result.code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_neo4j_admin_is_the_real_tool(neo4j_server: Neo4jServer, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(NEO4J_ADMIN), "database", "import", "full", "--help"],
        env={**os.environ, "NEO4J_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "neo4j-admin database import full" in result.stdout


def test_the_import_reports_the_exported_counts(
    imported: tuple[Neo4jServer, subprocess.CompletedProcess[str]], server_home: Path
) -> None:
    _, result = imported
    expected = _stats_json(server_home)
    assert "IMPORT DONE" in result.stdout
    assert f"{expected['nodes']} nodes" in result.stdout
    assert f"{expected['relationships']} relationships" in result.stdout


def test_stats_of_the_imported_database_equal_the_embedded_store(
    imported: tuple[Neo4jServer, subprocess.CompletedProcess[str]], server_home: Path
) -> None:
    server, _ = imported
    expected = _stats_json(server_home)
    assert expected["nodes"] and expected["relationships"]
    options = (
        "--store", "neo4j", "--neo4j-uri", server.uri, "--neo4j-user", server.user,
        "--neo4j-password", server.password, "--neo4j-database", "neo4j",
    )  # fmt: skip
    assert _stats_json(server_home, *options) == expected


def test_the_imported_database_holds_the_embedded_graph(
    imported: tuple[Neo4jServer, subprocess.CompletedProcess[str]], embedded: Store
) -> None:
    """Every node, relationship and property, with its type (long, double, boolean, string[])."""
    server, _ = imported
    settings = Settings.from_env(env={**server.env(), "NEO4J_DATABASE": "neo4j"}, store="neo4j")
    store = open_store(settings)
    try:
        store.ensure_schema()  # neo4j-admin writes data only: the constraints come after
        assert read_snapshot(store).canonical() == read_snapshot(embedded).canonical()
        named = "SHOW CONSTRAINTS YIELD name RETURN collect(name)"
        assert "policykg_document_id" in store.read(named).scalar()
    finally:
        store.close()
