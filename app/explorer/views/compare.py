"""Compare two documents: the basis they share, who leads what in each, their targets on one
indicator and year side by side, and the industries and places both name."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from policykg.app import vocabulary
from policykg.app.explorer import pair
from policykg.app.explorer.common import (
    document_options,
    header,
    kept_text,
    lang,
    records,
    t,
    table,
)
from policykg.app.explorer.i18n import column
from policykg.app.explorer.text_changes import text_changes

header("page_compare", "q_compare")

options = document_options()
if len(options) < 2:
    st.info(t("empty_graph"))
    st.stop()
labels = list(options)
by_id = {row["id"]: label for label, row in options.items()}
# Without a choice in the URL: the two documents most cited, the likeliest to share a basis.
busiest = sorted(labels, key=lambda lb: -(options[lb].get("citations") or 0))
for key, param, default in (("compare_a", "a", busiest[0]), ("compare_b", "b", busiest[1])):
    if key not in st.session_state:
        st.session_state[key] = by_id.get(st.query_params.get(param) or "", default)
left, right = st.columns(2)
first = left.selectbox(t("compare_first"), labels, key="compare_a")
second = right.selectbox(t("compare_second"), labels, key="compare_b")
a, b = options[first]["id"], options[second]["id"]
st.query_params["a"], st.query_params["b"] = a, b
if a == b:
    st.info(t("compare_same"))
    st.stop()


def _short(label: str) -> str:
    """A column header for a document: its 文号, else the start of its title."""
    row = options[label]
    return str(row.get("doc_number") or (row.get("title") or row["id"])[:16])


short = {"a": f"{t('compare_first_short')} · {_short(first)}",
         "b": f"{t('compare_second_short')} · {_short(second)}"}  # fmt: skip


def _show(df: pd.DataFrame, key: str, empty: str) -> None:
    """A side-by-side table, its a and b columns headed by the two documents."""
    shown = df.drop(columns=[c for c in ("both",) if c in df.columns])
    if shown.empty:
        st.caption(t(empty))
        return
    config: dict[str, Any] = {name: column(str(name), lang()) for name in shown.columns}
    config.update({side: st.column_config.TextColumn(short[side], width="large")
                   for side in pair.SIDES if side in shown.columns})  # fmt: skip
    table(shown, key, column_config=config)


cited = records("compare_citations", a=a, b=b)
for citing, cited_id, relation in pair.direct_links(cited, a, b):
    names = {a: short["a"], b: short["b"]}
    st.info(
        t("compare_direct").format(
            citing=names[citing],
            relation=vocabulary.name(vocabulary.RELATIONS, relation, lang()),
            cited=names[cited_id],
        )
    )

st.subheader(t("compare_citations"))
_show(pair.shared_citations(cited, a, b, lang()), "compare_citations", "compare_no_citations")

st.subheader(t("compare_tasks"))
tasks = pair.tasks_per_unit(records("compare_tasks", a=a, b=b), a, b, lang())
shared_units = int(tasks["both"].sum()) if not tasks.empty else 0
st.caption(t("compare_units_shared").format(n=shared_units, total=len(tasks)))
_show(tasks, "compare_tasks", "compare_no_tasks")

st.subheader(t("compare_targets"))
targets = pair.targets_side_by_side(records("compare_targets", a=a, b=b), a, b)
if not targets.empty:
    paired = int(((targets["a"] != "") & (targets["b"] != "")).sum())
    st.caption(t("compare_targets_paired").format(n=paired, total=len(targets)))
_show(targets, "compare_targets", "compare_no_targets")

st.subheader(t("compare_reach"))
_show(pair.shared_reach(records("compare_reach", a=a, b=b), a, b, lang()), "compare_reach",
      "compare_no_reach")  # fmt: skip

st.subheader(t("compare_text"))
kept = [kept_text(document_id) for document_id in (a, b)]
if kept[0] is None or kept[1] is None:
    st.caption(t("compare_text_missing"))
else:
    changes, share = text_changes(kept[0].text, kept[1].text)
    if not changes:
        st.caption(t("compare_text_same"))
    else:
        st.caption(t("compare_text_summary").format(share=share, n=len(changes)))
        _show(
            pd.DataFrame(
                {
                    "change": [t(f"change_{c.kind}") for c in changes],
                    "a": [c.a for c in changes],
                    "b": [c.b for c in changes],
                }
            ),
            "compare_text",
            "compare_text_same",
        )
