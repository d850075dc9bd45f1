"""RDF export: SHACL-valid, isomorphic after a round trip through Turtle and JSON-LD."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import DCTERMS, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from policykg.app.loading import load_files
from policykg.graph import Store
from policykg.graph.export_rdf import (
    from_rdf,
    id_from_iri,
    node_iri,
    parse_rdf,
    read_rdf,
    to_rdf,
    validate,
    write_rdf,
)
from policykg.graph.snapshot import read_snapshot, snapshot_of
from policykg.ontology.vocabulary import DEFAULT_BASE, ELI, PKG
from tests.export_support import DOC, REGION, REPO, TARGET, load_sample, sample_records


def _assert_isomorphic(one: Graph, other: Graph) -> None:
    if not isomorphic(one, other):
        _, only_one, only_other = graph_diff(to_isomorphic(one), to_isomorphic(other))
        pytest.fail(
            f"only in the first:\n{only_one.serialize(format='nt')}\n"
            f"only in the second:\n{only_other.serialize(format='nt')}"
        )


def test_the_sample_graph_conforms_to_the_shapes() -> None:
    report = validate(to_rdf(snapshot_of(*sample_records())))
    assert report.conforms, report.text
    assert report.violations == 0


def test_a_broken_graph_fails_validation() -> None:
    graph = to_rdf(snapshot_of(*sample_records()))
    doc, region, target = (node_iri(DEFAULT_BASE, i) for i in (DOC, REGION, TARGET))
    graph.remove((doc, DCTERMS.identifier, None))  # required id missing
    graph.add((doc, ELI.passed_by, region))  # issued by a Region, not a Unit
    graph.set((target, PKG.year, Literal("2027年")))  # not an integer
    report = validate(graph)
    assert not report.conforms
    assert report.violations == 3, report.text


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_rdf_round_trip_is_isomorphic(fmt: str, tmp_path: Path) -> None:
    snapshot = snapshot_of(*sample_records())
    path = tmp_path / f"graph.{fmt}"
    written = write_rdf(snapshot, path, fmt)
    parsed = parse_rdf(path.read_text(encoding="utf-8"), fmt)
    _assert_isomorphic(written, parsed)
    back = read_rdf(path)
    assert back.canonical() == snapshot.canonical()
    _assert_isomorphic(to_rdf(back), written)


def test_chinese_text_stays_readable(tmp_path: Path) -> None:
    path = tmp_path / "graph.jsonld"
    write_rdf(snapshot_of(*sample_records()), path, "jsonld")
    text = path.read_text(encoding="utf-8")
    assert "亳州高新技术产业开发区" in text and "\\u" not in text


def test_base_is_configurable() -> None:
    base = "https://data.example.cn/policy/"
    graph = to_rdf(snapshot_of(*sample_records()), base)
    assert (node_iri(base, DOC), DCTERMS.identifier, Literal(DOC)) in graph
    assert from_rdf(graph, base).canonical() == snapshot_of(*sample_records()).canonical()


@given(st.text(min_size=1))
def test_node_iris_map_back_to_their_ids(node_id: str) -> None:
    assert id_from_iri(DEFAULT_BASE, node_iri(DEFAULT_BASE, node_id)) == node_id


def test_demo_corpus_export_validates(store: Store) -> None:
    load_files(store, sorted((REPO / "demo").glob("*")), 500)
    load_sample(store)
    report = validate(to_rdf(read_snapshot(store)))
    assert report.conforms, report.text
