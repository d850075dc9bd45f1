"""Which unit leads what, as a graph around the unit and a task × unit matrix per document."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from policykg.app.explorer.common import (
    cached_records,
    choose_document,
    frame,
    graph_view,
    header,
    lang,
    run,
    t,
    table,
    to_csv,
    url_state,
)
from policykg.app.explorer.i18n import column
from policykg.app.responsibility import responsibility_matrix, responsibility_rows, unit_name
from policykg.app.visual import Subgraph, collect

# A unit with tasks in more documents than this shows the first ones; the CSV has all.
DOCUMENT_TABLES = 30

header("page_responsibility", "q_responsibility")

url_state("responsibility_mode", "mode", "unit", str, ("unit", "document"))
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
focus: str | None = None
first: str | None = None
if mode == "unit":
    # The filter text reaches Cypher only as the $q parameter.
    query = st.text_input(t("unit_filter"), key="responsibility_q").strip()
    units = cached_records("responsible", q=query)
    if not units:
        st.info(t("no_units"))
        st.stop()
    labels = {f"{u['name']} ({u.get('full_name') or '-'}) · {u['tasks']}": u for u in units}
    wanted = st.query_params.get("unit")
    index = next((i for i, u in enumerate(labels.values()) if u["id"] == wanted), 0)
    chosen = st.selectbox(t("choose_unit"), list(labels), index=index, key="responsibility_unit")
    if chosen:
        unit = labels[chosen]
        st.query_params.update({"mode": "unit", "unit": unit["id"]})
        result = run("unit_graph", id=unit["id"], limit=1000)
        key, focus, first = f"unit_{unit['id']}", unit["id"], unit_name(unit)
else:
    doc = choose_document("responsibility_doc")
    if doc is None:
        st.stop()
    st.query_params.update({"mode": "document", "doc": doc["id"]})
    result = run("document_tasks", doc=doc["id"], limit=1000)
    key, focus = f"tasks_{doc['id']}", doc["id"]

if result is None:
    st.stop()
sub = collect(v for row in result.rows for v in row)
if not sub.nodes:
    st.info(t("no_rows"))
    st.stop()
lead_only = st.checkbox(t("lead_only"), key="responsibility_lead_only")
if lead_only:
    sub = Subgraph(
        sub.nodes, tuple(r for r in sub.relationships if r.type != "SUPPORTED_BY"), sub.truncated
    )
graph_view(sub, key, layout="around", focus=focus)
rows = responsibility_rows(sub)
st.subheader(t("matrix"))
unit_columns, matrix = responsibility_matrix(
    rows, lead=t("lead"), support=t("support"), first=first
)
whole = frame(matrix)
if whole.empty:
    st.info(t("no_rows"))
else:
    # The document's title once, above its tasks: on every row it took 40 % of the width.
    by_document: dict[str, list[dict[str, str]]] = {}
    for task_row in matrix:
        by_document.setdefault(str(task_row["document"] or ""), []).append(task_row)
    if len(by_document) > DOCUMENT_TABLES:
        st.caption(t("documents_shown", n=DOCUMENT_TABLES))
    headers = {c: column(c, lang()) for c in ("task_number", "task")}
    for position, (title, doc_tasks) in enumerate(list(by_document.items())[:DOCUMENT_TABLES]):
        # Only the units with a part in this document's tasks (built from the rows: pandas
        # over a frame with a column per unit of the whole graph took seconds per document).
        used = [u for u in unit_columns if any(r.get(u) for r in doc_tasks)]
        part = pd.DataFrame(
            [{c: r.get(c) or "" for c in ("task_number", "task", *used)} for r in doc_tasks]
        )
        st.markdown(f"**{title or '—'}** · {t('tasks_in_document', n=len(part))}")
        st.dataframe(
            part,
            hide_index=True,
            width="stretch",
            key=f"responsibility_matrix_{position}",
            column_config={
                "task_number": st.column_config.TextColumn(headers["task_number"], width="small"),
                "task": st.column_config.TextColumn(headers["task"], width="medium"),
            },
        )
    st.download_button(
        t("download_csv"),
        to_csv(whole),
        file_name="responsibility_matrix.csv",
        mime="text/csv",
        key="responsibility_matrix_csv",
    )
st.subheader(t("evidence"))
table(frame(rows), "responsibility_evidence")
