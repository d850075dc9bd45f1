"""Cypher console: read-only queries with parameters; tables, and graphs when nodes come back."""

from __future__ import annotations

import json

import streamlit as st

from policykg.app.explorer.common import (
    frame,
    graph_view,
    header,
    query_description,
    sentences,
    show_error,
    store,
    t,
    table,
)
from policykg.app.explorer.questions import console_queries
from policykg.app.visual import has_graph, subgraph_from_result
from policykg.errors import PolicyKGError

header("page_console", "q_console")

DEFAULT = "MATCH (d:Document) RETURN d.doc_number AS doc_number, d.title AS title LIMIT 25"
st.session_state.setdefault("console_query", DEFAULT)
st.session_state.setdefault("console_params", "{}")

named = console_queries()
with st.expander(t("named"), expanded=False):
    choice = st.selectbox(
        t("named"),
        list(named),
        format_func=lambda n: f"{query_description(n, named[n].description)} ({n})",
        key="console_named",
    )
    if st.button(t("load_named"), key="console_load"):
        query = named[choice]
        st.session_state["console_query"] = query.cypher
        params = {p.name: p.convert(p.default) if p.default else "" for p in query.params}
        st.session_state["console_params"] = json.dumps(params, ensure_ascii=False)

cypher = st.text_area(t("query"), key="console_query", height=160)
raw_params = st.text_area(t("params"), key="console_params", height=68)
go = st.button(t("run"), type="primary", key="console_run")

if go:
    try:
        params = json.loads(raw_params or "{}")
        if not isinstance(params, dict):
            raise ValueError
    except ValueError:
        st.error(t("bad_params"))
        st.stop()
    try:
        st.session_state["console_result"] = sentences(store().read(cypher, params))
        st.session_state.pop("console_extra", None)
    except PolicyKGError as exc:
        st.session_state.pop("console_result", None)
        show_error(exc)
        st.stop()

result = st.session_state.get("console_result")
if result is not None:
    st.caption(t("rows", n=len(result.rows)))
    table(frame(result.records(), result.columns), "console")
    if has_graph(result):
        graph_view(subgraph_from_result(result), "console", layout="force")
