"""Lineage: what a document rests on and what implements it, as a graph and a table."""

from __future__ import annotations

import streamlit as st

from policykg.app.explorer.common import (
    choose_document,
    frame,
    graph_view,
    header,
    run,
    t,
    table,
    url_state,
)
from policykg.app.visual import Subgraph, collect

header("page_lineage", "q_lineage")

doc = choose_document("lineage_doc", prefer="citations")
if doc is None:
    st.stop()

# The page's state lives in the URL too: a link to this view opens this view.
url_state("lineage_depth", "depth", 3, int)
url_state("lineage_direction", "direction", "both", str, ("both", "up", "down"))
url_state("lineage_layout", "layout", "level", str, ("level", "date", "force"))
cols = st.columns(3)
depth = cols[0].slider(t("depth"), 1, 6, key="lineage_depth")
directions = {"both": t("both"), "up": t("up"), "down": t("down")}
direction = cols[1].radio(
    t("direction"),
    list(directions),
    format_func=directions.get,
    horizontal=True,
    key="lineage_direction",
)
layouts = {"level": t("layout_level"), "date": t("layout_date"), "force": t("layout_force")}
layout = cols[2].radio(
    t("layout"), list(layouts), format_func=layouts.get, horizontal=True, key="lineage_layout"
)
st.query_params.update(
    {"doc": doc["id"], "depth": str(depth), "direction": direction, "layout": layout}
)
st.caption(t("legend"))
# Expanding a lineage adds citations only: a document's tasks, targets and industries
# would bury the chain (65 nodes for one document) unless the reader asks for them.
everything = st.checkbox(t("expand_all"), key="lineage_expand_all")

values: list[object] = []
focus = run("node_by_id", id=doc["id"])
if focus is not None:
    values.extend(v for row in focus.rows for v in row)
steps: list[dict[str, object]] = []
for name, wanted in (("lineage_graph_up", "up"), ("lineage_graph_down", "down")):
    if direction not in (wanted, "both"):
        continue
    result = run(name, doc=doc["id"], depth=depth, limit=2000)
    if result is None:
        continue
    for (path,) in result.rows:
        values.append(path)
        far = path.nodes[-1].properties
        steps.append(
            {
                "direction": wanted,
                "depth": len(path.relationships),
                "relations": " → ".join(
                    str(r.properties.get("relation")) for r in path.relationships
                ),
                "doc_number": far.get("doc_number"),
                "title": far.get("title"),
                "level": far.get("level"),
                "date": far.get("date"),
                "stub": far.get("stub"),
                "evidence": path.relationships[-1].properties.get("evidence"),
                "id": far.get("id"),
            }
        )

base: Subgraph = collect(values)
graph_view(
    base,
    f"lineage_{doc['id']}",
    layout=layout,
    keep=[doc["id"]],
    expand_types=None if everything else ["CITES"],
    focus=doc["id"],
)
st.subheader(t("lineage_steps"))
table(frame(steps), "lineage")
