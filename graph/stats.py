"""Counts of nodes per label and relationships per type."""

from __future__ import annotations

from dataclasses import dataclass

from policykg.graph import dialect
from policykg.graph.store import Store
from policykg.ontology.schema import LABELS, RELATIONSHIPS


@dataclass(frozen=True)
class GraphStats:
    """What `policykg stats` prints."""

    labels: dict[str, int]
    relationships: dict[str, int]

    @property
    def nodes(self) -> int:
        return sum(self.labels.values())

    @property
    def edges(self) -> int:
        return sum(self.relationships.values())

    def to_json(self) -> dict[str, object]:
        return {
            "nodes": self.nodes,
            "relationships": self.edges,
            "labels": self.labels,
            "relationship_types": self.relationships,
        }


def graph_stats(store: Store) -> GraphStats:
    """Count what the graph holds: every label and type of the ontology (the writer stores no
    other), those with none left out."""
    labels = {label: _count(store, dialect.count_label(label)) for label in sorted(LABELS)}
    rels = {t: _count(store, dialect.count_type(t)) for t in sorted(RELATIONSHIPS)}
    return GraphStats({k: v for k, v in labels.items() if v}, {k: v for k, v in rels.items() if v})


def _count(store: Store, cypher: str) -> int:
    return int(store.read(cypher).scalar() or 0)
