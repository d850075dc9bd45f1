"""Every record extracted from the sample documents is one the ontology allows."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders import parse
from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.ontology.records import validate_node, validate_relationship
from policykg.ontology.schema import RELATIONSHIPS

DEMO = sorted((Path(__file__).resolve().parent.parent / "demo").glob("*.txt"))


@pytest.mark.parametrize("path", DEMO, ids=lambda p: p.name[:3])
def test_seed_extractions_validate(path):
    parsed = parse(path)
    for doc in parsed.documents():
        extraction = extract(doc)
        ids = {n.id for n in extraction.nodes}
        for node in extraction.nodes:
            validate_node(node)
        for rel in extraction.relationships:
            validate_relationship(rel)
            assert rel.start in ids and rel.end in ids
            if RELATIONSHIPS[rel.type].extracted:
                assert rel.properties["doc"] == extraction.document_id
                assert rel.properties["evidence"]


def test_extraction_is_deterministic():
    doc = parse(DEMO[2])
    first, second = extract(doc), extract(doc)
    assert first == second


_PIECES = [
    "《",
    "》",
    "（",
    "）",
    "(",
    ")",
    "〔2024〕",
    "[2020]",
    "11号",
    "皖办发",
    "根据",
    "牵头",
    "配合",
    "由",
    "市发展改革委",
    "、",
    "，",
    "。",
    "\n",
    "1.",
    "(一)",
    "一、",
    "到2027年",
    "突破",
    "400",
    "亿元",
    "%",
    "以上",
    "左右",
    "*家",
    "亳州",
    "高新区",
    "开发区",
    "以下简称",
    "做大做强",
    "主导产业",
    "责任单位：",
    "会同",
    "负责",
    "废止",
    "参照执行",
    "淇滨区",
    "目前:",
    "3-4个",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.sampled_from([None, "鹤壁市人民政府"]))
@settings(max_examples=200, deadline=None)
def test_any_text_extracts_to_valid_records(pieces, issuer):
    text = "".join(pieces)
    doc = ParsedDocument("mem.txt", "txt", "utf-8", text, Metadata("某某方案", issuer=issuer))
    extraction = extract(doc)
    for node in extraction.nodes:
        validate_node(node)
    for rel in extraction.relationships:
        validate_relationship(rel)
