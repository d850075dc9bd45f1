"""The graph checks' examples on graphs of more than 20 documents, and the walks of
relationships_have_evidence held to the ontology.

tasks_have_lead and targets_have_year_and_scope count in bulk and look for their examples in
the first 20 documents by title, scanning every document only when those hold too few. Each
test builds documents whose tasks (or targets) break the rule at known places — early, only
late, or on both sides of a title shared by the 20th and 21st documents — and compares the
check's examples with the first five offenders sorted here in Python.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from policykg.graph import Store
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord, RelationshipRecord, node_id
from policykg.ontology.schema import RELATIONSHIP_TYPES
from policykg.queries.graph_checks import CHECK_DIR, graph_checks, run_check

DOCS = 26
UNIT = node_id("Unit", "410100:市发展改革委")
CITY = node_id("Region", "410100")


def _title(i: int) -> str:
    # Documents 19 and 20 (0-based) share a title: the 20th and 21st in title order.
    return f"郑州市实施方案{i - (i >= 20):02d}"


def _graph(store: Store, broken: set[tuple[int, int]], kind: str) -> list[tuple[str, str, str]]:
    """DOCS documents with four tasks (or targets) each; (doc, item) in broken breaks the rule.
    Returns the offenders in the checks' order: title, number, id (tasks); title, id (targets)."""
    nodes = [
        NodeRecord("Region", CITY, {"name": "郑州市", "adcode": "410100", "level": "city"}),
        NodeRecord("Unit", UNIT, {"name": "市发展改革委", "full_name": "郑州市发展改革委"}),
    ]
    rels = [RelationshipRecord("BELONGS_TO", "Unit", UNIT, "Region", CITY, {})]
    offenders = []
    for i in range(DOCS):
        doc = node_id("Document", f"doc{i}")
        title = _title(i)
        nodes.append(NodeRecord("Document", doc, {"name": title, "title": title, "stub": False}))
        for j in range(4):
            item = node_id("Task" if kind == "task" else "Target", f"{doc}#{j}")
            ev: dict[str, Any] = {"doc": doc, "evidence": f"第{j}项"}
            ok = (i, j) not in broken
            if kind == "task":
                props: dict[str, Any] = {"name": f"任务{j}", "number": str(j), "title": f"任务{j}"}
                nodes.append(NodeRecord("Task", item, props))
                rels.append(RelationshipRecord("HAS_TASK", "Document", doc, "Task", item, ev))
                if ok:
                    rels.append(RelationshipRecord("LED_BY", "Task", item, "Unit", UNIT, ev))
            else:
                props = {"name": f"指标{j}", "metric": f"指标{j}", "value": 1.0, "unit": "家"}
                nodes.append(NodeRecord("Target", item, {**props, "year": 2025}))
                rels.append(RelationshipRecord("SETS_TARGET", "Document", doc, "Target", item, ev))
                if ok:
                    rels.append(RelationshipRecord("FOR", "Target", item, "Region", CITY, ev))
            if not ok:
                offenders.append((title, str(j) if kind == "task" else "", item, j))
    write_records(store, nodes, rels, batch_size=100)
    return [(title, str(j), item) for title, _, item, j in sorted(offenders)]


CASES = {
    "none": set(),
    "early, many": {(i, j) for i in range(6) for j in range(3)},
    "only past the 20th title": {(22, 1), (25, 0)},
    "both sides of the shared 20th title": {(18, 2), (19, 1), (20, 0), (20, 2), (3, 1)},
    # Three before the shared title, then two in each of the documents that share it: the
    # fourth and fifth come one from each, so neither document alone holds both.
    "fourth and fifth on both sides of the limit": {
        (0, 0),
        (1, 0),
        (2, 0),
        (19, 0),
        (19, 2),
        (20, 1),
        (20, 3),
    },
    "in every document": {(i, 1) for i in range(DOCS)},
}


@pytest.mark.parametrize("kind", ["task", "target"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_examples_are_the_first_five_offenders_by_title(store: Store, kind: str, case: str) -> None:
    offenders = _graph(store, CASES[case], kind)
    name = "tasks_have_lead" if kind == "task" else "targets_have_year_and_scope"
    result = run_check(store, graph_checks()[name])
    assert result.count == len(offenders)
    expected = [
        (f"{number} 任务{number}" if kind == "task" else f"指标{number}", title)
        for title, number, _ in offenders[:5]
    ]
    assert [(e["item"], e["document"]) for e in result.examples] == expected


def test_relationships_have_evidence_walks_every_extracted_relationship_the_ontology_allows() -> (
    None
):
    text = (Path(CHECK_DIR) / "relationships_have_evidence.cypher").read_text(encoding="utf-8")
    walked = {
        (start, rtype, end)
        for start, types, end in re.findall(r"MATCH \(a:(\w+)\)-\[r:([\w|]+)\]->\(b:(\w+)\)", text)
        for rtype in types.split("|")
    }
    allowed = {
        (start, rel.name, end)
        for rel in RELATIONSHIP_TYPES
        if rel.extracted and rel.doc_stored  # the others' document is one of their nodes
        for start in rel.starts
        for end in rel.ends
    }
    assert walked == allowed
