"""Quantified goals: comparators, years, baselines, ranges, placeholders and scope."""

from __future__ import annotations

import pytest

from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract


def _targets(text: str, issuer: str = "亳州市人民政府"):
    doc = ParsedDocument("mem.txt", "txt", "utf-8", text, Metadata("某某方案", issuer=issuer))
    extraction = extract(doc)
    names = {n.id: n.properties.get("name") for n in extraction.nodes}
    scope = {r.start: names[r.end] for r in extraction.relationships if r.type == "FOR"}
    return [
        {**n.properties, "for": scope.get(n.id)} for n in extraction.nodes if n.label == "Target"
    ]


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit", "year"),
    [
        ("到2027年，地区生产总值突破400亿元。", ">=", 400, "亿元", 2027),
        ("到2027年，专精特新企业超过40家。", ">", 40, "家", 2027),
        ("到2025年，城镇化率提高到52%左右。", "~", 52, "%", 2025),
        ("到2025年，城镇化率达到52%。", "=", 52, "%", 2025),
        ("2025年底，研发投入强度不低于2.5%。", ">=", 2.5, "%", 2025),
        ("“十四五”末，园区企业达到500家以上。", ">=", 500, "家", 2025),
        ("到2030年，单位能耗控制在0.5吨标准煤以内。", "<=", 0.5, "吨标准煤", 2030),
    ],
)
def test_comparators_and_years(text, comparator, value, unit, year):
    (target,) = _targets(text)
    assert (target["comparator"], target["value"], target["unit"], target["year"]) == (
        comparator, value, unit, year,
    )  # fmt: skip


def test_baseline_range_and_placeholder():
    text = (
        "到2017年底，规模以上工业增加值占全市比重达70%(目前:68%)。"
        "国家级开发区重点培育3-4个主导产业。到2020年，省级创新型园区达到*家。"
    )
    share, count, placeholder = _targets(text)
    assert (share["value"], share["baseline"], share["year"]) == (70, 68, 2017)
    assert (count["value"], count["value_max"], count["unit"]) == (3, 4, "个")
    assert placeholder.get("value") is None and placeholder["year"] == 2020


def test_scope_defaults_to_the_jurisdiction_and_follows_a_named_park():
    text = "到2025年，全市新增就业2万人。到2025年，亳州高新区营业收入突破300亿元。"
    jobs, revenue = _targets(text)
    assert jobs["for"] == "亳州市"
    assert revenue["for"] == "亳州高新技术产业开发区"


def test_numbers_that_are_no_goal():
    text = "2023年，全市完成投资100亿元。第3次会议召开。联系电话：0558-5180606。"
    assert _targets(text) == []


def test_a_framing_year_holds_for_the_lists_after_it_a_bound_one_does_not():
    framing = "发展目标是：到2027年，功能品质大幅提升。\n——实力跃升。地区生产总值突破400亿元。"
    assert [t["year"] for t in _targets(framing)] == [2027]
    bound = "力争到2027年，园区企业突破110家。\n力争进出口总额年均增长5%以上。"
    assert [t.get("year") for t in _targets(bound)] == [2027, None]
