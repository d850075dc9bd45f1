"""The embedded FalkorDB store: batched writes, idempotency, read-only enforcement."""

from __future__ import annotations

import pytest

from policykg.errors import ExtractError, QueryError
from policykg.graph import Store, open_store
from policykg.graph.stats import graph_stats
from policykg.graph.writer import write_extraction, write_records
from policykg.ontology import Extraction, NodeRecord, RelationshipRecord, node_id
from policykg.settings import Settings
from tests.graph_fixtures import ANHUI_DOC, BOZHOU_PARK, write_known_graph


def test_written_properties_read_back_intact(store: Store) -> None:
    write_known_graph(store)
    rows = store.read(
        "MATCH (p:Park {id: $id}) RETURN p.name AS name, p.aliases AS aliases", {"id": BOZHOU_PARK}
    ).records()
    assert rows == [{"name": "亳州高新区", "aliases": ["亳州高新区", "亳州高新技术产业开发区"]}]


def test_writing_twice_changes_nothing(store: Store) -> None:
    write_known_graph(store)
    first = graph_stats(store)
    write_known_graph(store)
    assert graph_stats(store) == first
    assert first.labels["Document"] == 4 and first.relationships["CITES"] == 3


def test_weak_node_does_not_overwrite_a_loaded_document(store: Store) -> None:
    real = NodeRecord(
        "Document", ANHUI_DOC, {"name": "真实标题", "title": "真实标题", "stub": False}
    )
    write_records(store, [real], [], batch_size=10)
    write_known_graph(store)  # cites ANHUI_DOC as a weak stub
    rows = store.read("MATCH (d:Document {id: $id}) RETURN d.title, d.stub", {"id": ANHUI_DOC}).rows
    assert rows == (("真实标题", False),)


def test_strong_node_completes_a_stub(store: Store) -> None:
    write_known_graph(store)
    real = NodeRecord(
        "Document", ANHUI_DOC, {"name": "真实标题", "title": "真实标题", "stub": False}
    )
    write_records(store, [real], [], batch_size=10)
    assert (
        store.read("MATCH (d:Document {id: $id}) RETURN d.stub", {"id": ANHUI_DOC}).scalar()
        is False
    )
    assert (
        store.read(
            "MATCH (:Document)-[c:CITES]->(:Document {id: $id}) RETURN count(c)", {"id": ANHUI_DOC}
        ).scalar()
        == 1
    )


def test_reloading_a_document_replaces_what_it_said(store: Store) -> None:
    doc = node_id("Document", "测试文件")

    def extraction(tasks: int) -> Extraction:
        nodes = [NodeRecord("Document", doc, {"name": "测试文件", "title": "测试文件"})]
        rels = []
        for i in range(tasks):
            task = node_id("Task", f"{doc}#{i}")
            nodes.append(NodeRecord("Task", task, {"name": f"任务{i}", "number": str(i)}))
            rels.append(
                RelationshipRecord(
                    "HAS_TASK", "Document", doc, "Task", task, {"doc": doc, "evidence": f"任务{i}"}
                )
            )
        return Extraction(doc, tuple(nodes), tuple(rels))

    write_extraction(store, extraction(3), batch_size=2)
    assert graph_stats(store).labels["Task"] == 3
    write_extraction(store, extraction(2), batch_size=2)
    stats = graph_stats(store)
    assert stats.labels["Task"] == 2 and stats.relationships["HAS_TASK"] == 2


def test_ensure_schema_is_idempotent_and_makes_id_unique(store: Store) -> None:
    store.ensure_schema()
    store.ensure_schema()
    store.write("CREATE (:Industry {id: 'industry:x', name: 'x'})")
    with pytest.raises(QueryError):
        store.write("CREATE (:Industry {id: 'industry:x', name: 'y'})")


@pytest.mark.parametrize(
    "cypher",
    [
        "CREATE (n:X) RETURN n",
        "MATCH (n) DETACH DELETE n",
        "MERGE (n:Document {id: 'x'}) RETURN n",
        "MATCH (n:Document) SET n.title = 'hacked' RETURN n",
        "MATCH (n:Document) REMOVE n.title RETURN n",
    ],
)
def test_read_refuses_writes_and_the_graph_is_unchanged(store: Store, cypher: str) -> None:
    write_known_graph(store)
    before = graph_stats(store)
    with pytest.raises(QueryError, match="read-only"):
        store.read(cypher)
    assert graph_stats(store) == before
    assert store.read("MATCH (n:Document) WHERE n.title = 'hacked' RETURN count(n)").scalar() == 0


def test_syntax_error_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError, match="the query failed"):
        store.read("MATCH (n RETURN n")


def test_long_query_times_out_with_a_clear_message(settings: Settings) -> None:
    store = open_store(settings.with_(query_timeout_ms=50))
    try:
        with pytest.raises(QueryError, match="timed out"):
            store.read("UNWIND range(1, 20000) AS x UNWIND range(1, 20000) AS y RETURN count(*)")
    finally:
        store.close()


def test_paths_come_back_as_nodes_and_relationships(store: Store) -> None:
    write_known_graph(store)
    result = store.read("MATCH p = (:Document)-[:CITES*2]->(:Document) RETURN p")
    (path,) = result.rows[0]
    assert [n.properties["level"] for n in path.nodes] == ["park", "provincial", "national"]
    assert [r.properties["relation"] for r in path.relationships] == ["basis", "implements"]
    assert path.relationships[0].start == path.nodes[0].key


def test_invalid_records_are_refused_before_the_store_sees_them(store: Store) -> None:
    with pytest.raises(ExtractError, match="unknown label"):
        write_records(store, [NodeRecord("Person", "p:1", {})], [], batch_size=10)
    with pytest.raises(ExtractError, match="unknown properties"):
        write_records(
            store, [NodeRecord("Industry", "industry:x", {"colour": "red"})], [], batch_size=10
        )
    with pytest.raises(ExtractError, match="cannot connect"):
        write_records(
            store,
            [],
            [RelationshipRecord("LED_BY", "Document", "a", "Unit", "b", {"doc": "a"})],
            batch_size=10,
        )
    assert graph_stats(store).nodes == 0


def test_write_all_runs_statements_in_order_in_one_round_trip(store: Store) -> None:
    """Issue 12: a document's replacement is one pipelined round trip, not ~20."""
    store.write_all(
        [
            ("CREATE (:Region {id: 'region:a', name: $name})", {"name": "甲"}),
            ("MATCH (r:Region {id: 'region:a'}) SET r.name = r.name + $more", {"more": "乙"}),
            ("UNWIND $rows AS row CREATE (:Region {id: row.id})", {"rows": [{"id": "region:b"}]}),
        ]
    )
    rows = store.read("MATCH (r:Region) RETURN r.id, r.name ORDER BY r.id").rows
    assert rows == (("region:a", "甲乙"), ("region:b", None))


def test_a_failing_statement_in_write_all_names_itself(store: Store) -> None:
    with pytest.raises(QueryError) as failed:
        store.write_all([("CREATE (:Region {id: 'region:c'})", {}), ("MATCH (n) RETURN n +", {})])
    assert "the query failed" in str(failed.value) and "of pipeline" not in str(failed.value)
    assert failed.value.hint == "query: MATCH (n) RETURN n +"
