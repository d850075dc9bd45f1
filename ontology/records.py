"""Plain records that cross from extraction into the graph: nodes and relationships."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policykg.errors import ExtractError
from policykg.ontology.schema import LABELS, RELATIONSHIPS

Value = str | int | float | bool | list[str] | None


@dataclass(frozen=True)
class NodeRecord:
    """One node to MERGE on id.

    A weak node (a Document known only from a citation, a Region named in passing) only
    sets its properties when it is created, so it never overwrites what a loaded document
    already said about the same node.
    """

    label: str
    id: str
    properties: dict[str, Value] = field(default_factory=dict)
    weak: bool = False

    def to_json(self) -> dict[str, Any]:
        """The shape `policykg extract --json` prints."""
        return {"label": self.label, "id": self.id, "properties": self.properties}


@dataclass(frozen=True)
class RelationshipRecord:
    """One relationship to MERGE between two nodes known by label and id."""

    type: str
    start_label: str
    start: str
    end_label: str
    end: str
    properties: dict[str, Value] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The shape `policykg extract --json` prints."""
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "start_label": self.start_label,
            "end_label": self.end_label,
            "properties": self.properties,
        }


@dataclass(frozen=True)
class Extraction:
    """Everything read from one document: what `load` writes for it."""

    document_id: str
    nodes: tuple[NodeRecord, ...]
    relationships: tuple[RelationshipRecord, ...]


def validate_node(node: NodeRecord) -> None:
    """Raise ExtractError for a node the ontology does not allow."""
    label = LABELS.get(node.label)
    if label is None:
        raise ExtractError(f"unknown label {node.label!r} for node {node.id!r}")
    if not node.id:
        raise ExtractError(f"{node.label} node without an id: {node.properties!r}")
    unknown = set(node.properties) - label.property_names
    if unknown:
        raise ExtractError(f"{node.label} {node.id!r} has unknown properties {sorted(unknown)}")


def validate_relationship(rel: RelationshipRecord) -> None:
    """Raise ExtractError for a relationship the ontology does not allow."""
    rtype = RELATIONSHIPS.get(rel.type)
    if rtype is None:
        raise ExtractError(f"unknown relationship type {rel.type!r}")
    if rel.start_label not in rtype.starts or rel.end_label not in rtype.ends:
        raise ExtractError(
            f"{rel.type} cannot connect {rel.start_label} to {rel.end_label} "
            f"({rel.start!r} -> {rel.end!r})"
        )
    if not rel.start or not rel.end:
        raise ExtractError(f"{rel.type} relationship without start or end id")
    unknown = set(rel.properties) - rtype.property_names
    if unknown:
        raise ExtractError(f"{rel.type} {rel.start!r}->{rel.end!r}: unknown {sorted(unknown)}")
    missing = [k for k in rtype.key if rel.properties.get(k) in (None, "")]
    if missing:
        raise ExtractError(f"{rel.type} {rel.start!r}->{rel.end!r} lacks {missing}")
