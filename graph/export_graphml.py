"""GraphML and GEXF through networkx, for Gephi, yEd and networkx itself.

Node keys are policykg ids. A node's `labels` attribute holds its ontology label and `label`
its name (what Gephi displays); an edge's `label` holds its relationship type (GEXF reserves
`type` for directed/undirected). Neither format holds lists, so list properties (Park
aliases) are written as JSON strings and decoded on the way back. XML 1.0 cannot hold most
control characters at all: they become U+FFFD, and the export says how many values changed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx

from policykg.errors import LoadError
from policykg.graph.snapshot import Snapshot, coerce, link_key, property_type, snapshot_of
from policykg.ontology.records import NodeRecord, RelationshipRecord

NODE_LABEL = "labels"
DISPLAY = "label"
EDGE_TYPE = "label"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _XmlText:
    """Makes strings XML-safe and counts the values it had to change."""

    def __init__(self) -> None:
        self.replaced = 0

    def __call__(self, value: Any) -> Any:
        if isinstance(value, list):
            value = json.dumps(value, ensure_ascii=False)
        if isinstance(value, str) and _NOT_XML.search(value):
            self.replaced += 1
            return _NOT_XML.sub("\ufffd", value)
        return value


def to_networkx(snapshot: Snapshot, safe: _XmlText | None = None) -> nx.MultiDiGraph:
    """The graph as a networkx MultiDiGraph keyed by node id."""
    encode = safe or _XmlText()
    graph = nx.MultiDiGraph(name="policykg")
    for node in snapshot.nodes:
        attrs = {
            k: encode(coerce(v, property_type(node.label, k, v)))
            for k, v in node.properties.items()
            if v is not None
        }
        attrs.setdefault(DISPLAY, attrs.get("name") or encode(node.id))
        graph.add_node(encode(node.id), **attrs, **{NODE_LABEL: node.label})
    for rel in snapshot.relationships:
        attrs = {
            k: encode(coerce(v, property_type(rel.type, k, v)))
            for k, v in rel.properties.items()
            if v is not None
        }
        start, end = encode(rel.start), encode(rel.end)
        graph.add_edge(start, end, key=link_key(rel), **attrs, **{EDGE_TYPE: rel.type})
    return graph


def from_networkx(graph: nx.MultiDiGraph) -> Snapshot:
    """Records back from a graph written by to_networkx (JSON lists decoded)."""
    nodes: list[NodeRecord] = []
    labels: dict[str, str] = {}
    for node_id, data in graph.nodes(data=True):
        attrs = dict(data)
        label = attrs.pop(NODE_LABEL, None)
        if label is None:
            raise LoadError(f"node {node_id!r} has no {NODE_LABEL!r} attribute")
        display = attrs.pop(DISPLAY, None)
        if "name" not in attrs and display is not None and display != node_id:
            attrs["name"] = display
        labels[str(node_id)] = str(label)
        nodes.append(NodeRecord(str(label), str(node_id), _decode(str(label), attrs)))
    rels: list[RelationshipRecord] = []
    for start, end, data in graph.edges(data=True):
        attrs = dict(data)
        attrs.pop("id", None)
        if attrs.get(EDGE_TYPE) is None:
            raise LoadError(f"edge {start!r} -> {end!r} has no {EDGE_TYPE!r} attribute (its type)")
        rtype = str(attrs.pop(EDGE_TYPE))
        if str(start) not in labels or str(end) not in labels:
            raise LoadError(f"edge {start!r} -> {end!r} ends at a node without a label")
        props = _decode(rtype, attrs)
        rels.append(
            RelationshipRecord(
                rtype, labels[str(start)], str(start), labels[str(end)], str(end), props
            )
        )
    return snapshot_of(nodes, rels)


def _decode(owner: str, attrs: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in attrs.items():
        type_ = property_type(owner, key, value)
        if type_ == "string[]" and isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError as exc:
                raise LoadError(f"{owner} property {key!r} is not a JSON list: {value!r}") from exc
        out[key] = coerce(value, type_)
    return out


def write_graphml(snapshot: Snapshot, path: Path) -> int:
    """Write GraphML (UTF-8, typed attribute keys); return how many values became XML-safe."""
    safe = _XmlText()
    nx.write_graphml(to_networkx(snapshot, safe), path, encoding="utf-8")
    return safe.replaced


def write_gexf(snapshot: Snapshot, path: Path) -> int:
    """Write GEXF 1.2 (what Gephi opens natively); return how many values became XML-safe."""
    safe = _XmlText()
    nx.write_gexf(to_networkx(snapshot, safe), path, encoding="utf-8")
    return safe.replaced


def read_graphml(path: Path) -> Snapshot:
    """Read a GraphML file written by write_graphml."""
    return from_networkx(nx.read_graphml(path, force_multigraph=True))


def read_gexf(path: Path) -> Snapshot:
    """Read a GEXF file written by write_gexf."""
    return from_networkx(nx.read_gexf(path))
