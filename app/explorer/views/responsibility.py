"""Which unit leads what, as a unit–task–document graph and a task × unit matrix."""

from __future__ import annotations

import streamlit as st

from policykg.app.explorer.common import (
    choose_document,
    frame,
    graph_view,
    header,
    records,
    run,
    t,
    table,
)
from policykg.app.visual import collect, responsibility_matrix, responsibility_rows

header("page_responsibility", "q_responsibility")

modes = {"unit": t("by_unit"), "document": t("by_document")}
mode = st.radio(
    t("direction"),
    list(modes),
    format_func=modes.get,
    horizontal=True,
    key="responsibility_mode",
    label_visibility="collapsed",
)

result = None
if mode == "unit":
    # The filter text reaches Cypher only as the $q parameter.
    query = st.text_input(t("unit_filter"), key="responsibility_q").strip()
    units = records("responsible", q=query)
    if not units:
        st.info(t("no_units"))
        st.stop()
    labels = {f"{u['name']} ({u.get('full_name') or '-'}) · {u['tasks']}": u["id"] for u in units}
    chosen = st.selectbox(t("choose_unit"), list(labels), key="responsibility_unit")
    if chosen:
        result = run("unit_graph", id=labels[chosen], limit=1000)
        key = f"unit_{labels[chosen]}"
else:
    doc = choose_document("responsibility_doc")
    if doc is None:
        st.stop()
    result = run("document_tasks", doc=doc["id"], limit=1000)
    key = f"tasks_{doc['id']}"

if result is None:
    st.stop()
sub = collect(v for row in result.rows for v in row)
if not sub.nodes:
    st.info(t("no_rows"))
    st.stop()
graph_view(sub, key, layout="force")
rows = responsibility_rows(sub)
st.subheader(t("matrix"))
_units, matrix = responsibility_matrix(rows, lead=t("lead"), support=t("support"))
table(frame(matrix), "responsibility_matrix")
st.subheader(t("evidence"))
table(frame(rows), "responsibility_evidence")
