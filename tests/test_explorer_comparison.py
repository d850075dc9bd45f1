"""Issue 10, item 6: the Targets chart never puts 400 亿元 and a 7.5 % growth rate on one axis."""

from __future__ import annotations

import pandas as pd

from policykg.app.explorer.comparison import comparable, indicators, with_indicator


def _targets() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "metric": "地区生产总值",
                "metric_key": "地区生产总值",
                "value": 400.0,
                "unit": "亿元",
                "scope": "亳州市",
            },
            {
                "metric": "地区生产总值",
                "metric_key": "地区生产总值",
                "value": 1.2,
                "unit": "万亿元",
                "scope": "合肥市",
            },
            {
                "metric": "GDP",
                "metric_key": "地区生产总值",
                "value": 900.0,
                "unit": "亿元",
                "scope": "芜湖市",
            },
            {
                "metric": "地区生产总值年均增长",
                "metric_key": "地区生产总值增速",
                "value": 7.5,
                "unit": "%",
                "scope": "亳州市",
            },
            {
                "metric": "10-50亿元企业",
                "metric_key": None,
                "value": 12.0,
                "unit": "家",
                "scope": "亳州市",
            },
        ]
    )


def test_a_level_and_its_growth_rate_are_two_indicators() -> None:
    targets = with_indicator(_targets())
    assert indicators(targets)[0] == "地区生产总值"  # set for the most places
    assert set(indicators(targets)) == {"地区生产总值", "地区生产总值增速", "10-50亿元企业"}


def test_one_indicator_is_drawn_in_one_unit_and_the_rest_is_counted() -> None:
    values, unit, left_out = comparable(with_indicator(_targets()), "地区生产总值")
    assert unit == "亿元"
    assert sorted(values["scope"]) == ["亳州市", "芜湖市"]  # printed GDP joins by its key
    assert left_out == 1  # 1.2 万亿元 is not drawn on the 亿元 axis
    rates, rate_unit, _ = comparable(with_indicator(_targets()), "地区生产总值增速")
    assert (list(rates["value"]), rate_unit) == ([7.5], "%")
