"""Targets: quantified goals by metric, year and scope; one metric compared across places."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from policykg.app.explorer.common import cached_records, frame, header, plain, t, table
from policykg.app.explorer.comparison import comparable, indicators, with_indicator

# The evidence box lists this many targets of the filtered table at most.
EVIDENCE_OPTIONS = 500

header("page_targets", "q_targets")

# Every target of the graph, read once per graph version (14,000 rows at 1,000 documents
# took most of this page's time on every click); sorted here, not in the store.
rows = cached_records("targets")
if not rows:
    st.info(t("no_targets"))
    st.stop()
targets = frame(rows).sort_values(["metric", "year", "scope"], na_position="last")
# Years stay whole numbers even when some targets have none (pandas would make them floats).
targets["year"] = pd.to_numeric(targets["year"], errors="coerce").astype("Int64")


def _options(column: str) -> list[str]:
    return sorted({str(v) for v in targets[column].dropna()})


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) and value == value else "?"


cols = st.columns(3)
metric = cols[0].multiselect(
    t("metric"), _options("metric"), placeholder=t("choose"), key="targets_metric"
)
year = cols[1].multiselect(t("year"), _options("year"), placeholder=t("choose"), key="targets_year")
scope = cols[2].multiselect(
    t("scope"), _options("scope"), placeholder=t("choose"), key="targets_scope"
)
shown = targets
for column, chosen in (("metric", metric), ("year", year), ("scope", scope)):
    if chosen:
        shown = shown[shown[column].astype(str).isin(chosen)]

columns = [
    "metric",
    "comparator",
    "value",
    "unit",
    "year",
    "baseline",
    "scope",
    "document",
    "evidence",
]
table(shown[columns], "targets")

st.subheader(t("compare_metric"))
shown = with_indicator(shown)
compared = st.selectbox(t("metric"), indicators(shown), key="targets_compare")
values, unit, left_out = comparable(shown, compared) if compared else (shown[:0], "", 0)
if left_out:
    st.caption(t("compare_unit_note").format(unit=unit or "-", n=left_out))
if values.empty:
    st.info(t("no_rows"))
else:
    chart = (
        alt.Chart(values)
        .mark_bar()
        .encode(
            x=alt.X(
                "scope:N",
                title=t("scope"),
                sort="-y",
                axis=alt.Axis(labelAngle=-30, labelLimit=240),
            ),
            y=alt.Y(
                "value:Q",
                title=f"{compared} ({unit})",
            ),
            color=alt.Color("year:N", title=t("year")),
            xOffset="year:N",
            tooltip=["scope", "year", "comparator", "value", "unit", "document"],
        )
    )
    st.altair_chart(chart, width="stretch")

st.subheader(t("show_evidence"))
# A box of 14,000 options is slow to send and to search: the first ones of the filtered table.
if len(shown) > EVIDENCE_OPTIONS:
    st.caption(t("evidence_first", n=EVIDENCE_OPTIONS))
labels = {
    f"{i + 1}. {r.metric} {r.comparator or ''} {_number(r.value)}{r.unit or ''} · "
    f"{r.scope or '-'} · {r.year if pd.notna(r.year) else '-'}": i
    for i, r in enumerate(shown.head(EVIDENCE_OPTIONS).itertuples())
}
picked = st.selectbox(t("show_evidence"), list(labels), key="targets_evidence")
if picked is not None:
    row = shown.iloc[labels[picked]]
    # Quoted as printed: a sentence starting "1." is not a list, "**" not bold.
    st.info(f"「{plain(row['evidence'])}」\n\n— {plain(row['document'])}")
    if st.button(t("open_document"), key="targets_open"):
        st.session_state["doc_id"] = row["doc_id"]
        st.session_state.pop("document_doc", None)
        st.switch_page("views/document.py")
