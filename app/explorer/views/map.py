"""Map: regions and parks at their division coordinates, sized by their number of documents.

No tile server is reachable, so there is no basemap: a projected scatter of points.
"""

from __future__ import annotations

import altair as alt
import streamlit as st

from policykg.app.explorer.common import frame, header, lang, localise, records, t, table
from policykg.app.explorer.i18n import column

header("page_map", "q_map")

rows = records("places_map")
if not rows:
    st.info(t("no_places"))
    st.stop()

# Parks take their region's coordinates: fan them out a little so each stays visible.
seen: dict[tuple[float, float], int] = {}
for row in rows:
    spot = (float(row["lon"]), float(row["lat"]))
    shift = seen.get(spot, 0)
    seen[spot] = shift + 1
    row["lon"], row["lat"] = spot[0] + 0.3 * shift, spot[1] - 0.2 * shift
# Region and Park, provincial and city, as the interface names them.
places = localise(frame(rows), lang())

base = alt.Chart(places).encode(longitude="lon:Q", latitude="lat:Q")
points = base.mark_circle(opacity=0.7).encode(
    size=alt.Size(
        "documents:Q", title=t("documents"), scale=alt.Scale(domainMin=0, range=[60, 1200])
    ),
    color=alt.Color("kind:N", title=t("region")),
    tooltip=[
        alt.Tooltip(name, title=column(name, lang()))
        for name in ("name", "kind", "level", "documents")
    ],
)
labels = base.mark_text(dx=14, align="left", fontSize=13).encode(text="name:N")
st.altair_chart(
    alt.layer(points, labels).project("mercator").properties(height=520), width="stretch"
)
table(places[["kind", "name", "level", "documents", "lon", "lat", "id"]], "places")
