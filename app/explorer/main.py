"""The policykg explorer: `policykg serve` runs this with Streamlit."""

from __future__ import annotations

import streamlit as st

from policykg.app.explorer.common import lang, show_error, store, t
from policykg.errors import PolicyKGError

st.set_page_config(page_title="policykg", layout="wide")

# The language is kept in the URL (?lang=en): a reload or a shared link keeps it.
if "lang_en" not in st.session_state:
    st.session_state["lang_en"] = st.query_params.get("lang") == "en"
with st.sidebar:
    st.toggle("English", key="lang_en")

PAGES = [
    st.Page("views/overview.py", title=t("page_overview"), default=True),
    st.Page("views/document.py", title=t("page_document")),
    st.Page("views/lineage.py", title=t("page_lineage")),
    st.Page("views/responsibility.py", title=t("page_responsibility")),
    st.Page("views/targets.py", title=t("page_targets")),
    st.Page("views/map.py", title=t("page_map")),
    st.Page("views/compare.py", title=t("page_compare")),
    st.Page("views/console.py", title=t("page_console")),
    st.Page("views/checks.py", title=t("page_checks")),
]
page = st.navigation(PAGES)
st.query_params["lang"] = lang()
try:
    opened = store()
except PolicyKGError as exc:
    # A missing setting or an unreachable store: say what to fix instead of a traceback.
    show_error(exc)
    st.stop()
with st.sidebar:
    st.caption(f"{t('store')}: {opened.name}")
page.run()
