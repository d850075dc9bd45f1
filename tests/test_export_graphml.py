"""GraphML and GEXF: networkx reads back the store's graph, Chinese text and lists intact."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from policykg.graph import Store
from policykg.graph.export_graphml import read_gexf, read_graphml, write_gexf, write_graphml
from policykg.graph.snapshot import read_snapshot
from policykg.graph.stats import graph_stats
from tests.export_support import PARK, load_sample


@pytest.fixture
def store(store: Store) -> Store:
    """conftest's fresh graph, holding the sample graph."""
    load_sample(store)
    return store


def test_graphml_read_by_networkx_equals_the_store(store: Store, tmp_path: Path) -> None:
    snapshot = read_snapshot(store)
    path = tmp_path / "graph.graphml"
    write_graphml(snapshot, path)
    graph = nx.read_graphml(path, force_multigraph=True)
    stats = graph_stats(store)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (stats.nodes, stats.edges)
    assert graph.nodes[PARK]["name"] == "亳州高新技术产业开发区"
    assert graph.nodes[PARK]["aliases"] == '["亳州高新区", "高新区,\\"北区\\""]'
    assert read_graphml(path).canonical() == snapshot.canonical()


def test_gexf_round_trip(store: Store, tmp_path: Path) -> None:
    snapshot = read_snapshot(store)
    path = tmp_path / "graph.gexf"
    write_gexf(snapshot, path)
    graph = nx.read_gexf(path)
    assert graph.nodes[PARK]["label"] == "亳州高新技术产业开发区"
    assert read_gexf(path).canonical() == snapshot.canonical()
    park = next(n for n in read_gexf(path).nodes if n.id == PARK)
    assert park.properties["aliases"] == ["亳州高新区", '高新区,"北区"']


def test_a_changed_graph_no_longer_compares_equal(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    write_graphml(read_snapshot(store), path)
    store.write("MATCH (n:Park) SET n.level = 'national'")
    assert read_graphml(path).canonical() != read_snapshot(store).canonical()
