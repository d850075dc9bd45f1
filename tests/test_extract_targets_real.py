"""Target rules learnt on real documents, each checked on sentences written for the test."""

from __future__ import annotations

from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract


def goals(text: str, title: str = "某某方案", issuer: str = "亳州市人民政府") -> list[tuple]:
    """(metric, comparator, value, unit, year) of every target, in text order."""
    doc = ParsedDocument("mem.txt", "txt", "utf-8", text, Metadata(title, issuer=issuer))
    found = [n.properties for n in extract(doc).nodes if n.label == "Target"]
    return [(p["metric"], p["comparator"], p["value"], p["unit"], p.get("year")) for p in found]


def test_an_annual_document_sets_its_goals_for_its_year() -> None:
    text = "一、重点任务\n力争新增城镇就业岗位3000个。"
    assert goals(text, title="某县2024年度就业促进工作方案")[0][4] == 2024
    assert goals(text, title="某县就业促进工作方案")[0][4] is None
