"""Citation stubs merge with the real document in either load order."""

from __future__ import annotations

from policykg.graph import Store
from policykg.graph.reconcile import merge_stubs
from policykg.graph.stats import graph_stats
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord, RelationshipRecord, node_id

CITING = node_id("Document", "鹤壁市实施方案")
STUB = node_id("Document", "河南省人民政府关于支持鹤壁市建设高质量发展城市的指导意见")
REAL = node_id("Document", "豫政〔2019〕19号")
TITLE = "河南省人民政府关于支持鹤壁市建设高质量发展城市的指导意见"


def _citing(store: Store) -> None:
    nodes = [
        NodeRecord(
            "Document", CITING, {"name": "鹤壁市实施方案", "title": "鹤壁市实施方案", "stub": False}
        ),
        NodeRecord(
            "Document",
            STUB,
            {"name": TITLE, "title": f"《{TITLE}》", "title_key": TITLE, "stub": True},
            weak=True,
        ),
    ]
    rels = [
        RelationshipRecord(
            "CITES", "Document", CITING, "Document", STUB,
            {"doc": CITING, "evidence": f"为贯彻落实《{TITLE}》", "relation": "implements",
             "evidence_start": 3, "evidence_end": 3 + len(TITLE) + 7},
        )
    ]  # fmt: skip
    write_records(store, nodes, rels, batch_size=10)


def _real(store: Store) -> None:
    props = {
        "name": TITLE, "title": TITLE, "title_key": TITLE, "doc_number": "豫政〔2019〕19号",
        "stub": False,
    }  # fmt: skip
    write_records(store, [NodeRecord("Document", REAL, props)], [], batch_size=10)


def _lineage(store: Store) -> list[tuple[str, str, str]]:
    rows = store.read(
        "MATCH (a:Document)-[c:CITES]->(b:Document) RETURN a.id, c.relation, b.id ORDER BY a.id"
    ).rows
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_stub_loaded_first_merges_into_the_real_document(store: Store) -> None:
    _citing(store)
    _real(store)
    assert [(m.stub, m.real) for m in merge_stubs(store)] == [(STUB, REAL)]
    assert _lineage(store) == [(CITING, "implements", REAL)]
    assert graph_stats(store).labels["Document"] == 2
    # the moved citation keeps where its sentence stands in the citing document's text
    moved = store.read(
        "MATCH (:Document)-[c:CITES]->(:Document) RETURN c.doc, c.evidence_start, c.evidence_end"
    ).rows
    assert [tuple(r) for r in moved] == [(CITING, 3, 3 + len(TITLE) + 7)]


def test_real_document_loaded_first_gets_the_citation(store: Store) -> None:
    _real(store)
    _citing(store)
    merge_stubs(store)
    assert _lineage(store) == [(CITING, "implements", REAL)]
    assert merge_stubs(store) == []


def test_same_title_with_another_number_stays_apart(store: Store) -> None:
    _citing(store)
    store.write("MATCH (s:Document {id: $id}) SET s.doc_number = '豫政〔2020〕1号'", {"id": STUB})
    _real(store)
    assert merge_stubs(store) == []
    assert graph_stats(store).labels["Document"] == 3
