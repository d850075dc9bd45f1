"""Store-neutral query results: plain values, nodes, relationships and paths."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class GraphNode:
    """A node as returned by a query; key is the store's internal id."""

    key: str
    labels: tuple[str, ...]
    properties: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """JSON shape: {"labels": [...], "properties": {...}}."""
        return {"labels": list(self.labels), "properties": self.properties}


@dataclass(frozen=True)
class GraphRelationship:
    """A relationship as returned by a query; start and end are node keys."""

    key: str
    type: str
    start: str
    end: str
    properties: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """JSON shape: {"type": ..., "properties": {...}}."""
        return {"type": self.type, "properties": self.properties}


@dataclass(frozen=True)
class GraphPath:
    """A path: nodes and the relationships between them, in order."""

    nodes: tuple[GraphNode, ...]
    relationships: tuple[GraphRelationship, ...]

    def to_json(self) -> dict[str, Any]:
        """JSON shape: {"nodes": [...], "relationships": [...]} with start/end as node ids."""
        ids = {n.key: n.properties.get("id", n.key) for n in self.nodes}
        return {
            "nodes": [n.to_json() for n in self.nodes],
            "relationships": [
                {**r.to_json(), "start": ids.get(r.start), "end": ids.get(r.end)}
                for r in self.relationships
            ],
        }


def to_json_value(value: Any) -> Any:
    """A result value as JSON-ready data."""
    if isinstance(value, GraphNode | GraphRelationship | GraphPath):
        return value.to_json()
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json_value(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class QueryResult:
    """Columns and rows of one query; server_ms is the time the store reports it spent (the
    query's own work, without the transfer and decoding of the rows), when it reports one."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    server_ms: float | None = field(default=None, compare=False)  # differs run to run

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def scalar(self) -> Any:
        """The single value of a one-row, one-column result."""
        return self.rows[0][0] if self.rows and self.rows[0] else None

    def to_json(self) -> list[dict[str, Any]]:
        """Rows as JSON-ready dicts."""
        return [{k: to_json_value(v) for k, v in rec.items()} for rec in self.records()]
