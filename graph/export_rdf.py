"""RDF (Turtle, JSON-LD) from a graph snapshot, SHACL validation, and the way back.

Nodes get stable IRIs under a base (`<base><id prefix>/<key>`); each relationship is a
direct triple plus a `pkg:Link` (an rdf:Statement) carrying its properties. A relationship
read from text is a `pkg:ExtractedLink`: `prov:wasQuotedFrom` its document, and its evidence
as the graph keeps it: `pkg:evidenceStart` / `pkg:evidenceEnd`, the offsets of its sentence in
that document's clean text, or `prov:value` for evidence that is no sentence of the text (and
in a graph loaded before the offsets). LED_BY / SUPPORTED_BY are also PROV-O qualified
associations.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import warnings
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from rdflib import DCTERMS, PROV, RDF, SH, Graph, Literal, URIRef
from rdflib.term import Node

from policykg.errors import LoadError, StoreError
from policykg.graph.snapshot import Snapshot, coerce, link_key, snapshot_of
from policykg.ontology.owl import new_graph
from policykg.ontology.records import NodeRecord, RelationshipRecord
from policykg.ontology.schema import LABELS, RELATIONSHIPS, NodeLabel, RelationshipType
from policykg.ontology.shapes import shapes_graph
from policykg.ontology.vocabulary import (
    ALIGNED_CLASSES,
    ALSO_PROPERTY_TERMS,
    ALSO_RELATIONSHIP_TERMS,
    DATATYPES,
    DEFAULT_BASE,
    PKG,
    PREFIXES,
    ROLE_RELATIONSHIPS,
    class_term,
    node_property_term,
    relationship_predicate,
    relationship_property_term,
    relationship_type_of,
)

RDF_FORMATS = {"ttl": "turtle", "jsonld": "json-ld"}
_PREFIX = re.compile(r"^([a-z][a-z0-9_]*):(.+)$", re.DOTALL)
_SAFE_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _escape(text: str) -> str:
    """Percent-encode what an IRI path segment cannot hold; Chinese stays readable."""
    out = []
    for char in text:
        if char in _SAFE_ASCII or (
            ord(char) > 127 and not char.isspace() and unicodedata.category(char)[0] not in "CZ"
        ):
            out.append(char)
        else:
            out.append("".join(f"%{b:02X}" for b in char.encode("utf-8")))
    return "".join(out)


def node_iri(base: str, node_id: str) -> URIRef:
    """doc:国发〔2024〕1号 -> <base>doc/国发〔2024〕1号; ids without a prefix go under node/."""
    match = _PREFIX.match(node_id)
    if match and match.group(1) != "node":
        return URIRef(f"{base}{match.group(1)}/{_escape(match.group(2))}")
    return URIRef(f"{base}node/{_escape(node_id)}")


def id_from_iri(base: str, iri: URIRef) -> str:
    """The node id an IRI made by node_iri stands for."""
    text = str(iri)
    if not text.startswith(base):
        raise LoadError(f"{text} is not under the base {base}", hint="pass the export's --base")
    prefix, _, key = text[len(base) :].partition("/")
    return unquote(key) if prefix == "node" else f"{prefix}:{unquote(key)}"


def _literal(value: Any, type_: str) -> Literal:
    if type_ == "date":
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            return Literal(str(value))  # kept as text; SHACL reports it as not a date
        return Literal(str(value), datatype=DATATYPES["date"])
    if type_ in {"string", "string[]"}:
        return Literal(str(value))
    if type_ == "float":
        return Literal(Decimal(repr(value)), datatype=DATATYPES[type_])  # repr round-trips
    return Literal(value, datatype=DATATYPES[type_])


def _schema_type(definition: NodeLabel | RelationshipType, name: str, where: str) -> str:
    if name in {"name", "doc", "evidence"}:
        return "string"
    for prop in definition.properties:
        if prop.name == name:
            return str(prop.type)
    raise StoreError(
        f"{where} has property {name!r}, which the ontology does not define",
        hint="add it to ontology/schema.py and regenerate with `python -m policykg.ontology.generate`",
    )


def _add_node(graph: Graph, base: str, node: NodeRecord) -> None:
    label = LABELS.get(node.label)
    if label is None:
        raise StoreError(f"node {node.id!r} has label {node.label!r}, unknown to the ontology")
    iri = node_iri(base, node.id)
    graph.add((iri, RDF.type, class_term(node.label)))
    for aligned in ALIGNED_CLASSES.get(node.label, ()):
        graph.add((iri, RDF.type, aligned))
    graph.add((iri, DCTERMS.identifier, Literal(node.id)))
    for name, value in node.properties.items():
        if value is None:
            continue
        type_ = _schema_type(label, name, f"node {node.id!r}")
        value = coerce(value, type_)
        terms = (
            node_property_term(node.label, name),
            *ALSO_PROPERTY_TERMS.get((node.label, name), ()),
        )
        for item in value if isinstance(value, list) else [value]:
            for term in terms:
                graph.add((iri, term, _literal(item, type_)))


def _add_relationship(graph: Graph, base: str, rel: RelationshipRecord) -> None:
    rtype = RELATIONSHIPS.get(rel.type)
    if rtype is None:
        raise StoreError(f"relationship type {rel.type!r} is unknown to the ontology")
    start, end = node_iri(base, rel.start), node_iri(base, rel.end)
    relation = rel.properties.get("relation")
    predicate = relationship_predicate(rel.type, str(relation) if relation else None)
    graph.add((start, predicate, end))
    also = ALSO_RELATIONSHIP_TERMS.get((rel.type, None), ())
    also += ALSO_RELATIONSHIP_TERMS.get((rel.type, str(relation)), ())
    for term in also:
        graph.add((start, term, end))
    link = URIRef(f"{base}link/{link_key(rel)}")
    graph.add((link, RDF.type, PKG.Link))
    if rtype.extracted:
        graph.add((link, RDF.type, PKG.ExtractedLink))
    graph.add((link, RDF.subject, start))
    graph.add((link, RDF.predicate, predicate))
    graph.add((link, RDF.object, end))
    for name, value in rel.properties.items():
        if value is None:
            continue
        term = relationship_property_term(name)
        if name == "doc":
            graph.add((link, term, node_iri(base, str(value))))
            continue
        type_ = _schema_type(rtype, name, f"{rel.type} {rel.start!r}->{rel.end!r}")
        graph.add((link, term, _literal(coerce(value, type_), type_)))
    role = ROLE_RELATIONSHIPS.get(rel.type)
    if role:
        graph.add((start, PROV.qualifiedAssociation, link))
        graph.add((link, RDF.type, PROV.Association))
        graph.add((link, PROV.agent, end))
        graph.add((link, PROV.hadRole, PKG[role]))


def to_rdf(snapshot: Snapshot, base: str = DEFAULT_BASE) -> Graph:
    """The snapshot as an RDF graph under base."""
    graph = new_graph()
    graph.bind("data", base)
    for node in snapshot.nodes:
        _add_node(graph, base, node)
    for rel in _with_documents(snapshot.relationships):
        _add_relationship(graph, base, rel)
    return graph


def _with_documents(rels: tuple[RelationshipRecord, ...]) -> list[RelationshipRecord]:
    """Relationships with `doc` where the graph keeps none (HAS_TASK, SETS_TARGET, FOR: their
    document is a node of theirs, or their Target's): every ExtractedLink names its document."""
    unstored = {t.name for t in RELATIONSHIPS.values() if not t.doc_stored}
    # The document a Task or Target hangs from, by the unstored-doc relationship it starts.
    owner = {r.end: r.start for r in rels if r.type in unstored and r.start_label == "Document"}
    out = []
    for rel in rels:
        if rel.type in unstored and rel.properties.get("doc") is None:
            doc = rel.start if rel.start_label == "Document" else owner.get(rel.start)
            if doc is not None:
                rel = replace(rel, properties={**rel.properties, "doc": doc})
        out.append(rel)
    return out


def write_rdf(snapshot: Snapshot, path: Path, fmt: str, base: str = DEFAULT_BASE) -> Graph:
    """Serialise as Turtle (ttl) or JSON-LD (jsonld, with an inline context)."""
    graph = to_rdf(snapshot, base)
    if fmt == "jsonld":
        context = {**PREFIXES, "data": base}
        text = graph.serialize(format="json-ld", context=context, indent=2)
    else:
        text = graph.serialize(format=RDF_FORMATS[fmt])
    path.write_text(text, encoding="utf-8")
    return graph


@dataclass(frozen=True)
class ShaclReport:
    """The outcome of validating an export against the generated shapes."""

    conforms: bool
    violations: int
    text: str


def validate(graph: Graph) -> ShaclReport:
    """Validate graph against the SHACL shapes generated from the ontology."""
    import pyshacl  # slow to import; only validation needs it

    conforms, report_graph, text = pyshacl.validate(
        graph, shacl_graph=shapes_graph(), inference="none", allow_warnings=True
    )
    violations = len(set(report_graph.subjects(SH.resultSeverity, SH.Violation)))
    return ShaclReport(bool(conforms), violations, str(text))


def parse_rdf(text: str, fmt: str) -> Graph:
    """Parse Turtle (ttl) or JSON-LD (jsonld) text into a graph."""
    graph = Graph()
    try:
        with warnings.catch_warnings():
            # rdflib 7.6's own JSON-LD parser still builds a ConjunctiveGraph.
            warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
            graph.parse(data=text, format=RDF_FORMATS[fmt])
    except Exception as exc:  # rdflib's parsers raise their own types
        raise LoadError(f"cannot parse the {fmt} input: {exc}") from exc
    return graph


def read_rdf(path: Path, base: str = DEFAULT_BASE) -> Snapshot:
    """Records back from a Turtle or JSON-LD file written by write_rdf."""
    fmt = "jsonld" if path.suffix in {".jsonld", ".json"} else "ttl"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"cannot read {path}: {exc}") from exc
    return from_rdf(parse_rdf(text, fmt), base)


def _python(literal: Any, type_: str) -> Any:
    if not isinstance(literal, Literal):
        raise LoadError(f"expected a literal, found {literal}")
    if type_ in {"string", "date", "string[]"}:
        return str(literal)
    value = literal.toPython()
    return coerce(float(value) if isinstance(value, Decimal) else value, type_)


def from_rdf(graph: Graph, base: str = DEFAULT_BASE) -> Snapshot:
    """Records from an RDF graph in the shape to_rdf writes."""
    ids: dict[Node, tuple[str, str]] = {}
    nodes = []
    for label in LABELS.values():
        for iri in graph.subjects(RDF.type, class_term(label.name)):
            identifier = graph.value(iri, DCTERMS.identifier)
            if identifier is not None:
                node_id = str(identifier)
            elif isinstance(iri, URIRef):
                node_id = id_from_iri(base, iri)
            else:
                raise LoadError(f"{label.name} node {iri} has neither an IRI nor an identifier")
            props: dict[str, Any] = {}
            for name, type_ in (("name", "string"), *((p.name, p.type) for p in label.properties)):
                values = [
                    _python(v, type_)
                    for v in graph.objects(iri, node_property_term(label.name, name))
                ]
                if type_ == "string[]" and values:
                    props[name] = sorted(values)
                elif values:
                    props[name] = values[0]
            ids[iri] = (label.name, node_id)
            nodes.append(NodeRecord(label.name, node_id, props))
    rels = []
    for link in graph.subjects(RDF.type, PKG.Link):
        start, predicate, end = (
            graph.value(link, p) for p in (RDF.subject, RDF.predicate, RDF.object)
        )
        rel_type = relationship_type_of(predicate) if isinstance(predicate, URIRef) else None
        if rel_type is None or start is None or end is None or start not in ids or end not in ids:
            raise LoadError(f"link {link} does not connect two known nodes with a known predicate")
        props = {}
        doc = graph.value(link, relationship_property_term("doc"))
        if doc in ids:
            props["doc"] = ids[doc][1]
        elif isinstance(doc, URIRef):
            props["doc"] = id_from_iri(base, doc)
        elif doc is not None:
            raise LoadError(f"link {link} has doc {doc}, which is not an IRI")
        evidence = graph.value(link, relationship_property_term("evidence"))
        if evidence is not None:
            props["evidence"] = str(evidence)
        for prop in RELATIONSHIPS[rel_type].properties:
            value = graph.value(link, relationship_property_term(prop.name))
            if value is not None:
                props[prop.name] = _python(value, prop.type)
        (start_label, start_id), (end_label, end_id) = ids[start], ids[end]
        rels.append(RelationshipRecord(rel_type, start_label, start_id, end_label, end_id, props))
    return snapshot_of(nodes, rels)
