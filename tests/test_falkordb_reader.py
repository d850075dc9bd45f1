"""The lean read client (graph.falkordb_reader) answers as FalkorDBStore.read does.

Both clients run the same queries on the same real embedded server: results (values, nodes,
relationships, paths) and errors must be equal, whatever the query or its parameters.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policykg.errors import PolicyKGError
from policykg.graph import Reader, Store, dialect, open_reader, open_store
from policykg.graph.embedded import server_status
from policykg.graph.falkordb_reader import FalkorDBReader
from policykg.queries import named_queries
from policykg.settings import Settings
from tests.analysis_graph import CITY_TITLE, NAT_NO, write_analysis_graph
from tests.graph_fixtures import write_known_graph

ROOT = Path(__file__).resolve().parent.parent

QUERIES = [
    "RETURN 1",
    "RETURN 1.5, -2, true, false, null, 'x\"y\\\\z', '中文'",
    "RETURN [1, 'a', [2.5, null]], {a: 1, b: {c: 'x'}, `d e`: [true]}",
    "RETURN point({latitude: 1.5, longitude: 2})",
    "MATCH (n) RETURN n ORDER BY n.id",
    "MATCH (a)-[r]->(b) RETURN a.id, r, b.id ORDER BY a.id, b.id, type(r)",
    "MATCH p = (:Document)-[:CITES*1..3]->(:Document) RETURN p ORDER BY length(p), p",
    "MATCH (n) RETURN labels(n), keys(n), n.id ORDER BY n.id",
    "MATCH (d:Document) WHERE d.id = 'no such' RETURN d",
    "CALL db.labels() YIELD label RETURN label ORDER BY label",
]
PARAMS: dict[str, Any] = {
    "s": 'quote " backslash \\ 中文',
    "n": 2027,
    "f": 0.5,
    "b": True,
    "none": None,
    "list": [1, "a", None, [2]],
    "map": {"k": "v", "nested": {"x": 1}},
}
FAILING = [
    "MATCH (n RETURN n",  # syntax
    "RETURN 1 / 0",  # runtime
    "RETURN nosuch(1)",  # unknown function
    "CREATE (:Document {id: 'doc:hacked'})",  # a write on the read-only path
    "MATCH (n) SET n.x = 1",
    "RETURN $missing",
]


@pytest.fixture
def clients(store: Store, settings: Settings) -> Iterator[tuple[Reader, Store]]:
    """The lean reader and the full store on one graph (the store fixture's)."""
    reader = open_reader(settings)
    assert isinstance(reader, FalkorDBReader)
    assert (
        (reader.name, reader.dialect)
        == (store.name, store.dialect)
        == ("falkordb", dialect.FALKORDB)
    )
    yield reader, store
    reader.close()


def _outcome(client: Reader, cypher: str, params: dict[str, Any] | None = None) -> Any:
    try:
        return client.read(cypher, params)
    except PolicyKGError as exc:
        return (type(exc).__name__, str(exc), exc.hint)


@pytest.mark.parametrize("cypher", QUERIES)
def test_results_equal_the_full_clients(clients: tuple[Reader, Store], cypher: str) -> None:
    reader, store = clients
    write_known_graph(store)
    assert _outcome(reader, cypher) == _outcome(store, cypher)


def test_parameters_of_every_type_arrive_intact(clients: tuple[Reader, Store]) -> None:
    reader, store = clients
    cypher = "RETURN " + ", ".join(f"${name} AS {name}" for name in PARAMS)
    result = reader.read(cypher, PARAMS)
    assert result.records() == [PARAMS]
    assert result == store.read(cypher, PARAMS)


def test_the_parameter_header_is_the_falkordb_clients(clients: tuple[Reader, Store]) -> None:
    """Writes (FalkorDBStore.write_all) and reads encode parameters with params_header; it
    must stay byte for byte what the falkordb client writes, whose private method it replaced."""
    from policykg.graph.falkordb_reader import params_header

    _, store = clients
    client_graph = store._graph  # type: ignore[attr-defined]
    params = {**PARAMS, "rows": [{"id": "a\nb", "props": {"text": "行\r\n'尾'"}}]}
    assert params_header(params) == client_graph._build_params_header(params)


@pytest.mark.parametrize("cypher", FAILING)
def test_errors_equal_the_full_clients(clients: tuple[Reader, Store], cypher: str) -> None:
    reader, store = clients
    write_known_graph(store)
    theirs = _outcome(store, cypher)
    assert isinstance(theirs, tuple), "the query should fail"
    assert _outcome(reader, cypher) == theirs
    assert store.read("MATCH (d:Document {id: 'doc:hacked'}) RETURN count(d)").scalar() == 0


def test_every_named_query_answers_as_the_full_client(clients: tuple[Reader, Store]) -> None:
    reader, store = clients
    write_analysis_graph(store)
    values = {"doc": NAT_NO, "unit": "发展改革委", "region": "河南省", "year": "2025",
              "metric": "地区生产总值增速", "similarity": "0.5"}  # fmt: skip
    answered = 0
    for named in named_queries().values():
        params = named.bind({p.name: values[p.name] for p in named.params if p.default is None})
        mine, theirs = reader.read(named.cypher, params), store.read(named.cypher, params)
        assert mine == theirs, named.name
        answered += bool(mine.rows)
    assert answered >= len(named_queries()) // 2  # most of them find something to compare
    lineage = reader.read(named_queries()["lineage_down"].cypher, {"doc": NAT_NO, "limit": 100})
    assert CITY_TITLE in str(lineage.rows)


def test_a_timeout_reads_as_the_full_clients(settings: Settings, store: Store) -> None:
    quick = settings.with_(query_timeout_ms=50)
    slow = "UNWIND range(1, 20000) AS x UNWIND range(1, 20000) AS y RETURN count(*)"
    reader, full = open_reader(quick), open_store(quick)
    try:
        mine, theirs = _outcome(reader, slow), _outcome(full, slow)
    finally:
        reader.close()
        full.close()
    assert mine == theirs == ("QueryError", "the query timed out", mine[2])


def test_names_added_after_the_first_read_are_resolved(clients: tuple[Reader, Store]) -> None:
    reader, store = clients
    write_known_graph(store)
    reader.read("MATCH (n) RETURN n")  # labels, types and property names now cached
    store.write("CREATE (:Document {id: 'doc:new', brand_new_key: 'v'})-[:CITES {fresh: 1}]->"
                "(:Document {id: 'doc:other'})")  # fmt: skip
    query = "MATCH (a {id: 'doc:new'})-[r]->(b) RETURN a, r, b"
    result = reader.read(query)
    assert result == store.read(query)
    assert result.rows[0][0].properties["brand_new_key"] == "v"


def test_a_missing_graph_gets_its_schema_like_the_full_client(server_home: Path) -> None:
    mine = Settings.from_env(env={}, home=server_home, graph_name="reader_fresh_a")
    theirs = mine.with_(graph_name="reader_fresh_b")
    reader, store = open_reader(mine), open_store(theirs)
    try:
        assert reader.read("RETURN 1").rows == store.read("RETURN 1").rows == ((1,),)
        indexes = (
            "CALL db.indexes() YIELD label, properties RETURN label, properties ORDER BY label"
        )
        assert reader.read(indexes) == store.read(indexes)
        assert reader.read(indexes).rows  # the schema was created
    finally:
        reader.close()
        for settings in (mine, theirs):
            cleanup = open_store(settings)
            cleanup.clear()
            cleanup.close()
        store.close()


def test_a_graph_deleted_under_an_open_reader_reads_as_empty(clients: tuple[Reader, Store]) -> None:
    reader, store = clients
    write_known_graph(store)
    assert reader.read("MATCH (n) RETURN count(n)").scalar() > 0
    store.clear()
    assert reader.read("MATCH (n) RETURN n").rows == store.read("MATCH (n) RETURN n").rows == ()


def test_a_server_killed_under_the_reader_is_restarted_with_the_same_message(
    own_home: Path,
) -> None:
    settings = Settings.from_env(env={}, home=own_home)
    messages = []
    for open_client in (open_reader, open_store):
        client = open_client(settings)
        try:
            client.read("RETURN 1")
            pid = server_status(own_home).pid
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            messages.append(_outcome(client, "RETURN 1"))
            assert server_status(own_home).running
            assert server_status(own_home).pid != pid
        finally:
            client.close()
    assert messages[0] == messages[1]
    assert "server was restarted" in messages[0][1]


def test_a_cli_query_imports_neither_redis_nor_the_falkordb_client_nor_the_ontology(
    store: Store, settings: Settings
) -> None:
    write_known_graph(store)
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('loaded:', *sorted(sys.modules)))\n"
        "sys.argv = ['policykg', 'query', 'MATCH (d:Document) RETURN count(d)', '--format', 'csv']\n"
        "from policykg.app.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "POLICYKG_HOME": str(settings.home), "POLICYKG_GRAPH": settings.graph_name}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)  # fmt: skip
    assert done.stdout.startswith("count(d)\n4\n")
    loaded = done.stdout.split("loaded:", 1)[1].split()
    # The ontology (~13 ms) neither: a read needs no schema.
    heavy = ("redis", "falkordb", "asyncio", "ssl", "policykg.ontology")
    assert [name for name in heavy if name in loaded] == []
