"""Graph checks and broken chains: can the graph be trusted, and which documents rest on dead ones."""

from __future__ import annotations

import streamlit as st

from policykg.app.explorer.common import frame, kept_texts, lang, show_error, store, t, table
from policykg.app.explorer.i18n import CHECKS
from policykg.app.explorer.quality import check_rows, split_broken_chains
from policykg.app.texts import with_task_paragraphs
from policykg.errors import PolicyKGError
from policykg.queries import get_query
from policykg.queries.graph_checks import run_checks

st.title(t("page_checks"))
st.caption(t("q_checks"))

try:
    results = with_task_paragraphs(run_checks(store()), kept_texts())
    named = get_query("broken_chains")
    chains = store().read(named.cypher, named.bind({})).records()
except PolicyKGError as exc:  # refused, timed out, or the store went away
    show_error(exc)
    st.stop()

st.subheader(t("checks"))
failed = [r for r in results if not r.ok]
if failed:
    st.error(t("some_fail", failed=len(failed), n=len(results)))
else:
    st.success(t("all_pass", n=len(results)))
rows = check_rows(results)
if lang() == "zh":  # the checks' names and rules as the Chinese interface says them
    for row in rows:
        row["check"], row["rule"] = CHECKS.get(row["check"], (row["check"], row["rule"]))
table(frame(rows), "checks")
for result in failed:
    name = CHECKS[result.check][0] if lang() == "zh" and result.check in CHECKS else result.check
    with st.expander(t("examples", check=name, count=result.count)):
        table(frame(result.examples, ["item", "document", "evidence"]), f"check_{result.check}")

broken, fetch = split_broken_chains(chains)
st.subheader(t("broken"))
if broken:
    table(frame(broken), "broken_chains")
else:
    st.info(t("no_broken"))
st.subheader(t("fetch"))
if fetch:
    table(frame(fetch), "documents_to_fetch")
else:
    st.info(t("no_fetch"))
