"""The RDF vocabulary: closed namespaces, a term for every schema name, OWL and SHACL sanity."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, SH

from policykg.ontology.owl import owl_graph
from policykg.ontology.schema import NODE_LABELS, RELATIONSHIP_TYPES
from policykg.ontology.shapes import shapes_graph
from policykg.ontology.vocabulary import (
    ELI,
    PKG,
    SCHEMA,
    class_term,
    node_property_term,
    relationship_predicate,
    relationship_predicates,
    relationship_type_of,
)


@pytest.mark.parametrize("namespace", [ELI, SCHEMA, PKG])
def test_namespaces_are_closed(namespace: type) -> None:
    with pytest.raises(AttributeError):
        namespace.no_such_term  # noqa: B018


def test_deprecated_eli_implements_is_not_used() -> None:
    with pytest.raises(AttributeError):
        ELI.implements  # noqa: B018


def test_every_label_and_property_has_a_term_declared_in_owl_or_reused() -> None:
    owl = owl_graph()
    for label in NODE_LABELS:
        assert (class_term(label.name), RDF.type, OWL.Class) in owl
        for prop in label.properties:
            term = node_property_term(label.name, prop.name)
            if term in PKG:
                assert (term, RDF.type, OWL.DatatypeProperty) in owl, term


def test_predicates_map_back_to_their_relationship_type() -> None:
    for rtype in RELATIONSHIP_TYPES:
        for predicate in relationship_predicates(rtype.name):
            assert relationship_type_of(predicate) == rtype.name
    assert relationship_predicate("CITES", "implements") == ELI.ensures_implementation_of
    assert relationship_predicate("CITES", "something new") == ELI.cites


def test_every_label_has_a_node_shape() -> None:
    shapes = shapes_graph()
    targets = set(shapes.objects(None, SH.targetClass))
    assert {class_term(label.name) for label in NODE_LABELS} <= targets
