"""The store seam: a few methods every graph store provides."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from policykg.graph.result import QueryResult


class Reader(Protocol):
    """What a read-only client provides (every Store is one)."""

    name: str
    dialect: str

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a read-only query; the store refuses writes."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...


class Store(Protocol):
    """A Cypher graph store. The rest of policykg never sees a driver."""

    name: str
    dialect: str

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a read-only query; the store refuses writes."""
        ...

    def write(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a query that may write, atomically."""
        ...

    def write_all(self, statements: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Run write statements in order as one unit of work: one round trip (FalkorDB:
        pipelined; each statement atomic) or one transaction (Neo4j: all or nothing)."""
        ...

    def ensure_schema(self) -> None:
        """Create indexes and uniqueness constraints from the ontology, idempotently."""
        ...

    def clear(self) -> None:
        """Delete every node and relationship of this graph."""
        ...

    def close(self) -> None:
        """Release connections (an embedded server keeps running for others)."""
        ...
