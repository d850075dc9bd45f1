"""The metric vocabulary: an amount per unit of another indicator is not that indicator.

Seen in the 1,000-document benchmark: 单位GDP二氧化碳排放下降18% was filed under
地区生产总值增速, so the Targets page compared a carbon intensity with GDP growth.
"""

from __future__ import annotations

import pytest

from policykg.ontology.metrics import metric_key


@pytest.mark.parametrize(
    ("printed", "unit", "key"),
    [
        ("单位GDP二氧化碳排放下降", "%", "单位地区生产总值二氧化碳排放降低"),
        ("单位地区生产总值二氧化碳排放降低", "%", "单位地区生产总值二氧化碳排放降低"),
        ("万元GDP用水量下降", "%", "万元地区生产总值用水量降低"),
        ("人均GDP", "万元", "人均地区生产总值"),
        ("单位GDP能耗下降", "%", "单位地区生产总值能耗降低"),
        # Per-unit indicators the vocabulary does not hold: none, rather than a wrong one.
        ("单位地区生产总值建设用地使用面积下降", "%", None),
        ("规模以上工业增加值能耗下降", "%", None),
        # The indicators themselves are still found.
        ("地区生产总值年均增长", "%", "地区生产总值增速"),
        ("全市地区生产总值", "亿元", "地区生产总值"),
        ("规模以上工业增加值年均增长", "%", "规模以上工业增加值增速"),
    ],
)
def test_a_per_unit_indicator_is_not_its_base(printed: str, unit: str, key: str | None) -> None:
    assert metric_key(printed, unit) == key
