"""An export is the same bytes whatever order the store hands properties back in.

FalkorDB returns a node's properties in the order they were first set, Neo4j in the order the
property names were first seen in the database; the snapshot puts them in schema order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from policykg.graph import Store
from policykg.graph.exporters import EXPORT_FORMATS, export_graph
from policykg.graph.snapshot import ordered
from policykg.graph.statements import statement
from policykg.graph.writer import write_records
from tests.export_support import open_graph, sample_records


def _reversed(props: dict[str, object]) -> dict[str, object]:
    return dict(reversed(list(props.items())))


@pytest.fixture(scope="module")
def graphs(server_home: Path) -> Iterator[tuple[Store, Store]]:
    """The same graph twice: written with every property map in one order, then the other."""
    nodes, rels = sample_records()
    first = open_graph(server_home, "export_order_a")
    second = open_graph(server_home, "export_order_b")
    write_records(first, nodes, rels, batch_size=50)
    write_records(
        second,
        [replace(n, properties=_reversed(n.properties)) for n in reversed(nodes)],
        [replace(r, properties=_reversed(r.properties)) for r in reversed(rels)],
        batch_size=50,
    )
    yield first, second
    for store in (first, second):
        store.clear()
        store.close()


def _property_orders(store: Store) -> list[list[str]]:
    return sorted([list(props) for _, props in store.read(statement("read_nodes")).rows])


def test_the_store_hands_properties_back_in_the_order_written(
    graphs: tuple[Store, Store],
) -> None:
    """What the export has to undo: otherwise the test below could not fail."""
    first, second = graphs
    assert _property_orders(first) != _property_orders(second)


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_export_is_the_same_bytes_whatever_the_property_order(
    graphs: tuple[Store, Store], fmt: str, tmp_path: Path
) -> None:
    contents = []
    for name, store in zip(("a", "b"), graphs, strict=True):
        out = tmp_path / name / ("csv" if fmt == "csv" else f"graph.{fmt}")
        export_graph(store, fmt, out)
        files = sorted(out.iterdir()) if out.is_dir() else [out]
        contents.append({p.name: p.read_bytes() for p in files})
    assert contents[0]
    assert contents[1] == contents[0]


def test_properties_are_in_schema_order_then_sorted() -> None:
    props = {"zeta": 1, "issuer": "x", "title": "t", "alpha": 2, "name": "n"}
    assert list(ordered("Document", props)) == ["name", "title", "issuer", "alpha", "zeta"]
    assert list(ordered("CITES", {"relation": "basis", "evidence": "e", "doc": "d"})) == [
        "doc",
        "evidence",
        "relation",
    ]
    assert list(ordered("NoSuchLabel", {"b": 1, "a": 2})) == ["a", "b"]
