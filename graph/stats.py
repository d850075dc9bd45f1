"""Counts of nodes per label and relationships per type."""

from __future__ import annotations

from dataclasses import dataclass

from policykg.graph import dialect
from policykg.graph.store import Store


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
    """Count what the graph holds."""
    labels = {row[0]: int(row[1]) for row in store.read(dialect.COUNT_LABELS).rows}
    rels = {row[0]: int(row[1]) for row in store.read(dialect.COUNT_RELATIONSHIPS).rows}
    return GraphStats(labels, rels)
