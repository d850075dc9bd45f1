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
from policykg.ontology.schema import LABELS, RELATIONSHIPS


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
        unstored = LABELS[node.label].unstored_property_names
        props = {k: v for k, v in node.properties.items() if v is not None and k not in unstored}
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
        rtype = RELATIONSHIPS[rel.type]
        props = {
            k: v for k, v in rtype.stored_properties(rel.properties).items() if k not in rtype.key
        }
        grouped[(rel.type, rel.start_label, rel.end_label)].append(
            {
                "start": rel.start,
                "end": rel.end,
                "key": {k: rel.properties[k] for k in rtype.key},
                "props": props,
            }
        )
    return grouped


NodeKey = tuple[str, bool]  # (label, weak)
RelationshipKey = tuple[str, str, str]  # (type, start label, end label)


@dataclass(frozen=True)
class PreparedRows:
    """Validated rows ready to send, grouped by statement: nodes (weak groups before strong
    ones) and relationships, each group's rows in the order they are written."""

    nodes: tuple[tuple[NodeKey, list[dict[str, Any]]], ...]
    relationships: tuple[tuple[RelationshipKey, list[dict[str, Any]]], ...]

    def starts(self) -> set[str]:
        """The id of every node a relationship row starts at."""
        return {row["start"] for _, rows in self.relationships for row in rows}

    def counts(self) -> WriteCounts:
        """How many node and relationship rows these are."""
        return WriteCounts(
            nodes=sum(len(rows) for _, rows in self.nodes),
            relationships=sum(len(rows) for _, rows in self.relationships),
        )


def prepare_records(
    nodes: Iterable[NodeRecord], relationships: Iterable[RelationshipRecord]
) -> PreparedRows:
    """Validate every node and relationship and group them into statements; nothing is sent.

    All validation happens here, before any write, so a bad row can never leave a store
    half-written (nodes in, relationships refused).
    """
    node_groups = sorted(node_rows(nodes).items(), key=lambda kv: not kv[0][1])
    return PreparedRows(tuple(node_groups), tuple(sorted(relationship_rows(relationships).items())))


def combine(documents: Sequence[PreparedRows]) -> PreparedRows:
    """The rows of several documents as one PreparedRows that writes what writing them one
    after the other would.

    Statements run group by group (every document's weak nodes, then strong nodes, then
    relationships), so rows are folded to keep the serial outcome: a strong row's properties
    are applied in document order (SET +=, merged into one row per id); only the first weak
    row of an id can create it, and none if a strong row of that id came first (serially the
    node would exist and the weak row do nothing); a relationship key keeps one row whose
    properties are applied in order.
    """
    first_strong: dict[tuple[str, str], int] = {}  # (label, id) -> position of its first strong row
    first_weak: dict[tuple[str, str], int] = {}
    for position, prepared in enumerate(documents):
        for (label, weak), rows in prepared.nodes:  # weak groups come first in each document
            seen = first_weak if weak else first_strong
            for row in rows:
                seen.setdefault((label, row["id"]), position)
    nodes: dict[NodeKey, dict[str, dict[str, Any]]] = {}
    relationships: dict[RelationshipKey, dict[tuple[Any, ...], dict[str, Any]]] = {}
    for prepared in documents:
        for (label, weak), rows in prepared.nodes:
            group = nodes.setdefault((label, weak), {})
            for row in rows:
                key = (label, row["id"])
                if weak and (
                    row["id"] in group or first_strong.get(key, 1 << 62) < first_weak[key]
                ):
                    continue
                if row["id"] in group:
                    group[row["id"]]["props"].update(row["props"])
                else:
                    group[row["id"]] = {"id": row["id"], "props": dict(row["props"])}
        for rel_key, rows in prepared.relationships:
            rel_group = relationships.setdefault(rel_key, {})
            for row in rows:
                identity = (row["start"], row["end"], *sorted(row["key"].items()))
                if identity in rel_group:
                    rel_group[identity]["props"].update(row["props"])
                else:
                    rel_group[identity] = {**row, "props": dict(row["props"])}
    node_groups = sorted(
        ((key, list(rows.values())) for key, rows in nodes.items() if rows),
        key=lambda kv: not kv[0][1],
    )
    return PreparedRows(
        tuple(node_groups),
        tuple(sorted((key, list(rows.values())) for key, rows in relationships.items())),
    )


def row_statements(
    prepared: PreparedRows, batch_size: int
) -> tuple[list[tuple[str, dict[str, Any]]], WriteCounts]:
    """The (statement, {"rows": batch}) pairs that MERGE prepared rows, batches of at most
    batch_size, nodes first; and what they write."""
    statements: list[tuple[str, dict[str, Any]]] = []
    counts = WriteCounts()
    for (label, weak), rows in prepared.nodes:
        statement = dialect.merge_nodes(label, weak=weak)
        for batch in chunks(rows, batch_size):
            statements.append((statement, {"rows": list(batch)}))
            counts += WriteCounts(nodes=len(batch), statements=1)
    for (rtype, start, end), rows in prepared.relationships:
        statement = dialect.merge_relationships(rtype, start, end)
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
    return replace_documents(store, [(document_id, prepared)], batch_size)


def replace_documents(
    store: Store, documents: Sequence[tuple[str, PreparedRows]], batch_size: int
) -> WriteCounts:
    """Replace several documents in one unit of work: every delete, then the combined rows.

    Equal to replacing them one by one (see `combine`) provided no id repeats and no
    document's relationships start at a later document of the group (that document's delete
    removes its outgoing relationships and parts, so serially it would remove them):
    `app.loading.DocumentGroup` writes the group before that happens.
    """
    ids = [document_id for document_id, _ in documents]
    statements, counts = row_statements(combine([rows for _, rows in documents]), batch_size)
    params = {"docs": ids}
    deletes = [(dialect.DELETE_DOCUMENT_PARTS, params), (dialect.DELETE_DOCUMENT_EDGES, params)]
    store.write_all([*deletes, *statements])
    return counts
