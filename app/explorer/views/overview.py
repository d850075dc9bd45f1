"""Overview: what the graph holds, documents with filters, and a timeline."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from policykg.app import vocabulary
from policykg.app.explorer.common import (
    frame,
    header,
    lang,
    localise,
    records,
    show_error,
    store,
    t,
    table,
)
from policykg.app.visual import DOCUMENT_LEVELS, LEVEL_COLOURS
from policykg.errors import PolicyKGError
from policykg.graph.stats import graph_stats

header("page_overview", "q_overview")

try:
    stats = graph_stats(store())
except PolicyKGError as exc:
    show_error(exc)
    st.stop()

left, right = st.columns(2)
with left:
    st.subheader(t("nodes_by_label"))
    table(pd.DataFrame(list(stats.labels.items()), columns=["label", "count"]), "labels")
with right:
    st.subheader(t("rels_by_type"))
    table(
        pd.DataFrame(list(stats.relationships.items()), columns=["type", "count"]), "relationships"
    )

st.subheader(t("documents"))
raw = records("document_table")
places = sorted({p for row in raw for p in row.get("places") or [] if p})
docs = frame([{**row, "places": "、".join(p for p in row.get("places") or [] if p)} for row in raw])
if docs.empty:
    st.info(t("empty_graph"))
    st.stop()

docs["year"] = docs["date"].fillna("").astype(str).str[:4].replace("", None)


def _options(column: str) -> list[str]:
    return sorted({str(v) for v in docs[column].dropna()})


query = st.text_input(t("search"), key="overview_search")
cols = st.columns(5)
region = cols[0].multiselect(t("region"), places, placeholder=t("choose"), key="overview_region")
level = cols[1].multiselect(
    t("level"),
    _options("level"),
    format_func=lambda value: vocabulary.name(vocabulary.LEVELS, value, lang()),
    placeholder=t("choose"),
    key="overview_level",
)
year = cols[2].multiselect(
    t("year"), _options("year"), placeholder=t("choose"), key="overview_year"
)
kind = cols[3].multiselect(
    t("kind"), _options("kind"), placeholder=t("choose"), key="overview_kind"
)
status = cols[4].multiselect(
    t("status"), _options("status"), placeholder=t("choose"), key="overview_status"
)

shown = docs
if query:
    # A local filter over rows already read: the search text never reaches Cypher.
    needle = query.strip()
    shown = shown[
        shown["title"].fillna("").str.contains(needle, regex=False)
        | shown["doc_number"].fillna("").str.contains(needle, regex=False)
    ]
for column, chosen in (("level", level), ("year", year), ("kind", kind), ("status", status)):
    if chosen:
        shown = shown[shown[column].astype(str).isin(chosen)]
if region:
    shown = shown[shown["places"].apply(lambda cell: bool(set(region) & set(cell.split("、"))))]

columns = [
    "doc_number",
    "title",
    "issuer",
    "date",
    "kind",
    "status",
    "level",
    "stub",
    "places",
    "id",
]
table(shown[columns], "documents")

st.subheader(t("timeline"))
dated = shown.dropna(subset=["date"]).copy()
dated["date"] = pd.to_datetime(dated["date"], errors="coerce")
dated = dated.dropna(subset=["date"])
if dated.empty:
    st.info(t("no_rows"))
else:
    # Documents per year, stacked by level: a 40 px strip of overlapping dots said little.
    dated["year"] = dated["date"].dt.year.astype(str)
    dated["level_name"] = localise(dated[["level"]], lang())["level"].fillna("—")
    names = [vocabulary.name(vocabulary.LEVELS, lv, lang()) for lv in DOCUMENT_LEVELS]
    chart = (
        alt.Chart(dated)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=t("year"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count():Q", title=t("documents"), axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "level_name:N",
                title=t("level"),
                sort=names,
                scale=alt.Scale(domain=names, range=list(LEVEL_COLOURS.values())),
            ),
            order=alt.Order("level_name:N"),
            tooltip=[
                alt.Tooltip("year:O", title=t("year")),
                alt.Tooltip("level_name:N", title=t("level")),
                alt.Tooltip("count():Q", title=t("documents")),
            ],
        )
        .properties(height=260)
    )
    st.altair_chart(chart, width="stretch")
