"""Inputs the type checker made us handle explicitly: non-IRI RDF terms, kindless park names."""

from __future__ import annotations

import pytest
from rdflib import DCTERMS, RDF, BNode, Literal

from policykg.errors import LoadError
from policykg.graph.export_rdf import from_rdf, node_iri, to_rdf
from policykg.graph.snapshot import snapshot_of
from policykg.loaders.extract.parks import ParkMention, _proper
from policykg.ontology.vocabulary import DEFAULT_BASE, class_term, relationship_property_term
from tests.export_support import DOC, sample_records


def test_a_link_whose_doc_is_a_literal_is_rejected() -> None:
    graph = to_rdf(snapshot_of(*sample_records()))
    term = relationship_property_term("doc")
    link = next(graph.subjects(term, node_iri(DEFAULT_BASE, DOC)))
    graph.set((link, term, Literal(str(node_iri(DEFAULT_BASE, DOC)))))
    with pytest.raises(LoadError, match="not an IRI"):
        from_rdf(graph)


def test_a_blank_node_needs_an_identifier() -> None:
    graph = to_rdf(snapshot_of(*sample_records()))
    graph.add((BNode(), RDF.type, class_term("Unit")))
    with pytest.raises(LoadError, match="neither an IRI nor an identifier"):
        from_rdf(graph)


def test_a_blank_node_with_an_identifier_still_reads() -> None:
    graph = to_rdf(snapshot_of(*sample_records()))
    unit = BNode()
    graph.add((unit, RDF.type, class_term("Unit")))
    graph.add((unit, DCTERMS.identifier, Literal("unit:blank")))
    ids = {node.id for node in from_rdf(graph).nodes}
    assert "unit:blank" in ids


def test_a_park_surface_without_a_kind_word_is_not_a_proper_name() -> None:
    alias = ParkMention(0, 4, "/合肥高新区", "合肥高新区", "高新区", None, "national", "合肥高新")
    assert _proper(alias) is False
