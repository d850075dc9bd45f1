"""The whole graph read from a store as plain records: what every export starts from."""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from policykg.errors import StoreError
from policykg.graph.statements import statement
from policykg.graph.store import Store
from policykg.ontology.records import NodeRecord, RelationshipRecord, Value
from policykg.ontology.schema import LABELS, RELATIONSHIPS


@dataclass(frozen=True)
class Snapshot:
    """Every node and relationship of a graph, sorted so exports are deterministic."""

    nodes: tuple[NodeRecord, ...]
    relationships: tuple[RelationshipRecord, ...]

    def canonical(self) -> tuple[list[tuple[str, str, str]], Counter[tuple[str, ...]]]:
        """Nodes and relationships as comparable values: equal graphs compare equal."""
        nodes = sorted((n.label, n.id, _dump(n.properties)) for n in self.nodes)
        rels: Counter[tuple[str, ...]] = Counter(
            (r.type, r.start_label, r.start, r.end_label, r.end, _dump(r.properties))
            for r in self.relationships
        )
        return nodes, rels


def _dump(properties: dict[str, Value]) -> str:
    """Properties as sorted JSON; 30 and 30.0 compare equal, as they do in Cypher.

    List values compare as sets: aliases carry no order, and RDF keeps none.
    """

    def norm(value: Any) -> Any:
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, list):
            return sorted(value)
        return value

    return json.dumps(
        {k: norm(v) for k, v in properties.items()}, sort_keys=True, ensure_ascii=False
    )


def _single_label(labels: Any, what: str) -> str:
    if not isinstance(labels, list | tuple) or len(labels) != 1:
        raise StoreError(f"{what} has labels {labels!r}; policykg nodes carry exactly one")
    return str(labels[0])


def read_snapshot(store: Store) -> Snapshot:
    """Read every node and relationship of the store's graph."""
    nodes = []
    for labels, props in store.read(statement("read_nodes")).rows:
        props = dict(props)
        node_id = props.pop("id", None)
        if not node_id:
            raise StoreError(f"a node without id: {labels!r} {props!r}")
        nodes.append(NodeRecord(_single_label(labels, f"node {node_id!r}"), str(node_id), props))
    rels = []
    for start_labels, start, rtype, props, end_labels, end in store.read(
        statement("read_relationships")
    ).rows:
        start_label = _single_label(start_labels, f"node {start!r}")
        end_label = _single_label(end_labels, f"node {end!r}")
        rels.append(RelationshipRecord(rtype, start_label, start, end_label, end, dict(props)))
    return snapshot_of(nodes, rels)


def snapshot_of(nodes: list[NodeRecord], rels: list[RelationshipRecord]) -> Snapshot:
    """A Snapshot of records in a stable order, each one's properties in schema order.

    Stores hand properties back in an order of their own (FalkorDB: the order a node's were
    first set; Neo4j: the order property names were first seen in the database), and the
    GraphML, GEXF and Cypher exports write them in the snapshot's order: so that an export is
    the same bytes from either store, the order is fixed here.
    """
    nodes = [replace(n, properties=ordered(n.label, n.properties)) for n in nodes]
    rels = [replace(r, properties=ordered(r.type, r.properties)) for r in rels]
    nodes.sort(key=lambda n: (n.label, n.id))
    rels.sort(key=lambda r: (r.type, r.start, r.end, _dump(r.properties)))
    return Snapshot(tuple(nodes), tuple(rels))


def schema_order(owner: str) -> tuple[str, ...]:
    """A label's properties (name first) in definition order, or a relationship type's sorted."""
    if owner in LABELS:
        return tuple(dict.fromkeys(["name", *(p.name for p in LABELS[owner].properties)]))
    if owner in RELATIONSHIPS:
        return tuple(sorted(RELATIONSHIPS[owner].property_names))
    return ()


def ordered(owner: str, properties: dict[str, Value]) -> dict[str, Value]:
    """The properties in schema order, then any others sorted by name."""
    order = schema_order(owner)
    names = [n for n in order if n in properties] + sorted(set(properties) - set(order))
    return {n: properties[n] for n in names}


def link_key(rel: RelationshipRecord) -> str:
    """A stable key for one relationship: its type, ends and MERGE key properties."""
    rtype = RELATIONSHIPS.get(rel.type)
    key_names = rtype.key if rtype else tuple(sorted(rel.properties))
    key = {k: rel.properties.get(k) for k in key_names}
    text = json.dumps([rel.type, rel.start, rel.end, key], ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def property_type(owner: str, name: str, value: Any = None) -> str:
    """The ontology type of a node or relationship property; guessed for unknown ones."""
    definition = LABELS.get(owner) or RELATIONSHIPS.get(owner)
    if definition is not None:
        for prop in definition.properties:
            if prop.name == name:
                return prop.type
    if name in {"id", "name", "doc", "evidence"}:
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, list):
        return "string[]"
    return "string"


def coerce(value: Any, type_: str) -> Value:
    """A value as its ontology type (an integer stored in a float property becomes float)."""
    if value is None:
        return None
    if type_ == "float" and isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise StoreError(f"cannot export the non-finite number {value!r}")
        return float(value)
    if type_ == "integer" and isinstance(value, float) and value.is_integer():
        return int(value)
    if type_ == "string[]" and isinstance(value, list):
        return [str(v) for v in value]
    return value
