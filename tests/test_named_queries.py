"""Every named query runs on the real embedded store and returns the rows it must."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from policykg.graph import Store
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord, node_id
from policykg.queries import get_query, named_queries
from tests.graph_fixtures import STATE_DOC, write_known_graph

Rows = list[dict[str, Any]]


def _lineage_up(rows: Rows) -> None:
    assert [(r["depth"], r["doc_number"], r["level"], r["relations"]) for r in rows] == [
        (1, "皖办发〔2024〕11号", "provincial", ["basis"]),
        (2, "国发〔2022〕1号", "national", ["basis", "implements"]),
    ]


def _lineage_down(rows: Rows) -> None:
    assert sorted((r["depth"], r["descendant"]) for r in rows) == [
        (1, "关于完善城市功能提升城市品质增强城市发展活力和竞争力的意见"),
        (1, "关于推进“三区”协同打造高质量发展样板区的若干意见"),
        (2, "亳州高新区城市功能品质活力提升实施意见"),
    ]


def _unit_tasks(rows: Rows) -> None:
    assert [(r["unit"], r["role"], r["task_number"], r["task"]) for r in rows] == [
        ("市城市管理局", "lead", "14", "加快实现基础设施互联互通")
    ]


def _document_overview(rows: Rows) -> None:
    assert len(rows) == 1
    row = rows[0]
    assert (
        row["cites"],
        row["cited_by"],
        row["tasks"],
        row["targets"],
        row["places"],
        row["industries"],
    ) == (
        1,
        0,
        0,
        2,
        1,
        2,
    )


def _targets_by_year(rows: Rows) -> None:
    assert [(r["scope"], r["metric"], r["comparator"], r["value"], r["unit"]) for r in rows] == [
        ("亳州高新区", "地区生产总值", ">=", 400.0, "亿元")
    ]


def _industries_by_park(rows: Rows) -> None:
    assert [(r["park"], r["industry"], r["roles"]) for r in rows] == [
        ("亳州高新区", "新能源汽车及零部件", ["leading"]),
        ("亳州高新区", "现代中药", ["featured"]),
    ]


def _documents(rows: Rows) -> None:
    assert [(r["title"], r["stub"]) for r in rows][:2] == [
        ("关于推进“三区”协同打造高质量发展样板区的若干意见", False),
        ("亳州高新区城市功能品质活力提升实施意见", False),
    ]
    assert len(rows) == 4


# name -> (parameters as a user types them, check of the rows)
EXPECTATIONS: dict[str, tuple[dict[str, str], Callable[[Rows], None]]] = {
    "lineage_up": ({"doc": "亳州高新区城市功能"}, _lineage_up),
    "lineage_down": ({"doc": "国发〔2022〕1号"}, _lineage_down),
    "unit_tasks": ({"unit": "城市管理局"}, _unit_tasks),
    "document_overview": ({"doc": "亳州高新区城市功能"}, _document_overview),
    "targets_by_year": ({"year": "2027"}, _targets_by_year),
    "industries_by_park": ({}, _industries_by_park),
    "documents": ({}, _documents),
}


def test_every_named_query_is_asserted_on_rows_somewhere() -> None:
    # The explorer's own queries are asserted in test_explorer_queries.py, on its graph;
    # documents_by_issuer_region on extracted documents in test_extract_round2.py; the
    # analyses (broken_chains, coverage, target_cascade, diffusion) in test_analysis_queries.py.
    elsewhere = "".join(
        (Path(__file__).parent / name).read_text(encoding="utf-8")
        for name in (
            "test_explorer_queries.py",
            "test_extract_round2.py",
            "test_analysis_queries.py",
            "test_cli_paging.py",
        )
    )
    unchecked = {
        name
        for name in named_queries()
        if name not in EXPECTATIONS and f'"{name}"' not in elsewhere
    }
    assert unchecked == set()


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_named_query_returns_known_rows(store: Store, name: str) -> None:
    write_known_graph(store)
    raw, check = EXPECTATIONS[name]
    named = get_query(name)
    check(store.read(named.cypher, named.bind(raw)).records())


def test_hostile_parameter_finds_nothing_and_changes_nothing(store: Store) -> None:
    write_known_graph(store)
    named = get_query("unit_tasks")
    before = store.read("MATCH (n) RETURN count(n)").scalar()
    rows = store.read(named.cypher, named.bind({"unit": "市'局\"}) DETACH DELETE n //"})).rows
    assert rows == ()
    assert store.read("MATCH (n) RETURN count(n)").scalar() == before


def test_unit_tasks_are_ordered_and_limited(store: Store) -> None:
    write_known_graph(store)
    named = get_query("unit_tasks")
    assert named.bind({"unit": "市"})["limit"] == 200
    every = store.read(named.cypher, named.bind({"unit": "市"})).records()
    first = store.read(named.cypher, named.bind({"unit": "市", "limit": "1"})).records()
    assert [(r["unit"], r["role"]) for r in every] == [
        ("市发展改革委", "support"),
        ("市城市管理局", "lead"),
    ]
    # The limit stops the walks before sorting: one of the unit's rows, not the first by name.
    assert len(first) == 1 and first[0] in every


@pytest.mark.parametrize("name", ["document_overview", "lineage_up", "lineage_down"])
def test_an_exact_doc_number_or_id_wins_over_titles_containing_it(store: Store, name: str) -> None:
    write_known_graph(store)
    named = get_query(name)
    exact = store.read(named.cypher, named.bind({"doc": "国发〔2022〕1号"})).records()
    # A document whose title quotes the 文号 is not the document with that 文号.
    quoting = node_id("Document", "关于学习国发〔2022〕1号的通知")
    title = "关于学习国发〔2022〕1号的通知"
    write_records(store, [NodeRecord("Document", quoting, {"name": title, "title": title})], [], 10)
    assert store.read(named.cypher, named.bind({"doc": "国发〔2022〕1号"})).records() == exact
    assert store.read(named.cypher, named.bind({"doc": STATE_DOC})).records() == exact
    assert exact or name == "lineage_up"  # the state document cites nothing
