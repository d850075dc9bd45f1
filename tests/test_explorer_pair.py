"""Two documents side by side (issue 13): the compare queries' rows shaped into tables."""

from __future__ import annotations

from policykg.app.explorer.pair import (
    direct_links,
    shared_citations,
    shared_reach,
    targets_side_by_side,
    tasks_per_unit,
)

A, B = "doc:a", "doc:b"


def cite(doc: str, cited: str, relation: str, evidence: str = "") -> dict[str, object]:
    return {"doc": doc, "id": f"doc:{cited}", "cited": cited, "title": cited,
            "relation": relation, "evidence": evidence}  # fmt: skip


def test_only_what_both_cite_is_shared_and_a_direct_citation_is_a_link() -> None:
    rows = [
        cite(A, "国发〔2020〕1号", "basis", "根据国发〔2020〕1号"),
        cite(B, "国发〔2020〕1号", "implements", "贯彻落实国发〔2020〕1号"),
        cite(A, "皖政〔2021〕2号", "basis"),
        cite(A, "b", "basis", "依据乙"),
    ]
    shared = shared_citations(rows, A, B)
    assert shared.to_dict("records") == [
        {
            "cited": "国发〔2020〕1号",
            "title": "国发〔2020〕1号",
            "a": "依据:根据国发〔2020〕1号",
            "b": "落实:贯彻落实国发〔2020〕1号",
        }
    ]
    assert direct_links(rows, A, B) == [(A, B, "basis")]
    assert list(shared_citations(rows, A, B, "en")["a"]) == ["basis: 根据国发〔2020〕1号"]


def task(doc: str, unit: str, role: str, number: str, title: str) -> dict[str, object]:
    return {"doc": doc, "unit": unit, "role": role, "task_number": number, "task": title}


def test_units_in_both_documents_come_first_with_tasks_in_reading_order() -> None:
    rows = [
        task(A, "市发展改革委", "lead", "10", "推进项目"),
        task(A, "市发展改革委", "lead", "7", "优化营商环境"),
        task(A, "市财政局", "support", "7", "优化营商环境"),
        task(A, "市财政局", "support", "8", "保障资金"),
        task(A, "市财政局", "support", "9", "绩效评价"),
        task(B, "市发展改革委", "support", "三", "项目调度"),
        task(B, "市发展改革委", "lead", "十", "统筹"),
        task(B, "市发展改革委", "lead", "二", "规划"),
    ]
    table = tasks_per_unit(rows, A, B)
    assert list(table["unit"]) == ["市发展改革委", "市财政局"]
    first = table.iloc[0]
    assert first["a"] == "牵头 2:7 优化营商环境;10 推进项目"
    assert first["b"] == "牵头 2:二 规划;十 统筹\n配合 1:三 项目调度"
    assert table.iloc[1]["b"] == "" and not table.iloc[1]["both"]


def target(doc: str, metric: str, value: float | None, unit: str, year: int | None,
           key: str | None = None, scope: str | None = None) -> dict[str, object]:  # fmt: skip
    return {"doc": doc, "metric": metric, "metric_key": key, "comparator": ">=",
            "value": value, "unit": unit, "year": year, "scope": scope}  # fmt: skip


def test_targets_pair_on_the_normalised_indicator_and_year() -> None:
    rows = [
        # Printed differently, one indicator in the vocabulary: compared.
        target(A, "R&D经费投入强度", 2.5, "%", 2025, "研发投入强度", "亳州市"),
        target(B, "研究与试验发展经费投入强度", 2.8, "%", 2025, "研发投入强度", "鹤壁市"),
        # Same indicator, another year: not paired.
        target(B, "研究与试验发展经费投入强度", 3.0, "%", 2027, "研发投入强度"),
        # Same indicator and year, other units: side by side, no difference.
        target(A, "地区生产总值", 400, "亿元", 2025, "地区生产总值"),
        target(B, "地区生产总值", 1.2, "万亿元", 2025, "地区生产总值"),
        # Only one document: last, although its name sorts first.
        target(A, "污水处理率", 95, "%", 2025, "污水处理率"),
        target(B, "上高速出入口时间", 30, "分钟", None),  # no year: an empty cell
    ]
    table = targets_side_by_side(rows, A, B)
    records = table.to_dict("records")
    assert [(r["indicator"], r["year"]) for r in records] == [
        ("地区生产总值", "2025"),
        ("研发投入强度", "2025"),
        ("研发投入强度", "2027"),  # only B for 2027: after the pairs, with its indicator
        ("上高速出入口时间", ""),
        ("污水处理率", "2025"),
    ]
    assert records[0]["difference"] == ""
    assert records[1]["a"] == ">=2.5% (亳州市)" and records[1]["b"] == ">=2.8% (鹤壁市)"
    assert records[1]["difference"] == "+0.3%"
    assert records[2]["a"] == "" and records[2]["b"] == ">=3%"


def test_industries_and_places_both_name_come_first() -> None:
    rows = [
        {"doc": A, "kind": "Industry", "name": "新能源汽车", "relation": "PROMOTES"},
        {"doc": B, "kind": "Industry", "name": "新能源汽车", "relation": "PROMOTES"},
        {"doc": A, "kind": "Region", "name": "亳州市", "relation": "APPLIES_TO"},
        {"doc": B, "kind": "Region", "name": "亳州市", "relation": "MENTIONS"},
        {"doc": B, "kind": "Park", "name": "鹤壁经开区", "relation": "APPLIES_TO"},
    ]
    table = shared_reach(rows, A, B)
    assert table[["kind", "name", "a", "b"]].values.tolist() == [
        ["产业", "新能源汽车", "发展", "发展"],
        ["地区", "亳州市", "适用", "提及"],
        ["园区", "鹤壁经开区", "", "适用"],
    ]
