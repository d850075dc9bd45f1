"""The metric vocabulary (`ontology/data/metrics.tsv`): a key and a dimension per indicator.

Targets keep the metric as printed; the key is what makes 400 亿元 of 地区生产总值 in one
document comparable with another's, and never with a 7.5 % growth rate.
"""

from __future__ import annotations

import re
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


@cache
def _by_first_character() -> dict[str, list[int]]:
    """The indices in _variants() of the variants opening on each character."""
    index: dict[str, list[int]] = {}
    for i, (variant, _) in enumerate(_variants()):
        index.setdefault(variant[0], []).append(i)
    return index


def _candidates(printed: str) -> list[tuple[str, Metric]]:
    """The variants that may occur in printed, in the vocabulary's order: only those opening
    on one of its characters (a test of every variant for each metric was ~0.4 % of a run)."""
    index = _by_first_character()
    rows = _variants()
    found = sorted(i for character in set(printed) for i in index.get(character, ()))
    return [rows[i] for i in found]


_RATE_WORDS = re.compile(r"年均|平均|每年")
# 单位GDP二氧化碳排放, 万元GDP用水量, 人均GDP, 规模以上工业增加值能耗: an amount per unit of
# another indicator is a different indicator, not the other one (nor its growth).
_PER_UNIT_BEFORE = ("单位", "万元", "人均", "每")
_PER_UNIT_AFTER = ("能耗", "电耗", "水耗", "用水", "用能", "用地", "二氧化碳", "碳排放", "排放")


def _names(printed: str, variant: str) -> bool:
    """True when variant occurs in printed as the indicator itself, not as a per-unit base."""
    start = printed.find(variant)
    while start >= 0:
        end = start + len(variant)
        before = printed[:start].removesuffix("地区").removesuffix("国内")  # 单位地区|生产总值
        if not before.endswith(_PER_UNIT_BEFORE) and not printed[end:].startswith(_PER_UNIT_AFTER):
            return True
        start = printed.find(variant, start + 1)
    return False


def lookup_metric(printed: str, unit: str | None = None) -> Metric | None:
    """The vocabulary entry a printed metric names, if any (growth rates only with %).

    A percentage of an amount (居民人均可支配收入 … 5%) is its growth rate: 居民人均可支配收入增速.
    """
    printed = _RATE_WORDS.sub("", printed)
    candidates = _candidates(printed)
    # `variant in printed` first: most candidates are absent, and the test is in C.
    for variant, metric in candidates:
        if (
            variant in printed
            and _names(printed, variant)
            and (unit is None or _compatible(metric.dimension, unit))
        ):
            return metric
    if unit is not None and _compatible("%", unit) and "占" not in printed and "率" not in printed:
        for variant, metric in candidates:
            if variant in printed and _names(printed, variant) and metric.dimension != "%":
                return Metric(f"{metric.key}增速", "%")
    return None


def _compatible(dimension: str, unit: str) -> bool:
    percent = unit in ("%", "个百分点")
    return (dimension == "%") == percent


def metric_key(printed: str, unit: str | None = None) -> str | None:
    """The key of a printed metric, or None when the vocabulary does not know it."""
    found = lookup_metric(printed, unit)
    return found.key if found else None
