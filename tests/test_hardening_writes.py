"""Issue 11, finding 5: a document's rows are validated before its previous version is deleted."""

from __future__ import annotations

import pytest

from policykg.errors import ExtractError
from policykg.graph import Store
from policykg.graph.snapshot import read_snapshot
from policykg.graph.writer import write_extraction
from policykg.ontology.records import Extraction, NodeRecord, RelationshipRecord

DOC = "doc:test-1"
PROPS = {"doc": DOC, "relation": "依据", "evidence": "根据《上位文件》"}


def _extraction(*relationships: RelationshipRecord) -> Extraction:
    nodes = (
        NodeRecord("Document", DOC, {"title": "关于推进园区建设的实施方案"}),
        NodeRecord("Document", "doc:basis", {"title": "上位文件"}, weak=True),
    )
    return Extraction(DOC, nodes, relationships)


def test_bad_relationship_leaves_the_previous_version_intact(store: Store) -> None:
    """Before: the per-document delete ran first, so a bad relationship left the document
    half-replaced (its CITES edge gone, nothing written in its place)."""
    cites = RelationshipRecord("CITES", "Document", DOC, "Document", "doc:basis", PROPS)
    write_extraction(store, _extraction(cites), batch_size=10)
    before = read_snapshot(store).canonical()
    assert len(before[1]) == 1
    bad = RelationshipRecord("NO_SUCH_TYPE", "Document", DOC, "Document", "doc:basis", PROPS)
    with pytest.raises(ExtractError, match="unknown relationship type 'NO_SUCH_TYPE'"):
        write_extraction(store, _extraction(cites, bad), batch_size=10)
    assert read_snapshot(store).canonical() == before
