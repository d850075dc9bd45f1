"""The metric vocabulary (`ontology/data/metrics.tsv`): a key and a dimension per indicator.

Targets keep the metric as printed; the key is what makes 400 亿元 of 地区生产总值 in one
document comparable with another's, and never with a 7.5 % growth rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "metrics.tsv"


@dataclass(frozen=True)
class Metric:
    """One indicator of the vocabulary."""

    key: str
    dimension: str


@cache
def _variants() -> tuple[tuple[str, Metric], ...]:
    rows: list[tuple[str, Metric]] = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, dimension, variants = line.split("\t")
        metric = Metric(key, dimension)
        rows.extend((v, metric) for v in variants.split(";") if v)
    return tuple(sorted(rows, key=lambda row: len(row[0]), reverse=True))


def lookup_metric(printed: str, unit: str | None = None) -> Metric | None:
    """The vocabulary entry a printed metric names, if any (growth rates only with %)."""
    for variant, metric in _variants():
        if variant in printed and (unit is None or _compatible(metric.dimension, unit)):
            return metric
    return None


def _compatible(dimension: str, unit: str) -> bool:
    percent = unit in ("%", "个百分点")
    return (dimension == "%") == percent


def metric_key(printed: str, unit: str | None = None) -> str | None:
    """The key of a printed metric, or None when the vocabulary does not know it."""
    found = lookup_metric(printed, unit)
    return found.key if found else None
