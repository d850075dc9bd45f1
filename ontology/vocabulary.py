"""RDF terms for every label, relationship type and property of `ontology.schema`.

Established vocabularies are reused where one fits (ELI, schema.org, W3C ORG, PROV-O, SKOS,
DCTERMS); the rest lives in the policykg namespace `PKG`. Every namespace is closed
(`_fail = True`), so a misspelt term raises AttributeError instead of exporting a dead IRI.
"""

from __future__ import annotations

import re

from rdflib import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from policykg.ontology.schema import LABELS, NODE_LABELS, RELATIONSHIP_TYPES, RELATIONSHIPS

# The ontology's own namespace: fixed (unlike the data base IRI, which an export may set).
PKG_IRI = "http://example.org/policykg/ns#"
SHAPES_IRI = "http://example.org/policykg/shapes#"
DEFAULT_BASE = "http://example.org/policykg/id/"


class ELI(DefinedNamespace):
    """European Legislation Identifier ontology (terms checked against ELI 1.5).

    `eli:implements` is deprecated in ELI; `ensures_implementation_of` replaces it.
    """

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    LegalResource: URIRef
    cites: URIRef
    based_on: URIRef
    ensures_implementation_of: URIRef
    applies: URIRef
    repeals: URIRef
    amends: URIRef
    id_local: URIRef
    date_document: URIRef
    passed_by: URIRef
    in_force: URIRef
    title: URIRef
    jurisdiction: URIRef
    is_about: URIRef


class SCHEMA(DefinedNamespace):
    """The schema.org terms we use (rdflib's SDO lacks the newer Legislation terms)."""

    _NS = Namespace("https://schema.org/")
    _fail = True

    Legislation: URIRef
    AdministrativeArea: URIRef
    Place: URIRef
    name: URIRef
    legislationIdentifier: URIRef
    legislationPassedBy: URIRef
    legislationEnsuresImplementationOf: URIRef
    latitude: URIRef
    longitude: URIRef
    containedInPlace: URIRef


def camel(name: str) -> str:
    """doc_number -> docNumber, ISSUED_BY -> issuedBy: the default local name of a term."""
    head, *rest = name.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)


# Local names in PKG that are not derived from the schema.
_FIXED_TERMS = (
    "Link",  # a relationship, reified so it can carry doc, evidence and its key
    "ExtractedLink",  # a Link read from a document's text
    "lead",  # prov:Role of a unit that leads a task (LED_BY)
    "support",  # prov:Role of a unit that supports a task (SUPPORTED_BY)
    "unitOfMeasure",  # Target.unit: `unit` would read like the Unit class
)

# (label, property) -> primary term, for properties an established vocabulary covers.
_NODE_PROPERTY_TERMS: dict[tuple[str, str], URIRef] = {
    ("*", "id"): DCTERMS.identifier,
    ("*", "name"): SCHEMA.name,
    ("Document", "title"): ELI.title,
    ("Document", "doc_number"): ELI.id_local,
    ("Document", "date"): ELI.date_document,
    ("Document", "source"): DCTERMS.source,
    ("Region", "lon"): SCHEMA.longitude,
    ("Region", "lat"): SCHEMA.latitude,
    ("Park", "aliases"): SKOS.altLabel,
}
_NODE_PROPERTY_LOCAL_NAMES: dict[tuple[str, str], str] = {("Target", "unit"): "unitOfMeasure"}

# Extra triples written beside the primary one, for consumers of schema.org JSON-LD.
ALSO_PROPERTY_TERMS: dict[tuple[str, str], tuple[URIRef, ...]] = {
    ("Document", "doc_number"): (SCHEMA.legislationIdentifier,),
}

_RELATIONSHIP_PROPERTY_TERMS: dict[str, URIRef] = {
    "doc": PROV.wasQuotedFrom,  # the Link is quoted from that document
    "evidence": PROV.value,  # the sentence quoted
}

# CITES.relation -> ELI property; anything else is a plain citation.
CITES_PREDICATES: dict[str, URIRef] = {
    "basis": ELI.based_on,
    "implements": ELI.ensures_implementation_of,
    "applies": ELI.applies,
    "repeals": ELI.repeals,
    "amends": ELI.amends,
    "reference": ELI.cites,
}
CITES_DEFAULT = ELI.cites

_RELATIONSHIP_PREDICATES: dict[str, URIRef] = {"ISSUED_BY": ELI.passed_by}

ALSO_RELATIONSHIP_TERMS: dict[tuple[str, str | None], tuple[URIRef, ...]] = {
    ("ISSUED_BY", None): (SCHEMA.legislationPassedBy,),
    ("CITES", "implements"): (SCHEMA.legislationEnsuresImplementationOf,),
}

# Where a policykg relationship refines an established property (stated in the OWL).
SUPER_PROPERTIES: dict[str, tuple[URIRef, ...]] = {
    "PROMOTES": (ELI.is_about,),
    "PART_OF": (SCHEMA.containedInPlace,),
    "LOCATED_IN": (SCHEMA.containedInPlace,),
}
SEE_ALSO: dict[str, tuple[URIRef, ...]] = {
    "APPLIES_TO": (ELI.jurisdiction,),
    "status": (ELI.in_force,),
}

# Responsibility as PROV-O qualified association: Task prov:qualifiedAssociation [
# prov:agent unit; prov:hadRole pkg:lead ].
ROLE_RELATIONSHIPS: dict[str, str] = {"LED_BY": "lead", "SUPPORTED_BY": "support"}

DATATYPES: dict[str, URIRef] = {
    "string": XSD.string,
    "integer": XSD.integer,
    # Exact decimals: rdflib's Turtle writer rounds xsd:double to 7 digits (39.904211 ->
    # 3.990421e+01), and these numbers (coordinates, targets) were written in decimal.
    "float": XSD.decimal,
    "boolean": XSD.boolean,
    "date": XSD.date,
    "string[]": XSD.string,
}


def _pkg_local_names() -> list[str]:
    names: set[str] = set(_FIXED_TERMS)
    for label in NODE_LABELS:
        names.add(label.name)
        for prop in label.properties:
            key = (label.name, prop.name)
            if key not in _NODE_PROPERTY_TERMS:
                names.add(_NODE_PROPERTY_LOCAL_NAMES.get(key, camel(prop.name)))
    for rtype in RELATIONSHIP_TYPES:
        names.add(camel(rtype.name))
        names.update(camel(p.name) for p in rtype.properties)
    return sorted(names)


# The policykg namespace, closed over exactly the terms the schema needs: a term used in
# code but absent from the schema fails like a typo in ELI would.
PKG: type[DefinedNamespace] = type(
    "PKG",
    (DefinedNamespace,),
    {
        "__doc__": "The policykg ontology's own terms.",
        "_NS": Namespace(PKG_IRI),
        "_fail": True,
        "__annotations__": dict.fromkeys(_pkg_local_names(), URIRef),
    },
)
SHAPES = Namespace(SHAPES_IRI)

# Types written on every node of a label besides its PKG class.
ALIGNED_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "Document": (ELI.LegalResource, SCHEMA.Legislation),
    "Region": (SCHEMA.AdministrativeArea,),
    "Park": (SCHEMA.Place,),
    "Unit": (ORG.Organization,),
    "Industry": (SKOS.Concept,),
    "Task": (PROV.Activity,),
}

PREFIXES: dict[str, str] = {
    "pkg": PKG_IRI,
    "eli": str(ELI._NS),
    "schema": str(SCHEMA._NS),
    "org": str(ORG._NS),
    "prov": str(PROV._NS),
    "skos": str(SKOS._NS),
    "dcterms": str(DCTERMS._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def class_term(label: str) -> URIRef:
    """The PKG class of a node label."""
    return PKG[LABELS[label].name]


def node_property_term(label: str, prop: str) -> URIRef:
    """The predicate a node property is written with."""
    for key in ((label, prop), ("*", prop)):
        if key in _NODE_PROPERTY_TERMS:
            return _NODE_PROPERTY_TERMS[key]
    return PKG[_NODE_PROPERTY_LOCAL_NAMES.get((label, prop), camel(prop))]


def relationship_property_term(prop: str) -> URIRef:
    """The predicate a relationship property is written with on its Link."""
    return _RELATIONSHIP_PROPERTY_TERMS.get(prop) or PKG[camel(prop)]


def relationship_predicate(rel_type: str, relation: str | None = None) -> URIRef:
    """The predicate of the direct triple start -> end (CITES depends on its relation)."""
    if rel_type == "CITES":
        return CITES_PREDICATES.get(relation or "", CITES_DEFAULT)
    RELATIONSHIPS[rel_type]  # unknown types fail here, not in an export
    return _RELATIONSHIP_PREDICATES.get(rel_type) or PKG[camel(rel_type)]


def relationship_predicates(rel_type: str) -> tuple[URIRef, ...]:
    """Every predicate a relationship type may be written with."""
    if rel_type == "CITES":
        return tuple(dict.fromkeys(CITES_PREDICATES.values()))
    return (relationship_predicate(rel_type),)


def relationship_type_of(predicate: URIRef) -> str | None:
    """The relationship type a direct-triple predicate stands for, if any."""
    return _PREDICATE_TYPES.get(predicate)


_PREDICATE_TYPES: dict[URIRef, str] = {
    pred: rtype.name for rtype in RELATIONSHIP_TYPES for pred in relationship_predicates(rtype.name)
}

_LOCAL_NAME = re.compile(r"[#/]([^#/]*)$")


def curie(term: URIRef) -> str:
    """eli:based_on for an ELI term: how the tables print a term."""
    text = str(term)
    for prefix, iri in PREFIXES.items():
        if text.startswith(iri):
            return f"{prefix}:{text[len(iri) :]}"
    match = _LOCAL_NAME.search(text)
    return match.group(1) if match else text
