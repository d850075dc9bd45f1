"""No named or explorer query finds its start by scanning every node of the graph.

A node matched without a label (`MATCH (n) WHERE n.id = $id`) is an All Node Scan in
FalkorDB: milliseconds on the demo, seconds at 100,000 documents (the Document page's
evidence query took 1.2 s at 2,000 generated documents). The plans come from the real
embedded server (GRAPH.EXPLAIN), with parameters of each declared type.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policykg.graph import Store
from policykg.ontology.schema import LABELS
from policykg.queries import NamedQuery, parse_query_file

ROOT = Path(__file__).resolve().parent.parent
QUERY_FILES = sorted(
    [
        *(ROOT / "queries").glob("*.cypher"),
        *(ROOT / "queries" / "checks").glob("*.cypher"),
        *(ROOT / "app" / "explorer" / "cypher").glob("*.cypher"),
    ]
)
SAMPLE = {"int": 1, "float": 1.0, "str": "x", "bool": False}


def _sample_params(query: NamedQuery) -> dict[str, Any]:
    return {p.name: SAMPLE[p.type] for p in query.params}


def _plan(store: Store, query: NamedQuery) -> list[str]:
    graph = store._graph  # type: ignore[attr-defined]
    plan = graph.explain(query.cypher, _sample_params(query))
    return [line.strip() for line in str(plan).splitlines()]


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_query_scans_every_node(store: Store, path: Path) -> None:
    query = parse_query_file(path)
    plan = _plan(store, query)
    assert plan, query.name
    assert not [step for step in plan if "All Node Scan" in step], "\n".join(plan)


@pytest.mark.parametrize("name", ["neighbours", "node_by_id"])
def test_a_node_found_by_id_is_looked_for_under_every_label(name: str) -> None:
    """These queries name each label in a branch of their own (a label cannot be a parameter):
    a label added to the ontology and not to them would make its nodes unfindable."""
    query = parse_query_file(ROOT / "app" / "explorer" / "cypher" / f"{name}.cypher")
    assert {label for label in LABELS if f"(n:{label} {{id: $id}})" in query.cypher} == set(LABELS)
