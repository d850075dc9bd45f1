"""broken_chains, coverage, target_cascade and diffusion on a known graph.

The graph (tests/analysis_graph.py) is built so that every right answer is known: a
repealed provincial 意见 implemented by a city plan and, through it, by a park plan; a city
with no implementing document; a 3-level cascade with a less ambitious park; a city that
moved first. Runs on the real embedded FalkorDB.
"""

from __future__ import annotations

from typing import Any

import pytest

from policykg.graph import Store
from policykg.queries import get_query
from tests import analysis_graph as g

Rows = list[dict[str, Any]]


def _run(store: Store, name: str, **raw: str) -> Rows:
    named = get_query(name)
    return store.read(named.cypher, named.bind(raw)).records()


@pytest.fixture
def graph(store: Store) -> Store:
    g.write_analysis_graph(store)
    return store


def test_broken_chains_names_the_plans_that_rest_on_a_repealed_or_draft_document(
    graph: Store,
) -> None:
    rows = _run(graph, "broken_chains")
    broken = sorted(
        (r["document"], r["depth"], tuple(r["chain"]), tuple(r["relations"]), r["cited_status"])
        for r in rows
        if r["problem"] == "broken"
    )
    assert broken == [
        (g.CITY_TITLE, 1, (g.CITY_TITLE, g.PROV_NO), ("implements",), "有效"),
        (g.PARK_TITLE, 1, (g.PARK_TITLE, g.DRAFT_TITLE), ("applies",), "征求意见稿"),
        (g.PARK_TITLE, 2, (g.PARK_TITLE, g.CITY_TITLE, g.PROV_NO), ("basis", "implements"), "有效"),
    ]
    repealed = [r for r in rows if r["cited_doc_number"] == g.PROV_NO]
    assert {tuple(r["superseded"]) for r in repealed} == {(f"repeals: {g.REPEAL_NO} 2023-05-01",)}
    assert {r["date"] for r in repealed} == {"2021-03-01", "2021-06-01"}


def test_broken_chains_ranks_documents_to_fetch_by_citations(graph: Store) -> None:
    rows = [r for r in _run(graph, "broken_chains") if r["problem"] == "not loaded"]
    assert [(r["cited_doc_number"], r["citations"], sorted(r["cited_by"])) for r in rows] == [
        (g.STUB_NO, 2, sorted([g.CITY_TITLE, g.PARK_TITLE])),
        (g.CENTRAL_STUB_NO, 1, [g.PROV_TITLE]),
    ]


def test_a_document_cited_only_for_reference_is_not_a_broken_chain(graph: Store) -> None:
    # 洛阳's plan mentions the (valid) national document; the 决定 repeals, it rests on nothing.
    documents = {r["document"] for r in _run(graph, "broken_chains")}
    assert g.LUOYANG_TITLE not in documents
    assert g.REPEAL_TITLE not in documents


def test_coverage_of_the_provincial_document_names_the_city_and_the_city_without(
    graph: Store,
) -> None:
    rows = _run(graph, "coverage", doc=g.PROV_NO)
    assert [
        (r["region"], r["level"], r["covered"], sorted(r["documents"]), r["days_after"])
        for r in rows
    ] == [
        ("郑州市", "city", True, sorted([g.CITY_TITLE, g.PARK_TITLE]), 50),
        ("洛阳市", "city", False, [], None),
    ]


def test_coverage_of_a_national_document_spans_levels_and_counts_days(graph: Store) -> None:
    rows = _run(graph, "coverage", doc="国务院关于推进开发区")
    assert [(r["region"], r["level"], r["covered"], r["days_after"]) for r in rows] == [
        ("河南省", "province", True, 315),
        ("郑州市", "city", True, 365),
        ("洛阳市", "city", False, None),
    ]
    assert rows[1]["document_levels"] and set(rows[1]["document_levels"]) == {"city", "park"}


def test_target_cascade_compares_each_level_with_the_one_above(graph: Store) -> None:
    rows = _run(graph, "target_cascade", metric="地区生产总值增速", year="2025")
    assert [
        (r["level"], r["scope"], r["value"], r["above_scope"], r["above_value"], r["flag"])
        for r in rows
    ] == [
        ("national", "全国", 5.0, None, None, None),
        ("province", "河南省", 6.0, "全国", 5.0, None),
        ("city", "郑州市", 7.0, "河南省", 6.0, None),
        ("park", "郑州高新区", 6.5, "郑州市", 7.0, "less ambitious"),
    ]
    assert rows[3]["ratio"] == pytest.approx(6.5 / 7.0)


def test_target_cascade_flags_an_amount_above_the_level_above(graph: Store) -> None:
    rows = _run(graph, "target_cascade", metric="地区生产总值", year="2025")
    assert [(r["scope"], r["value"], r["ratio"], r["flag"]) for r in rows] == [
        ("郑州市", 300.0, None, None),
        ("郑州高新区", 400.0, pytest.approx(4 / 3), "exceeds the level above"),
    ]


def test_target_cascade_keeps_to_its_year(graph: Store) -> None:
    rows = _run(graph, "target_cascade", metric="地区生产总值增速", year="2027")
    assert [(r["scope"], r["value"], r["above_value"]) for r in rows] == [("郑州市", 8.0, None)]


def test_diffusion_orders_same_topic_documents_by_date(graph: Store) -> None:
    rows = _run(graph, "diffusion", doc="郑州市推进")
    assert [(r["document"], r["this"], r["days_from_doc"], r["regions"]) for r in rows] == [
        (g.LUOYANG_TITLE, False, -28, ["洛阳市"]),
        (g.CITY_TITLE, True, 0, ["郑州市"]),
        (g.PARK_TITLE, False, 92, ["郑州市"]),
    ]
    assert rows[2]["shared_citations"] == 1  # both cite 豫政办〔2019〕8号


def test_diffusion_without_title_similarity_keeps_shared_citations_only(graph: Store) -> None:
    rows = _run(graph, "diffusion", doc="郑州市推进", similarity="1.1")
    assert [r["document"] for r in rows] == [g.CITY_TITLE, g.PARK_TITLE]
