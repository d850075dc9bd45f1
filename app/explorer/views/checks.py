"""Graph checks and broken chains: can the graph be trusted, and which documents rest on dead ones."""

from __future__ import annotations

import streamlit as st

from app.explorer.common import frame, lang, show_error, store, table
from app.explorer.quality import check_rows, qt, split_broken_chains
from policykg.errors import PolicyKGError
from queries import get_query
from queries.graph_checks import run_checks

st.title(qt("page_checks", lang()))
st.caption(qt("q_checks", lang()))

try:
    results = run_checks(store())
    named = get_query("broken_chains")
    chains = store().read(named.cypher, named.bind({})).records()
except PolicyKGError as exc:  # refused, timed out, or the store went away
    show_error(exc)
    st.stop()

st.subheader(qt("checks", lang()))
failed = [r for r in results if not r.ok]
if failed:
    st.error(qt("some_fail", lang(), failed=len(failed), n=len(results)))
else:
    st.success(qt("all_pass", lang(), n=len(results)))
table(frame(check_rows(results)), "checks")
for result in failed:
    with st.expander(qt("examples", lang(), check=result.check, count=result.count)):
        table(frame(result.examples, ["item", "document", "evidence"]), f"check_{result.check}")

broken, fetch = split_broken_chains(chains)
st.subheader(qt("broken", lang()))
if broken:
    table(frame(broken), "broken_chains")
else:
    st.info(qt("no_broken", lang()))
st.subheader(qt("fetch", lang()))
if fetch:
    table(frame(fetch), "documents_to_fetch")
else:
    st.info(qt("no_fetch", lang()))
