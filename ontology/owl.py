"""The OWL ontology (Turtle) generated from `ontology.schema` and `ontology.vocabulary`."""

from __future__ import annotations

from collections import defaultdict

from rdflib import OWL, PROV, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from policykg.ontology.schema import NODE_LABELS, RELATIONSHIP_TYPES
from policykg.ontology.vocabulary import (
    ALIGNED_CLASSES,
    CITES_PREDICATES,
    DATATYPES,
    PKG,
    PKG_IRI,
    PREFIXES,
    ROLE_RELATIONSHIPS,
    SEE_ALSO,
    SUPER_PROPERTIES,
    class_term,
    node_property_term,
    relationship_predicates,
    relationship_property_term,
)

ONTOLOGY_COMMENT = (
    "The policykg graph contract: Chinese government policy documents, the units that lead "
    "and support their tasks, their targets, places and industries. Generated from "
    "ontology/schema.py. Reuses ELI (documents and citations), schema.org (Legislation, "
    "AdministrativeArea, Place), W3C ORG (organisations), PROV-O (evidence and roles), SKOS "
    "(industries, aliases) and DCTERMS (identifiers, sources); terms of its own only where "
    "none fits."
)


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound."""
    graph = Graph(bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    return graph


def _class_or_union(graph: Graph, labels: tuple[str, ...] | list[str]) -> URIRef | BNode:
    """One class, or an owl:unionOf the classes of several labels."""
    classes = [class_term(label) for label in sorted(set(labels))]
    if len(classes) == 1:
        return classes[0]
    union = BNode()
    members = BNode()
    items: list[Node] = list(classes)  # Collection takes a list[Node]; list is invariant
    Collection(graph, members, items)
    graph.add((union, RDF.type, OWL.Class))
    graph.add((union, OWL.unionOf, members))
    return union


def _add_classes(graph: Graph) -> None:
    for label in NODE_LABELS:
        cls = class_term(label.name)
        graph.add((cls, RDF.type, OWL.Class))
        graph.add((cls, RDFS.label, Literal(label.name)))
        graph.add((cls, RDFS.comment, Literal(f"Identity: {label.identity}.")))
        for aligned in ALIGNED_CLASSES.get(label.name, ()):
            graph.add((cls, RDFS.subClassOf, aligned))
    graph.add((PKG.Link, RDF.type, OWL.Class))
    graph.add((PKG.Link, RDFS.subClassOf, RDF.Statement))
    graph.add(
        (PKG.Link, RDFS.comment, Literal("A graph relationship, reified with its properties."))
    )
    graph.add((PKG.ExtractedLink, RDF.type, OWL.Class))
    graph.add((PKG.ExtractedLink, RDFS.subClassOf, PKG.Link))
    graph.add((PKG.ExtractedLink, RDFS.subClassOf, PROV.Entity))
    graph.add(
        (
            PKG.ExtractedLink,
            RDFS.comment,
            Literal(
                "A relationship read from a document: prov:wasQuotedFrom the document, "
                "prov:value the sentence it was read from."
            ),
        )
    )
    for rel_name, role in ROLE_RELATIONSHIPS.items():
        graph.add((PKG[role], RDF.type, PROV.Role))
        graph.add((PKG[role], RDF.type, OWL.NamedIndividual))
        graph.add(
            (PKG[role], RDFS.comment, Literal(f"Role of the agent of a {rel_name} relationship."))
        )


def _add_node_properties(graph: Graph) -> None:
    domains: dict[URIRef, list[str]] = defaultdict(list)
    ranges: dict[URIRef, set[str]] = defaultdict(set)
    comments: dict[URIRef, list[str]] = defaultdict(list)
    names: dict[URIRef, str] = {}
    for label in NODE_LABELS:
        for prop in label.properties:
            term = node_property_term(label.name, prop.name)
            if not str(term).startswith(PKG_IRI):
                continue  # an established vocabulary defines it
            domains[term].append(label.name)
            names[term] = prop.name
            ranges[term].add(prop.type)
            if prop.description:
                comments[term].append(f"{label.name}.{prop.name}: {prop.description}")
    for term, labels in domains.items():
        graph.add((term, RDF.type, OWL.DatatypeProperty))
        graph.add((term, RDFS.label, Literal(names[term])))
        graph.add((term, RDFS.domain, _class_or_union(graph, labels)))
        if len(ranges[term]) == 1:
            graph.add((term, RDFS.range, DATATYPES[next(iter(ranges[term]))]))
        for comment in comments[term]:
            graph.add((term, RDFS.comment, Literal(comment)))
        local = str(term)[len(PKG_IRI) :]
        for see in SEE_ALSO.get(local, ()):
            graph.add((term, RDFS.seeAlso, see))


def _add_relationships(graph: Graph) -> None:
    for rtype in RELATIONSHIP_TYPES:
        for predicate in relationship_predicates(rtype.name):
            if not str(predicate).startswith(PKG_IRI):
                continue
            graph.add((predicate, RDF.type, OWL.ObjectProperty))
            graph.add((predicate, RDFS.label, Literal(rtype.name)))
            if rtype.meaning:
                graph.add((predicate, RDFS.comment, Literal(rtype.meaning)))
            graph.add((predicate, RDFS.domain, _class_or_union(graph, rtype.starts)))
            graph.add((predicate, RDFS.range, _class_or_union(graph, rtype.ends)))
            for parent in SUPER_PROPERTIES.get(rtype.name, ()):
                graph.add((predicate, RDFS.subPropertyOf, parent))
            for see in SEE_ALSO.get(rtype.name, ()):
                graph.add((predicate, RDFS.seeAlso, see))
        for prop in rtype.properties:
            term = relationship_property_term(prop.name)
            graph.add((term, RDF.type, OWL.DatatypeProperty))
            graph.add((term, RDFS.label, Literal(prop.name)))
            graph.add((term, RDFS.domain, PKG.Link))
            graph.add((term, RDFS.range, DATATYPES[prop.type]))
            graph.add((term, RDFS.comment, Literal(f"{rtype.name}.{prop.name}: {rtype.meaning}")))
    relation = relationship_property_term("relation")
    for value, predicate in CITES_PREDICATES.items():
        graph.add((relation, RDFS.comment, Literal(f"{value}: written as {predicate}")))


def owl_graph() -> Graph:
    """The OWL ontology of the graph contract."""
    graph = new_graph()
    graph.bind("owl", str(OWL))
    ontology = URIRef(PKG_IRI.rstrip("#"))
    graph.add((ontology, RDF.type, OWL.Ontology))
    graph.add((ontology, RDFS.label, Literal("policykg")))
    graph.add((ontology, RDFS.comment, Literal(ONTOLOGY_COMMENT)))
    for prefix in ("eli", "schema", "org", "prov", "skos", "dcterms"):
        graph.add((ontology, RDFS.seeAlso, URIRef(PREFIXES[prefix])))
    _add_classes(graph)
    _add_node_properties(graph)
    _add_relationships(graph)
    return graph
