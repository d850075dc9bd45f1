"""Document: metadata, outline, text with the extracted spans highlighted, and its citations."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import streamlit as st

from policykg.app.explorer.common import choose_document, frame, header, lang, records, t, table
from policykg.app.explorer.i18n import column
from policykg.app.visual import SPAN_COLOURS, highlight_evidence
from policykg.errors import PolicyKGError
from policykg.loaders import parse
from policykg.loaders.document import ParsedDocument

header("page_document", "q_document")

doc = choose_document("document_doc")
if doc is None:
    st.stop()


@st.cache_data(show_spinner=False, max_entries=32)
def _parsed(source: str) -> ParsedDocument | None:
    """The source file parsed again, when it is still readable from here."""
    path = Path(source)
    if not path.is_file():
        return None
    try:
        return parse(path)
    except PolicyKGError:
        return None


meta = {k: v for k, v in doc.items() if v not in (None, "", [])}
st.subheader(t("metadata"))
st.dataframe(
    pd.DataFrame({"field": list(meta), "value": [str(v) for v in meta.values()]}),
    hide_index=True,
    width="stretch",
    key="document_meta",
    column_config={"field": column("field", lang()), "value": column("value", lang())},
)

spans = records("document_evidence", doc=doc["id"])
parsed = _parsed(str(doc["source"])) if doc.get("source") else None
found: set[str] = set()
if parsed is not None:
    outline, text_col = st.columns([1, 3])
    with outline:
        st.subheader(t("outline"))
        lines = [
            f"{'  ' * (s.depth - 1)}- {s.number} {s.title}".rstrip() for s in parsed.all_sections()
        ]
        with st.container(height=600):
            st.markdown("\n".join(lines) or "—")
    with text_col:
        st.subheader(t("text"))
        marked, found = highlight_evidence(
            parsed.text, [(str(s["type"]), str(s["evidence"] or "")) for s in spans]
        )
        legend = " ".join(
            f'<span style="background:{c};padding:0 4px">{html.escape(k)}</span>'
            for k, c in SPAN_COLOURS.items()
        )
        st.html(
            f'<div style="font-size:12px;margin-bottom:6px">{legend}</div>'
            f'<div style="white-space:pre-wrap;max-height:600px;overflow:auto;'
            f'border:1px solid #ddd;padding:8px;line-height:1.7">{marked}</div>'
        )
else:
    st.caption(t("source_unreadable"))

st.subheader(t("spans"))
for span in spans:
    span["highlighted"] = span.get("evidence") in found
table(frame(spans), "document_spans")

citations = records("document_citations", doc=doc["id"])
up = [c for c in citations if c["direction"] == "up"]
down = [c for c in citations if c["direction"] == "down"]
columns = ["relation", "doc_number", "title", "level", "date", "stub", "evidence", "id"]
left, right = st.columns(2)
with left:
    st.subheader(t("citations_up"))
    table(frame(up, columns) if up else frame([]), "citations_up")
with right:
    st.subheader(t("citations_down"))
    table(frame(down, columns) if down else frame([]), "citations_down")
