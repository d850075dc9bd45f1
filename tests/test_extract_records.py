"""Every record extracted from the sample documents is one the ontology allows."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import parse
from loaders.extract import extract
from ontology.records import validate_node, validate_relationship
from ontology.schema import RELATIONSHIPS

DEMO = sorted((Path(__file__).resolve().parent.parent / "demo").glob("*.txt"))


@pytest.mark.parametrize("path", DEMO, ids=lambda p: p.name[:3])
def test_seed_extractions_validate(path):
    parsed = parse(path)
    for doc in (parsed, *parsed.companions):
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
