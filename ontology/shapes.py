"""SHACL shapes generated from `ontology.schema`: what an RDF export must satisfy."""

from __future__ import annotations

from rdflib import PROV, RDF, SH, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from policykg.ontology.owl import new_graph
from policykg.ontology.schema import (
    NODE_LABELS,
    RELATIONSHIP_TYPES,
    NodeLabel,
    Property,
    RelationshipType,
)
from policykg.ontology.vocabulary import (
    CITES_PREDICATES,
    DATATYPES,
    PKG,
    ROLE_RELATIONSHIPS,
    SHAPES,
    class_term,
    node_property_term,
    relationship_predicates,
    relationship_property_term,
)


def _list(graph: Graph, items: list[URIRef] | list[Literal] | list[BNode]) -> BNode:
    head = BNode()
    Collection(graph, head, list(items))
    return head


def _class_constraint(graph: Graph, shape: URIRef | BNode, labels: tuple[str, ...]) -> None:
    """sh:class for one label, sh:or of sh:class for several (Region|Park)."""
    classes = [class_term(label) for label in sorted(set(labels))]
    if len(classes) == 1:
        graph.add((shape, SH["class"], classes[0]))
        return
    alternatives = []
    for cls in classes:
        alt = BNode()
        graph.add((alt, SH["class"], cls))
        alternatives.append(alt)
    graph.add((shape, SH["or"], _list(graph, alternatives)))


def _property_shape(
    graph: Graph,
    node_shape: URIRef,
    name: str,
    path: URIRef,
    *,
    min_count: int = 0,
    max_count: int | None = 1,
) -> URIRef:
    shape = SHAPES[f"{node_shape.split('#')[-1]}-{name}"]
    graph.add((node_shape, SH.property, shape))
    graph.add((shape, RDF.type, SH.PropertyShape))
    graph.add((shape, SH.path, path))
    if min_count:
        graph.add((shape, SH.minCount, Literal(min_count)))
    if max_count is not None:
        graph.add((shape, SH.maxCount, Literal(max_count)))
    return shape


def _add_label(graph: Graph, label: NodeLabel) -> None:
    node_shape = SHAPES[label.name]
    graph.add((node_shape, RDF.type, SH.NodeShape))
    graph.add((node_shape, SH.targetClass, class_term(label.name)))
    required = (Property("id", "string"), Property("name", "string"))
    for prop in (*required, *label.properties):
        term = node_property_term(label.name, prop.name)
        many = prop.type.endswith("[]")
        shape = _property_shape(
            graph,
            node_shape,
            prop.name,
            term,
            min_count=1 if prop in required else 0,
            max_count=None if many else 1,
        )
        graph.add((shape, SH.datatype, DATATYPES[prop.type]))


def _add_relationship(graph: Graph, rtype: RelationshipType) -> None:
    for predicate in relationship_predicates(rtype.name):
        local = predicate.split("#")[-1].split("/")[-1]
        # Whatever holds this predicate must be a start label ...
        domain = SHAPES[f"{rtype.name}-{local}-start"]
        graph.add((domain, RDF.type, SH.NodeShape))
        graph.add((domain, SH.targetSubjectsOf, predicate))
        _class_constraint(graph, domain, rtype.starts)
        # ... and whatever it points to an end label.
        value_shape = _property_shape(graph, domain, "end", predicate, max_count=None)
        _class_constraint(graph, value_shape, rtype.ends)


def _add_links(graph: Graph) -> None:
    link = SHAPES.Link
    graph.add((link, RDF.type, SH.NodeShape))
    graph.add((link, SH.targetClass, PKG.Link))
    for name, path in (
        ("subject", RDF.subject),
        ("predicate", RDF.predicate),
        ("object", RDF.object),
    ):
        shape = _property_shape(graph, link, name, path, min_count=1)
        graph.add((shape, SH.nodeKind, SH.IRI))
    predicates = sorted({p for r in RELATIONSHIP_TYPES for p in relationship_predicates(r.name)})
    graph.add((SHAPES["Link-predicate"], SH["in"], _list(graph, predicates)))
    quoted = _property_shape(graph, link, "doc", relationship_property_term("doc"))
    graph.add((quoted, SH["class"], PKG.Document))
    evidence = _property_shape(graph, link, "evidence", relationship_property_term("evidence"))
    graph.add((evidence, SH.datatype, XSD.string))
    seen: set[URIRef] = set()
    for rtype in RELATIONSHIP_TYPES:
        for prop in rtype.properties:
            term = relationship_property_term(prop.name)
            if term in seen:
                continue
            seen.add(term)
            shape = _property_shape(graph, link, prop.name, term)
            graph.add((shape, SH.datatype, DATATYPES[prop.type]))
    graph.add(
        (SHAPES["Link-relation"], SH["in"], _list(graph, [Literal(v) for v in CITES_PREDICATES]))
    )
    extracted = SHAPES.ExtractedLink
    graph.add((extracted, RDF.type, SH.NodeShape))
    graph.add((extracted, SH.targetClass, PKG.ExtractedLink))
    _property_shape(graph, extracted, "doc", relationship_property_term("doc"), min_count=1)


def _add_associations(graph: Graph) -> None:
    shape = SHAPES.Association
    graph.add((shape, RDF.type, SH.NodeShape))
    graph.add((shape, SH.targetObjectsOf, PROV.qualifiedAssociation))
    agent = _property_shape(graph, shape, "agent", PROV.agent, min_count=1)
    responsible = {end for name in ROLE_RELATIONSHIPS for end in _rel(name).ends}
    _class_constraint(graph, agent, tuple(responsible))
    role = _property_shape(graph, shape, "role", PROV.hadRole, min_count=1)
    graph.add((role, SH["in"], _list(graph, [PKG[r] for r in ROLE_RELATIONSHIPS.values()])))
    holder = SHAPES["Association-holder"]
    graph.add((holder, RDF.type, SH.NodeShape))
    graph.add((holder, SH.targetSubjectsOf, PROV.qualifiedAssociation))
    starts = {start for name in ROLE_RELATIONSHIPS for start in _rel(name).starts}
    _class_constraint(graph, holder, tuple(starts))


def _rel(name: str) -> RelationshipType:
    return next(r for r in RELATIONSHIP_TYPES if r.name == name)


def shapes_graph() -> Graph:
    """The SHACL shapes graph for an RDF export."""
    graph = new_graph()
    graph.bind("sh", str(SH))
    graph.bind("pkgsh", str(SHAPES))
    for label in NODE_LABELS:
        _add_label(graph, label)
    for rtype in RELATIONSHIP_TYPES:
        _add_relationship(graph, rtype)
    _add_links(graph)
    _add_associations(graph)
    return graph
