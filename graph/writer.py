"""Batched writes: extractions become `UNWIND $rows … MERGE` statements on id."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from policykg.graph import dialect
from policykg.graph.store import Store
from policykg.ontology.records import (
    Extraction,
    NodeRecord,
    RelationshipRecord,
    validate_node,
    validate_relationship,
)
from policykg.ontology.schema import RELATIONSHIPS


@dataclass(frozen=True)
class WriteCounts:
    """How many rows were sent to the store (MERGE makes re-sent rows no-ops)."""

    nodes: int = 0
    relationships: int = 0
    statements: int = 0

    def __add__(self, other: WriteCounts) -> WriteCounts:
        return WriteCounts(
            self.nodes + other.nodes,
            self.relationships + other.relationships,
            self.statements + other.statements,
        )


def chunks(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """Consecutive slices of at most size rows."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def node_rows(nodes: Iterable[NodeRecord]) -> dict[tuple[str, bool], list[dict[str, Any]]]:
    """Validated node rows grouped by (label, weak); the last record of an id wins."""
    grouped: dict[tuple[str, bool], dict[str, dict[str, Any]]] = defaultdict(dict)
    for node in nodes:
        validate_node(node)
        rows = grouped[(node.label, node.weak)]
        props = {k: v for k, v in node.properties.items() if v is not None}
        if node.id in rows:
            rows[node.id]["props"].update(props)
        else:
            rows[node.id] = {"id": node.id, "props": props}
    return {key: list(rows.values()) for key, rows in grouped.items()}


def relationship_rows(
    relationships: Iterable[RelationshipRecord],
) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Validated relationship rows grouped by (type, start label, end label)."""
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for rel in relationships:
        validate_relationship(rel)
        key_names = RELATIONSHIPS[rel.type].key
        props = {k: v for k, v in rel.properties.items() if v is not None and k not in key_names}
        grouped[(rel.type, rel.start_label, rel.end_label)].append(
            {
                "start": rel.start,
                "end": rel.end,
                "key": {k: rel.properties[k] for k in key_names},
                "props": props,
            }
        )
    return grouped


@dataclass(frozen=True)
class PreparedRows:
    """Validated rows ready to send: (statement, rows) pairs, nodes first (weak before strong)."""

    node_statements: tuple[tuple[str, list[dict[str, Any]]], ...]
    relationship_statements: tuple[tuple[str, list[dict[str, Any]]], ...]


def prepare_records(
    nodes: Iterable[NodeRecord], relationships: Iterable[RelationshipRecord]
) -> PreparedRows:
    """Validate every node and relationship and group them into statements; nothing is sent.

    All validation happens here, before any write, so a bad row can never leave a store
    half-written (nodes in, relationships refused).
    """
    node_groups = sorted(node_rows(nodes).items(), key=lambda kv: not kv[0][1])
    rel_groups = sorted(relationship_rows(relationships).items())
    return PreparedRows(
        tuple((dialect.merge_nodes(label, weak=weak), rows) for (label, weak), rows in node_groups),
        tuple(
            (dialect.merge_relationships(rtype, start, end), rows)
            for (rtype, start, end), rows in rel_groups
        ),
    )


def row_statements(
    prepared: PreparedRows, batch_size: int
) -> tuple[list[tuple[str, dict[str, Any]]], WriteCounts]:
    """The (statement, {"rows": batch}) pairs that MERGE prepared rows, batches of at most
    batch_size, nodes first; and what they write."""
    statements: list[tuple[str, dict[str, Any]]] = []
    counts = WriteCounts()
    for statement, rows in prepared.node_statements:
        for batch in chunks(rows, batch_size):
            statements.append((statement, {"rows": list(batch)}))
            counts += WriteCounts(nodes=len(batch), statements=1)
    for statement, rows in prepared.relationship_statements:
        for batch in chunks(rows, batch_size):
            statements.append((statement, {"rows": list(batch)}))
            counts += WriteCounts(relationships=len(batch), statements=1)
    return statements, counts


def send_rows(store: Store, prepared: PreparedRows, batch_size: int) -> WriteCounts:
    """MERGE prepared rows in batches of at most batch_size."""
    statements, counts = row_statements(prepared, batch_size)
    store.write_all(statements)
    return counts


def write_records(
    store: Store,
    nodes: Iterable[NodeRecord],
    relationships: Iterable[RelationshipRecord],
    batch_size: int,
) -> WriteCounts:
    """MERGE nodes (weak ones first, so strong ones overwrite), then relationships.

    Every row is validated before the first write.
    """
    return send_rows(store, prepare_records(nodes, relationships), batch_size)


def write_extraction(store: Store, extraction: Extraction, batch_size: int) -> WriteCounts:
    """Replace what a document said before with what this extraction says.

    The rows are validated before the delete: a bad row leaves the previous version intact.
    """
    prepared = prepare_records(extraction.nodes, extraction.relationships)
    return replace_document(store, extraction.document_id, prepared, batch_size)


def replace_document(
    store: Store, document_id: str, prepared: PreparedRows, batch_size: int
) -> WriteCounts:
    """Delete what the document owned before, then send its validated rows, as one unit of
    work (Neo4j: one transaction; FalkorDB: one pipelined round trip)."""
    params = {"doc": document_id}
    statements, counts = row_statements(prepared, batch_size)
    deletes = [(dialect.DELETE_DOCUMENT_PARTS, params), (dialect.DELETE_DOCUMENT_EDGES, params)]
    store.write_all([*deletes, *statements])
    return counts
