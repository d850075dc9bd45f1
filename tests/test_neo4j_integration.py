"""The same contract on Neo4j 5, on the server tests/neo4j_server.py starts for the session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from policykg.errors import QueryError, StoreError
from policykg.graph import Store, open_store
from policykg.graph.stats import graph_stats
from policykg.queries import get_query
from policykg.settings import Settings
from tests.graph_fixtures import write_known_graph
from tests.test_named_queries import EXPECTATIONS

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def neo4j_store(neo4j_settings: Settings) -> Iterator[Store]:
    store = open_store(neo4j_settings)
    store.clear()
    store.ensure_schema()
    store.ensure_schema()  # idempotent
    write_known_graph(store)
    yield store
    store.clear()
    store.close()


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_named_query_returns_known_rows_on_neo4j(neo4j_store: Store, name: str) -> None:
    raw, check = EXPECTATIONS[name]
    named = get_query(name)
    check(neo4j_store.read(named.cypher, named.bind(raw)).records())


def test_writing_twice_changes_nothing_on_neo4j(neo4j_store: Store) -> None:
    before = graph_stats(neo4j_store)
    write_known_graph(neo4j_store)
    assert graph_stats(neo4j_store) == before


@pytest.mark.parametrize(
    "cypher",
    ["CREATE (n:X) RETURN n", "MATCH (n) DETACH DELETE n", "MATCH (n:Document) SET n.title = 'x'"],
)
def test_writes_are_refused_on_neo4j(neo4j_store: Store, cypher: str) -> None:
    before = graph_stats(neo4j_store)
    with pytest.raises(QueryError, match="read-only"):
        neo4j_store.read(cypher)
    assert graph_stats(neo4j_store) == before


def test_admin_procedures_are_refused_on_neo4j(neo4j_store: Store) -> None:
    with pytest.raises(QueryError):
        neo4j_store.read("CALL dbms.listConfig()")


def test_syntax_error_is_a_query_error_on_neo4j(neo4j_store: Store) -> None:
    with pytest.raises(QueryError, match="the query failed"):
        neo4j_store.read("MATCH (n RETURN n")


def test_long_query_times_out_with_a_clear_message_on_neo4j(neo4j_settings: Settings) -> None:
    store = open_store(neo4j_settings.with_(query_timeout_ms=50))
    try:
        with pytest.raises(QueryError, match="timed out"):
            store.read("UNWIND range(1, 20000) AS x UNWIND range(1, 20000) AS y RETURN count(*)")
    finally:
        store.close()


def test_paths_come_back_as_nodes_and_relationships_on_neo4j(neo4j_store: Store) -> None:
    result = neo4j_store.read("MATCH p = (:Document)-[:CITES*2]->(:Document) RETURN p")
    (path,) = result.rows[0]
    assert [n.properties["level"] for n in path.nodes] == ["park", "provincial", "national"]
    assert [r.properties["relation"] for r in path.relationships] == ["basis", "implements"]
    assert path.relationships[0].start == path.nodes[0].key


def test_ensure_schema_makes_id_unique_on_neo4j(neo4j_store: Store) -> None:
    neo4j_store.write("CREATE (:Industry {id: 'industry:x', name: 'x'})")
    try:
        with pytest.raises(QueryError):
            neo4j_store.write("CREATE (:Industry {id: 'industry:x', name: 'y'})")
    finally:
        neo4j_store.write("MATCH (n:Industry {id: 'industry:x'}) DETACH DELETE n")


def test_unreachable_neo4j_is_a_store_error(neo4j_settings: Settings) -> None:
    with pytest.raises(StoreError, match="cannot reach Neo4j"):
        open_store(neo4j_settings.with_(neo4j_password="wrong-password"))
