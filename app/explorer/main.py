"""The Streamlit explorer: what is loaded (the explorer issue builds out the pages)."""

from __future__ import annotations

import streamlit as st

from graph import Store, open_store
from graph.stats import graph_stats
from policykg.settings import Settings
from queries import get_query


@st.cache_resource
def store() -> Store:
    """One store handle per server process."""
    return open_store(Settings.from_env())


st.set_page_config(page_title="policykg", layout="wide")
st.title("policykg 政策知识图谱")
counts = graph_stats(store())
st.write(f"{counts.nodes} 个节点, {counts.edges} 条关系")
documents = get_query("documents")
st.dataframe(store().read(documents.cypher).records(), use_container_width=True)
