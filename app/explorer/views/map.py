"""Map: regions and parks at their division coordinates, sized by their number of documents.

No tile server is reachable, so there is no basemap: a projected scatter of points. Places
without documents are listed, not drawn; only the busiest places are named on the map.
"""

from __future__ import annotations

import math

import altair as alt
import streamlit as st

from policykg.app.explorer.common import frame, header, lang, localise, records, t, table
from policykg.app.explorer.i18n import column

# Only this many place names are written on the map (the most documents first).
LABELLED = 15

header("page_map", "q_map")

rows = records("places_map")
if not rows:
    st.info(t("no_places"))
    st.stop()

# Parks take their region's coordinates: set them on a small ring around it, so each stays
# visible (a growing diagonal shift drew a streak across the map).
parks_at: dict[tuple[float, float], list[dict[str, object]]] = {}
for row in rows:
    if row["kind"] == "Park":
        parks_at.setdefault((float(row["lon"]), float(row["lat"])), []).append(row)
for (lon, lat), parks in parks_at.items():
    for i, row in enumerate(parks):
        angle = 2 * math.pi * i / len(parks)
        row["lon"], row["lat"] = lon + 0.35 * math.cos(angle), lat + 0.25 * math.sin(angle)
# Region and Park, provincial and city, as the interface names them.
places = localise(frame(rows), lang())
# A place no document applies to or mentions is listed below, not drawn.
drawn = places[places["documents"] > 0]
# Names of the places with most documents only: every name at once piled into blots.
named = drawn.nlargest(LABELLED, "documents")

base = alt.Chart(drawn).encode(longitude="lon:Q", latitude="lat:Q")
points = base.mark_circle(opacity=0.7, stroke="#ffffff", strokeWidth=1).encode(
    size=alt.Size(
        "documents:Q",
        title=t("documents"),
        scale=alt.Scale(domainMin=0, range=[60, 1200]),
        # Whole documents: the legend said 0.5 份文件.
        legend=alt.Legend(format="d", tickMinStep=1, labelFontSize=13, titleFontSize=13),
    ),
    color=alt.Color(
        "kind:N", title=t("region"), legend=alt.Legend(labelFontSize=13, titleFontSize=13)
    ),
    tooltip=[
        alt.Tooltip(name, title=column(name, lang()))
        for name in ("name", "kind", "level", "documents")
    ],
)
labels = (
    alt.Chart(named)
    .mark_text(dx=12, align="left", fontSize=13, stroke="#ffffff", strokeWidth=3)
    .encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
)
texts = labels.mark_text(dx=12, align="left", fontSize=13)
st.altair_chart(
    alt.layer(points, labels, texts).project("mercator").properties(height=520),
    width="stretch",
)
table(places[["kind", "name", "level", "documents", "lon", "lat", "id"]], "places")
