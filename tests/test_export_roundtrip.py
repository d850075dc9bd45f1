"""Export -> import into a fresh store gives the same ids, labels, properties and counts."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from policykg.app.loading import load_files
from policykg.graph import Store, dialect
from policykg.graph.export_cypher import statements
from policykg.graph.exporters import EXPORT_FORMATS, export_graph
from policykg.graph.importers import import_path
from policykg.graph.snapshot import Snapshot, read_snapshot
from policykg.graph.stats import graph_stats
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord
from tests.export_support import REPO, load_sample, open_graph

SOURCE_GRAPH = "roundtrip_source"
OUT_NAMES = {f: f"graph.{f}" for f in EXPORT_FORMATS} | {"csv": "csv"}


@pytest.fixture(scope="module")
def source(server_home: Path) -> Iterator[tuple[Path, Store, Snapshot]]:
    """The demo corpus plus a graph touching every type, on the session's server."""
    store = open_graph(server_home, SOURCE_GRAPH)
    load_files(store, sorted((REPO / "demo").glob("*")), 500)
    load_sample(store)
    yield server_home, store, read_snapshot(store)
    store.clear()
    store.close()


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "csv", "graphml", "gexf"])
def test_export_then_import_into_a_fresh_store(
    fmt: str, source: tuple[Path, Store, Snapshot], tmp_path: Path
) -> None:
    home, store, snapshot = source
    out = tmp_path / OUT_NAMES[fmt]
    result = export_graph(store, fmt, out)
    assert result.shacl is None or result.shacl.conforms, result.shacl.text
    copy = open_graph(home, f"copy_{fmt}")
    try:
        import_path(copy, out, batch_size=7)
        back = read_snapshot(copy)
        assert back.canonical() == snapshot.canonical()
        assert graph_stats(copy) == graph_stats(store)
    finally:
        copy.clear()
        copy.close()


def test_cypher_export_recreates_the_store(
    source: tuple[Path, Store, Snapshot], tmp_path: Path
) -> None:
    home, store, snapshot = source
    out = tmp_path / "graph.cypher"
    export_graph(store, "cypher", out, dialect=dialect.FALKORDB)
    copy = open_graph(home, "copy_cypher")
    copy.clear()
    try:
        for statement in statements(out.read_text(encoding="utf-8")):
            copy.write(statement)
        assert read_snapshot(copy).canonical() == snapshot.canonical()
    finally:
        copy.clear()
        copy.close()


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYKG_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-c", "from app.cli import main; main()", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_cli_export_graphml_matches_stats(
    source: tuple[Path, Store, Snapshot], tmp_path: Path
) -> None:
    home, store, _ = source
    out = tmp_path / "demo.graphml"
    done = _cli(home, "--graph", SOURCE_GRAPH, "export", str(out))
    assert done.returncode == 0, done.stderr
    stats = graph_stats(store)
    assert done.stderr.startswith(
        f"wrote {out}: {stats.nodes} nodes, {stats.edges} relationships, {out.stat().st_size} bytes"
    )
    graph = nx.read_graphml(out, force_multigraph=True)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (stats.nodes, stats.edges)


def test_cli_export_ttl_reports_shacl_and_import_reads_it(
    source: tuple[Path, Store, Snapshot], tmp_path: Path
) -> None:
    home, _, snapshot = source
    out = tmp_path / "demo.ttl"
    done = _cli(home, "--graph", SOURCE_GRAPH, "export", "--format", "ttl", str(out))
    assert done.returncode == 0, done.stderr
    assert "SHACL: conforms (0 violations)" in done.stderr
    imported = _cli(home, "--graph", "cli_copy", "import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr.strip() == (
        f"imported {out}: {len(snapshot.nodes)} nodes, {len(snapshot.relationships)} relationships"
    )
    copy = open_graph(home, "cli_copy")  # empties it again
    copy.close()


def test_cli_errors_are_one_line_with_a_hint(tmp_path: Path) -> None:
    done = _cli(tmp_path / "home", "export", str(tmp_path / "graph.pdf"))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "error: cannot tell the export format from the name graph.pdf",
        "hint: pass --format with one of: ttl, jsonld, graphml, gexf, csv, cypher",
    ]


def test_cli_rdf_export_with_violations_exits_1(server_home: Path, tmp_path: Path) -> None:
    store = open_graph(server_home, "invalid_dates")
    try:
        write_records(
            store, [NodeRecord("Document", "doc:x", {"name": "x", "date": "2024年3月"})], [], 10
        )
        out = tmp_path / "bad.ttl"
        done = _cli(server_home, "--graph", "invalid_dates", "export", str(out))
        assert done.returncode == 1
        assert "Conforms: False" in done.stderr
        assert done.stderr.rstrip().endswith("SHACL: 1 violation(s)")
        assert out.exists()  # written all the same, for inspection
    finally:
        store.clear()
        store.close()


def test_cli_import_refuses_a_file_without_our_nodes(server_home: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.ttl"
    foreign.write_text("<http://x/a> <http://x/p> 'b' .\n", encoding="utf-8")
    done = _cli(server_home, "--graph", "foreign", "import", str(foreign))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"error: no policykg nodes in {foreign}",
        "hint: import a file written by `policykg export` (RDF: with the same --base)",
    ]


def test_cli_export_to_an_unwritable_place_is_one_line(server_home: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    done = _cli(server_home, "--graph", SOURCE_GRAPH, "export", str(blocker / "g.ttl"))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"error: cannot write {blocker / 'g.ttl'}: File exists ({blocker})",
        "hint: name a file in a writable folder (a folder for --format csv)",
    ]
