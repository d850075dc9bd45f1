"""Lineage and responsibility drawings (issue 13): layout, one node per document, Chinese names."""

from __future__ import annotations

import json
import re

from policykg.app.graph_layout import ROW_GAP, blocked, by_date, layered
from policykg.app.responsibility import responsibility_matrix
from policykg.app.task_numbers import chinese_number, number_key, position_key
from policykg.app.visual import collect, edge_style, merge_documents, to_pyvis
from policykg.graph.result import GraphNode, GraphRelationship


def doc(key: str, **props: object) -> GraphNode:
    return GraphNode(key, ("Document",), {"id": f"doc:{key}", "name": key, **props})


def cites(key: str, start: str, end: str, relation: str, evidence: str = "") -> GraphRelationship:
    props = {"relation": relation, "doc": f"doc:{start}", "evidence": evidence or None}
    return GraphRelationship(key, "CITES", start, end, props)


def _data(html: str, name: str) -> list[dict[str, object]]:
    match = re.search(rf"var {name} = new vis.DataSet\((.*?)\);\n", html)
    assert match, name
    return json.loads(match.group(1))


def test_levels_are_rows_national_on_top() -> None:
    sub = collect(
        [
            doc("n", level="national"),
            doc("p", level="provincial"),
            doc("c", level="city"),
            doc("k", level="park"),
            doc("u"),  # level unknown: a row of its own below the parks
            cites("r1", "k", "c", "implements"),
            cites("r2", "c", "p", "basis"),
            cites("r3", "p", "n", "basis"),
            cites("r4", "k", "u", "reference"),
        ]
    )
    nodes = {n["id"]: n for n in _data(to_pyvis(sub, layout="level"), "nodes")}
    ys = [nodes[k]["y"] for k in ("n", "p", "c", "k", "u")]
    assert ys == sorted(ys) and len(set(ys)) == 5
    guides = {n["label"] for n in nodes.values() if n.get("guide")}
    assert {"国家级", "省级", "市级", "园区", "层级不详"} <= guides


def test_edges_are_straight_unless_they_would_pass_behind_a_node() -> None:
    # park → provincial skips the city row; the city document sits right on that line.
    rows = {"park": 2, "city": 1, "prov": 0}
    placed = layered(rows, [("park", "prov")], order=str)
    assert placed["city"].x == placed["park"].x == placed["prov"].x  # one per row, centred
    assert blocked([("park", "prov"), ("park", "city")], placed) == {0}
    sub = collect(
        [
            doc("park", level="park"),
            doc("city", level="city"),
            doc("prov", level="provincial"),
            cites("r1", "park", "prov", "basis"),
            cites("r2", "park", "city", "implements"),
        ]
    )
    edges = {e["id"] if "id" in e else e["to"]: e for e in _data(to_pyvis(sub), "edges")}
    assert edges["prov"]["smooth"]["enabled"] is True  # the detour is curved
    assert "smooth" not in edges["city"]  # straight (the layout's default)
    options = re.search(
        r"new vis.Network\(container, \{nodes: nodes, edges: edges\}, (.*?)\);", to_pyvis(sub)
    )
    assert options and json.loads(options.group(1))["edges"]["smooth"] is False


def test_barycentre_puts_children_under_their_parents() -> None:
    rows = {"a": 0, "b": 0, "a1": 1, "b1": 1}
    # Given order would cross: b1 first under a, a1 under b.
    placed = layered(
        rows, [("a1", "a"), ("b1", "b")], order=lambda k: {"a": 0, "b": 1, "b1": 0, "a1": 1}[k]
    )
    assert (placed["a1"].x < placed["b1"].x) == (placed["a"].x < placed["b"].x)


def test_undated_documents_are_set_apart_and_not_in_one_column() -> None:
    rows = {"d1": 4, "d2": 4, "u1": 1, "u2": 1, "u3": 1, "u4": 2}
    dates = {"d1": "2021-02-07", "d2": "2024-10-16", "u1": None, "u2": None, "u3": None, "u4": None}
    placed = by_date(rows, dates, [("d2", "u1"), ("d2", "u2")], order=str)
    assert placed["d1"].x < placed["d2"].x  # older left
    right_of_dated = max(placed["d1"].x, placed["d2"].x)
    undated = [placed[k] for k in ("u1", "u2", "u3", "u4")]
    assert all(p.x > right_of_dated for p in undated)
    assert len({p.x for p in undated if p.row == 1}) == 3  # spread along their row
    assert {p.y for p in undated} == {ROW_GAP, 2 * ROW_GAP}


def test_a_document_cited_by_title_and_by_number_is_one_node() -> None:
    by_title = doc("t", title_key="亳州市城市功能品质活力提升2024工作要点", stub=True, level="city")
    by_number = doc(
        "n",
        doc_number="亳政秘〔2024〕58号",
        title_key="亳州市城市功能品质活力提升2024工作要点",
        stub=True,
    )
    citing = doc("c", level="park", stub=False)
    sub = collect(
        [
            citing,
            by_title,
            by_number,
            cites("r1", "c", "t", "basis"),
            cites("r2", "c", "n", "basis"),
        ]
    )
    merged = merge_documents(sub)
    assert [n.key for n in merged.nodes] == ["c", "n"]  # the one with a 文号 stays
    node = merged.node("n")
    assert node is not None
    assert node.properties["level"] == "city"  # filled from the other stub
    assert sorted(node.properties["merged_ids"]) == ["doc:n", "doc:t"]
    assert [(r.start, r.end) for r in merged.relationships] == [("c", "n")]
    loaded = doc("real", doc_number="亳政秘〔2024〕58号", stub=False)
    assert [n.key for n in merge_documents(collect([loaded, by_number])).nodes] == ["real"]
    assert merge_documents(collect([citing, by_title])) == collect([citing, by_title])


def test_every_relation_has_its_chinese_label_and_its_own_line() -> None:
    names = {"basis": "依据", "implements": "落实", "applies": "参照", "repeals": "废止",
             "amends": "修订", "reference": "引用"}  # fmt: skip
    styles = {}
    for relation, label in names.items():
        style = edge_style(cites("r", "a", "b", relation))
        assert style["label"] == label
        styles[relation] = (style["color"], json.dumps(style["dashes"]), style["width"])
    assert len(set(styles.values())) == len(names)
    assert edge_style(cites("r", "a", "b", "implements"), "en")["label"] == "implements"


def test_hovering_an_edge_shows_its_evidence_and_nodes_lead_to_their_page() -> None:
    sentence = "根据《中共安徽省委办公厅、安徽省人民政府办公厅关于…的意见》(皖办发〔2024〕11号)"
    sub = collect(
        [
            doc("a", level="park"),
            doc("b", level="provincial"),
            cites("r1", "a", "b", "basis", sentence),
        ]
    )
    page = to_pyvis(sub, document_url="document?doc={id}&lang=zh")
    (edge,) = _data(page, "edges")
    assert edge["title"] == f"依据\n原文依据: 「{sentence}」"
    details = json.loads(re.search(r"var details = (.*?);\n", page).group(1))  # type: ignore[union-attr]
    assert details["a"]["document"] == "doc:a"
    assert details["a"]["labels"] == ["文件"] and "层级" in details["a"]["properties"]
    assert '"document?doc={id}\\u0026lang=zh"' in page and "doubleClick" in page
    english = to_pyvis(sub, lang="en")
    assert "evidence: 「" in english and "Click a node" in english


def test_the_focus_unit_is_highlighted_at_the_centre() -> None:
    unit = GraphNode("u", ("Unit",), {"id": "unit:x", "name": "市城市管理局"})
    other = GraphNode("o", ("Unit",), {"id": "unit:y", "name": "市交通运输局"})
    task = GraphNode("t", ("Task",), {"id": "task:doc:d#1.2", "number": "2", "title": "任务"})
    document = doc("d", level="city")
    sub = collect(
        [
            unit, other, task, document,
            GraphRelationship("h", "HAS_TASK", "d", "t", {}),
            GraphRelationship("l", "LED_BY", "t", "u", {}),
            GraphRelationship("s", "SUPPORTED_BY", "t", "o", {}),
        ]
    )  # fmt: skip
    page = to_pyvis(sub, layout="around", focus="u")
    nodes = {n["id"]: n for n in _data(page, "nodes")}
    assert (nodes["u"]["x"], nodes["u"]["y"]) == (0.0, 0.0)
    assert nodes["u"]["borderWidth"] == 5 and nodes["u"]["font"]["size"] == 20
    ring = lambda k: (nodes[k]["x"] ** 2 + nodes[k]["y"] ** 2) ** 0.5  # noqa: E731
    assert 0 < ring("t") < ring("o") and ring("t") < ring("d")
    labels = {e["to"]: e["label"] for e in _data(page, "edges")}
    assert labels == {"u": "牵头", "o": "配合", "t": ""}


def test_task_numbers_count_as_numbers() -> None:
    printed = ["10", "13", "7", "七", "三", "(一)", "（十）", "1.", "1﹒", "2、", "十二", None]
    ordered = sorted(printed, key=number_key)
    assert ordered == [
        "(一)",
        "1.",
        "1﹒",
        "2、",
        "三",
        "7",
        "七",
        "10",
        "（十）",
        "十二",
        "13",
        None,
    ]
    assert [chinese_number(t) for t in ("十", "十三", "二十", "二十三", "一百零五")] == [
        10,
        13,
        20,
        23,
        105,
    ]
    assert position_key("task:doc:x#3.2.10") == (3, 2, 10) and position_key("task:x") == ()


def test_the_chosen_unit_is_the_first_column() -> None:
    rows = [
        {"document": "d", "task_number": "1", "task": "a", "unit": "甲局", "role": "support"},
        {"document": "d", "task_number": "1", "task": "a", "unit": "乙局", "role": "lead"},
        {"document": "d", "task_number": "2", "task": "b", "unit": "丙局", "role": "lead"},
    ]
    units, matrix = responsibility_matrix(rows, lead="牵头", support="配合", first="丙局")
    assert units == ["丙局", "乙局", "甲局"]
    assert list(matrix[0]) == ["document", "task_number", "task", "丙局", "乙局", "甲局"]
