"""The demo corpus on Neo4j 5 and on the embedded FalkorDB gives the same graph, rows and exports."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policykg.app.loading import load_files
from policykg.errors import QueryError
from policykg.graph import GraphNode, GraphPath, GraphRelationship, Store, open_store
from policykg.graph.export_cypher import statements
from policykg.graph.exporters import EXPORT_FORMATS, export_graph
from policykg.graph.importers import import_path
from policykg.graph.snapshot import read_snapshot
from policykg.graph.stats import graph_stats
from policykg.queries import get_query, named_queries
from policykg.settings import Settings
from tests.conftest import DEMO, ROOT
from tests.export_support import open_graph

pytestmark = pytest.mark.neo4j

DEMO_FILES = sorted(DEMO.glob("*"))
BATCH = 500

# Parameters that find something in the demo corpus, so that equal rows are not two empty lists.
DEMO_PARAMS: dict[str, dict[str, str]] = {
    "document_overview": {"doc": "亳州高新区城市功能"},
    "documents": {},
    "documents_by_issuer_region": {"region": "安徽省"},
    "industries_by_park": {},
    "lineage_down": {"doc": "皖办发〔2024〕11号"},
    "lineage_up": {"doc": "亳州高新区城市功能"},
    "targets_by_year": {"year": "2025"},
    "unit_tasks": {"unit": "城市管理局"},
    "unit_tasks_by_document": {"unit": "局"},
    "broken_chains": {},
    "coverage": {"doc": "皖办发〔2024〕11号"},
    "diffusion": {"doc": "亳州高新区城市功能"},
    "target_cascade": {"metric": "地区生产总值增速", "year": "2025"},
}


@pytest.fixture(scope="module")
def stores(server_home: Path, neo4j_settings: Settings) -> Iterator[tuple[Store, Store]]:
    """The demo corpus loaded into a fresh embedded graph and into the session's Neo4j."""
    falkordb = open_graph(server_home, "neo4j_parity")
    neo4j = open_store(neo4j_settings)
    neo4j.clear()
    neo4j.ensure_schema()
    for store in (falkordb, neo4j):
        report = load_files(store, DEMO_FILES, BATCH)
        assert not report.failed, report.failed
    yield falkordb, neo4j
    for store in (falkordb, neo4j):
        store.clear()
        store.close()


def test_demo_corpus_gives_identical_stats(stores: tuple[Store, Store]) -> None:
    falkordb, neo4j = stores
    expected = graph_stats(falkordb).to_json()
    assert expected["nodes"] and expected["relationships"]
    assert graph_stats(neo4j).to_json() == expected


def test_demo_corpus_gives_identical_nodes_properties_and_relationships(
    stores: tuple[Store, Store],
) -> None:
    falkordb, neo4j = stores
    assert read_snapshot(neo4j).canonical() == read_snapshot(falkordb).canonical()


def _plain(value: Any) -> Any:
    """A value with store-specific ids dropped, so rows of the two stores can be compared."""
    if isinstance(value, GraphNode):
        return {"labels": list(value.labels), "properties": _plain(value.properties)}
    if isinstance(value, GraphRelationship):
        return {"type": value.type, "properties": _plain(value.properties)}
    if isinstance(value, GraphPath):
        return {"nodes": _plain(list(value.nodes)), "rels": _plain(list(value.relationships))}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _rows(store: Store, name: str) -> list[str]:
    named = get_query(name)
    result = store.read(named.cypher, named.bind(DEMO_PARAMS.get(name, {})))
    rows = [
        json.dumps(_plain(dict(zip(result.columns, row, strict=True))), ensure_ascii=False)
        for row in result.rows
    ]
    return rows


def test_every_named_query_has_demo_parameters() -> None:
    assert set(named_queries()) - set(DEMO_PARAMS) == set()


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_returns_the_same_rows_on_both_stores(
    stores: tuple[Store, Store], name: str
) -> None:
    falkordb, neo4j = stores
    expected = _rows(falkordb, name)
    assert expected, f"{name} finds nothing in the demo corpus: pick other parameters"
    got = _rows(neo4j, name)
    # Same rows; the order only where the query fixes it (ties may come back either way).
    assert sorted(got) == sorted(expected)


def test_loading_twice_changes_nothing_on_neo4j(stores: tuple[Store, Store]) -> None:
    _, neo4j = stores
    before = read_snapshot(neo4j).canonical()
    stats = graph_stats(neo4j)
    assert not load_files(neo4j, DEMO_FILES, 7).failed  # another batch size, too
    assert graph_stats(neo4j) == stats
    assert read_snapshot(neo4j).canonical() == before


def test_kill_9_of_the_loader_mid_load_then_reload_equals_a_clean_load(
    stores: tuple[Store, Store],
) -> None:
    falkordb, neo4j = stores
    neo4j.clear()
    # One document per transaction, one row per statement: the kill lands mid-load.
    env = {
        **os.environ,
        "POLICYKG_STORE": "neo4j",
        "POLICYKG_BATCH_SIZE": "1",
        "POLICYKG_GROUP": "1",
    }
    loader = subprocess.Popen(
        [sys.executable, "-m", "policykg.app.cli", "load", *map(str, DEMO_FILES)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert loader.stderr is not None
    for line in loader.stderr:  # one line per loaded file: kill after the first
        if line.startswith("ok "):
            loader.send_signal(signal.SIGKILL)
            break
    loader.wait(120)
    loader.stderr.close()
    assert loader.returncode == -signal.SIGKILL, "the load finished before the kill"
    partial = graph_stats(neo4j)
    assert 0 < partial.nodes < graph_stats(falkordb).nodes

    assert not load_files(neo4j, DEMO_FILES, BATCH).failed
    assert read_snapshot(neo4j).canonical() == read_snapshot(falkordb).canonical()


def test_named_queries_print_no_driver_notifications(stores: tuple[Store, Store]) -> None:
    """`CALL { WITH a … }` (read by both stores) is deprecated in Neo4j 5.26: the CLI must
    not print the driver's deprecation notice for each query."""
    env = {**os.environ, "POLICYKG_STORE": "neo4j"}
    for name in ("broken_chains", "target_cascade"):
        args = [f"{k}={v}" for k, v in DEMO_PARAMS[name].items()]
        params = [x for arg in args for x in ("-p", arg)]
        done = subprocess.run(
            [sys.executable, "-m", "policykg.app.cli", "run", name, *params, "--format", "json"],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "notification" not in done.stderr.lower(), done.stderr[:500]


WRITES = [
    # The forms the embedded suite tries (tests/test_store_falkordb.py) …
    "CREATE (n:X) RETURN n",
    "MATCH (n) DETACH DELETE n",
    "MERGE (n:Document {id: 'x'}) RETURN n",
    "MATCH (n:Document) SET n.title = 'hacked' RETURN n",
    "MATCH (n:Document) REMOVE n.title RETURN n",
    # … and the ones only Neo4j has.
    "MATCH (n:Document) WITH n LIMIT 1 CALL { WITH n SET n.title = 'hacked' } RETURN 1",
    "FOREACH (x IN [1] | CREATE (:X {title: 'hacked'}))",
    "MATCH (n:Document) WITH n LIMIT 1 SET n:Hacked RETURN n",
    "CREATE INDEX hacked IF NOT EXISTS FOR (n:X) ON (n.title)",
    "DROP CONSTRAINT policykg_document_id",
    "CALL db.createLabel('Hacked')",
    "CALL db.createProperty('hacked')",
    "CALL db.createRelationshipType('HACKED')",
]
ADMIN = [
    "CALL dbms.listConfig()",
    "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
    "CALL db.clearQueryCaches()",
    "CALL dbms.killConnections(['bolt-1'])",
    "SHOW USERS",
    "CREATE DATABASE hacked",
    "ALTER USER neo4j SET PASSWORD 'hacked-password'",
    # Planned as reads by Neo4j, refused by the store: server files, other users' work, tuning.
    "LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW SETTINGS",
    "CALL db.prepareForReplanning()",
    "CALL db.resampleOutdatedIndexes()",
    "MATCH (n:Document) WITH n LIMIT 1 CALL db.prepareForReplanning() RETURN n",
]


@pytest.mark.parametrize("cypher", WRITES + ADMIN)
def test_read_only_path_refuses_writes_and_admin(stores: tuple[Store, Store], cypher: str) -> None:
    _, neo4j = stores
    before = read_snapshot(neo4j).canonical()
    labels = neo4j.read("CALL db.labels() YIELD label RETURN collect(label)").scalar()
    with pytest.raises(QueryError):
        neo4j.read(cypher)
    assert read_snapshot(neo4j).canonical() == before
    assert neo4j.read("CALL db.labels() YIELD label RETURN collect(label)").scalar() == labels
    constraints = neo4j.read("SHOW CONSTRAINTS YIELD name RETURN collect(name)").scalar()
    assert "policykg_document_id" in constraints


@pytest.mark.parametrize(
    ("cypher", "expected"),
    [
        ("CALL db.labels() YIELD label RETURN count(label) > 0", True),
        ("CALL db.relationshipTypes() YIELD relationshipType RETURN count(*) > 0", True),
        ("CALL db.schema.visualization() YIELD nodes RETURN size(nodes) > 0", True),
        ("CALL db.ping()", True),
        (
            "SHOW INDEXES YIELD name WHERE name = 'policykg_document_title' RETURN count(*) = 1",
            True,
        ),
    ],
)
def test_read_only_path_still_reads_the_schema(
    stores: tuple[Store, Store], cypher: str, expected: object
) -> None:
    _, neo4j = stores
    assert neo4j.read(cypher).scalar() == expected


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_export_from_neo4j_equals_export_from_the_embedded_store(
    stores: tuple[Store, Store], fmt: str, tmp_path: Path
) -> None:
    falkordb, neo4j = stores
    outs = []
    for name, store in (("falkordb", falkordb), ("neo4j", neo4j)):
        out = tmp_path / name / ("csv" if fmt == "csv" else f"graph.{fmt}")
        result = export_graph(store, fmt, out)
        assert result.shacl is None or result.shacl.conforms
        outs.append(out)
    # Every format byte for byte: the snapshot fixes the property order either store returns.
    expected, got = (_contents(o) for o in outs)
    assert expected
    assert got.keys() == expected.keys()
    for path, data in expected.items():
        assert got[path] == data, f"{fmt}: {path} differs"


def _files(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.is_file()) if out.is_dir() else [out]


def _contents(out: Path) -> dict[str, bytes]:
    """Each file of an export (a file, or a folder for csv) by its name."""
    return {
        str(p.relative_to(out)) if out.is_dir() else p.name: p.read_bytes() for p in _files(out)
    }


def test_cypher_export_from_neo4j_replayed_into_neo4j_gives_the_embedded_graph(
    stores: tuple[Store, Store], tmp_path: Path
) -> None:
    # Last in the module: it rebuilds the module's Neo4j graph from its own export.
    falkordb, neo4j = stores
    out = tmp_path / "graph.cypher"
    export_graph(neo4j, "cypher", out)
    neo4j.clear()
    assert graph_stats(neo4j).nodes == 0
    for statement in statements(out.read_text(encoding="utf-8")):
        neo4j.write(statement)
    assert read_snapshot(neo4j).canonical() == read_snapshot(falkordb).canonical()


def test_import_into_neo4j_round_trips(stores: tuple[Store, Store], tmp_path: Path) -> None:
    falkordb, neo4j = stores
    out = tmp_path / "graph.ttl"
    export_graph(falkordb, "ttl", out)
    neo4j.clear()
    import_path(neo4j, out, batch_size=BATCH)
    assert read_snapshot(neo4j).canonical() == read_snapshot(falkordb).canonical()
    assert graph_stats(neo4j) == graph_stats(falkordb)
