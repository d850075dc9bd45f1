"""Which targets one chart may compare: one indicator, one unit."""

from __future__ import annotations

import pandas as pd


def with_indicator(targets: pd.DataFrame) -> pd.DataFrame:
    """Targets with an `indicator` column: the vocabulary's metric_key, else the printed metric."""
    indicator = targets["metric"]
    if "metric_key" in targets:
        indicator = targets["metric_key"].where(targets["metric_key"].notna(), targets["metric"])
    return targets.assign(indicator=indicator)


def indicators(targets: pd.DataFrame) -> list[str]:
    """Indicators set for the most places first: the comparisons worth drawing."""
    spread = targets.dropna(subset=["value"]).groupby("indicator")["scope"].nunique()
    return sorted(spread.index, key=lambda m: (-spread[m], m))


def comparable(targets: pd.DataFrame, indicator: str) -> tuple[pd.DataFrame, str, int]:
    """The targets of one indicator in its most common unit; that unit; how many were left out.

    400 亿元 of 地区生产总值 and a 7.5 % growth rate never share an axis: they are two
    indicators (地区生产总值, 地区生产总值增速), and within one indicator only one unit is drawn.
    """
    values = targets[(targets["indicator"] == indicator) & targets["value"].notna()]
    if values.empty:
        return values, "", 0
    units = values["unit"].fillna("")
    unit = str(units.mode().iloc[0])
    kept = values[units == unit]
    return kept, unit, len(values) - len(kept)
