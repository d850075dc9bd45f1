"""Extractions written to a real embedded FalkorDB: stubs merge with loaded documents."""

from __future__ import annotations

import pytest

from policykg.graph import open_store
from policykg.graph.embedded import stop_server
from policykg.graph.reconcile import merge_stubs
from policykg.graph.writer import write_extraction
from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.settings import Settings


@pytest.fixture
def store(tmp_path):
    home = tmp_path / "home"
    store = open_store(Settings.from_env(home=home))
    store.ensure_schema()
    yield store
    store.close()
    stop_server(home)


def _doc(text, title, number=None, issuer=None):
    meta = Metadata(title=title, doc_number=number, issuer=issuer)
    return ParsedDocument(f"{title}.txt", "txt", "utf-8", text, meta)


CITING = _doc(
    "为贯彻落实《亳州市某某实施意见》，根据《安徽省某某意见》（皖办发〔2024〕11号），制定本方案。",
    "亳州高新区某某方案",
    issuer="安徽亳州高新技术产业开发区管理委员会",
)
CITED_BY_TITLE = _doc("正文。", "亳州市某某实施意见", "亳政〔2024〕9号", "亳州市人民政府")
CITED_BY_NUMBER = _doc("正文。", "安徽省某某意见", "皖办发〔2024〕11号", "中共安徽省委办公厅")


def _lineage(store):
    rows = store.read(
        "MATCH (a:Document)-[r:CITES]->(d:Document) "
        "RETURN a.title AS a, r.relation AS relation, d.id AS d, d.stub AS stub ORDER BY d"
    )
    return [tuple(row) for row in rows.rows]


@pytest.mark.parametrize("citing_first", [True, False])
def test_stubs_merge_with_the_real_documents_in_either_order(store, citing_first):
    docs = [CITING, CITED_BY_TITLE, CITED_BY_NUMBER]
    if not citing_first:
        docs.reverse()
    for doc in docs:
        write_extraction(store, extract(doc), 100)
        merge_stubs(store)
    assert sorted(_lineage(store)) == [
        ("亳州高新区某某方案", "basis", "doc:皖办发〔2024〕11号", False),
        ("亳州高新区某某方案", "implements", "doc:亳政〔2024〕9号", False),
    ]
    real = store.read(
        "MATCH (d:Document {id: 'doc:皖办发〔2024〕11号'}) RETURN d.title, d.level, d.source"
    ).rows
    assert real == (("安徽省某某意见", "provincial", "安徽省某某意见.txt"),)
    stubs = store.read("MATCH (d:Document) WHERE d.stub = true RETURN count(d)").scalar()
    assert stubs == 0


def test_a_stub_keeps_what_the_issuer_code_says(store):
    write_extraction(store, extract(CITING), 100)
    row = store.read(
        "MATCH (d:Document {id: 'doc:皖办发〔2024〕11号'}) RETURN d.stub, d.level, d.issuer"
    ).rows
    assert row == ((True, "provincial", "中共安徽省委办公厅"),)
