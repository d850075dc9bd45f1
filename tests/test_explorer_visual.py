"""The drawing functions, without Streamlit: subgraphs from results and standalone pyvis HTML."""

from __future__ import annotations

import json
import re

import pytest

from policykg.app.visual import (
    NODE_CAP,
    Subgraph,
    collect,
    edge_style,
    filter_dates,
    has_graph,
    node_style,
    subgraph_from_result,
    to_pyvis,
)
from policykg.graph.result import GraphNode, GraphPath, GraphRelationship, QueryResult


def doc(key: str, **props: object) -> GraphNode:
    return GraphNode(key, ("Document",), {"id": f"doc:{key}", "name": key, **props})


def cites(key: str, start: str, end: str, relation: str) -> GraphRelationship:
    return GraphRelationship(
        key, "CITES", start, end, {"relation": relation, "doc": f"doc:{start}"}
    )


def test_paths_lists_and_maps_are_collected_once() -> None:
    a, b, c = doc("a", level="park"), doc("b", level="provincial", stub=True), doc("c")
    ab, bc = cites("r1", "a", "b", "basis"), cites("r2", "b", "c", "implements")
    result = QueryResult(
        ("p", "extra"),
        ((GraphPath((a, b), (ab,)), [c, bc]), (GraphPath((a, b), (ab,)), {"n": a})),
    )
    sub = subgraph_from_result(result)
    assert [n.key for n in sub.nodes] == ["a", "b", "c"]
    assert [r.key for r in sub.relationships] == ["r1", "r2"]
    assert not sub.truncated
    assert has_graph(result)
    assert not has_graph(QueryResult(("x",), ((1,), ("a",))))


def test_more_nodes_than_the_cap_are_cut_and_flagged() -> None:
    nodes = [doc(str(i)) for i in range(NODE_CAP + 20)]
    rels = [cites(f"r{i}", str(i), str(i + 1), "reference") for i in range(NODE_CAP + 19)]
    sub = collect([*nodes, *rels])
    assert len(sub.nodes) == NODE_CAP
    assert sub.truncated
    kept = {n.key for n in sub.nodes}
    assert all(r.start in kept and r.end in kept for r in sub.relationships)
    assert "truncated" in to_pyvis(sub)


def test_merge_adds_new_nodes_only() -> None:
    first = collect([doc("a"), doc("b"), cites("r1", "a", "b", "basis")])
    second = collect([doc("b"), doc("c"), cites("r2", "c", "b", "implements")])
    merged = first.merge(second)
    assert [n.key for n in merged.nodes] == ["a", "b", "c"]
    assert {r.key for r in merged.relationships} == {"r1", "r2"}
    assert merged.find("doc:c") is not None


def test_date_filter_keeps_undated_and_focus_nodes() -> None:
    sub = collect(
        [
            doc("old", date="2019-06-01"),
            doc("new", date="2024-10-16"),
            doc("undated"),
            doc("focus", date="2010-01-01"),
            cites("r1", "new", "old", "basis"),
            cites("r2", "new", "undated", "basis"),
        ]
    )
    kept = filter_dates(sub, "2020-01-01", "2025-12-31", keep=["focus"])
    assert [n.key for n in kept.nodes] == ["new", "undated", "focus"]
    assert [r.key for r in kept.relationships] == ["r2"]


def test_stubs_look_different_and_relations_have_their_own_lines() -> None:
    loaded = node_style(doc("a", level="provincial"))
    stub = node_style(doc("b", level="provincial", stub=True))
    assert stub["shapeProperties"]["borderDashes"]
    assert "shapeProperties" not in loaded
    assert loaded["color"] != stub["color"]
    basis = edge_style(cites("r1", "a", "b", "basis"))
    reference = edge_style(cites("r2", "a", "b", "reference"))
    assert basis["dashes"] is False and reference["dashes"]
    assert basis["width"] > reference["width"]


def _data(html: str, name: str) -> list[dict[str, object]]:
    match = re.search(rf"var {name} = new vis.DataSet\((.*?)\);\n", html)
    assert match, name
    return json.loads(match.group(1))


@pytest.mark.parametrize("layout", ["level", "date", "force"])
def test_html_inlines_vis_network_and_fetches_nothing(layout: str) -> None:
    sub = collect(
        [
            doc(
                "a", level="park", date="2024-10-16", title="亳州高新区城市功能品质活力提升实施意见"
            ),
            doc("b", level="provincial", stub=True, doc_number="皖办发〔2024〕11号"),
            cites("r1", "a", "b", "basis"),
        ]
    )
    page = to_pyvis(sub, layout=layout)
    assert "vis.Network" in page and "function" in page  # the library itself is inside
    assert re.findall(r"""(?:src|href)\s*=\s*["']""", page) == []
    assert "@import" not in page
    nodes = [n for n in _data(page, "nodes") if not n.get("guide")]
    assert {n["label"] for n in nodes} == {
        "亳州高新区城市功能品质活力提升实施意见",
        "皖办发〔2024〕11号",
    }
    heights = {n["label"]: n.get("y") for n in nodes}
    if layout in ("level", "date"):  # provincial above park
        assert heights["皖办发〔2024〕11号"] < heights["亳州高新区城市功能品质活力提升实施意见"]
    edges = _data(page, "edges")
    assert edges[0]["label"] == "依据"  # basis, labelled as the documents say it


def test_text_from_the_graph_cannot_break_out_of_the_script() -> None:
    evil = doc("x", title="</script><script>alert(1)</script>", name="<img src=x onerror=alert(1)>")
    page = to_pyvis(Subgraph((evil,), ()))
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page


def test_unknown_layout_is_refused() -> None:
    with pytest.raises(ValueError, match="layout"):
        to_pyvis(Subgraph(), layout="circle")
