"""Targets extracted from a text in memory, as rows a test compares (the extraction rounds'
target tests share it)."""

from __future__ import annotations

from collections.abc import Mapping

from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract

Goal = tuple[str, float, str, str, int | None]  # metric, value, unit, comparator, year


def target_properties(
    text: str, title: str, issuer: str, date: str | None = None
) -> list[Mapping[str, object]]:
    """The properties of every Target extracted from text under that title and issuer."""
    meta = Metadata(title=title, issuer=issuer, date=date)
    nodes = extract(ParsedDocument("mem.txt", "txt", "utf-8", text, meta)).nodes
    return [n.properties for n in nodes if n.label == "Target"]


def target_metrics(text: str, title: str, issuer: str, date: str | None = None) -> set[str]:
    """The metric of every target extracted from text under that title and issuer."""
    return {str(p["metric"]) for p in target_properties(text, title, issuer, date)}


def goal_rows(text: str, title: str, issuer: str, date: str | None = None) -> set[Goal]:
    """The targets extracted from text, as (metric, value, unit, comparator, year)."""
    return {_row(p) for p in target_properties(text, title, issuer, date)}


def _row(p: Mapping[str, object]) -> Goal:
    metric, unit, comparator = (str(p[k]) for k in ("metric", "unit", "comparator"))
    year = p.get("year")
    return metric, float(str(p["value"])), unit, comparator, year if isinstance(year, int) else None
