"""Document: metadata, outline, text with the extracted spans highlighted, and its citations."""

from __future__ import annotations

import html
from urllib.parse import quote

import pandas as pd
import streamlit as st

from policykg.app import vocabulary
from policykg.app.explorer.common import (
    choose_document,
    document_url,
    frame,
    header,
    kept_text,
    kept_texts,
    lang,
    records,
    t,
    table,
)
from policykg.app.explorer.i18n import column
from policykg.app.text_search import search
from policykg.app.texts import span_evidence
from policykg.app.visual import SPAN_COLOURS, highlight_evidence

# Metadata fields: the ontology's properties, and the table's own counts.
FIELDS = {**vocabulary.PROPERTIES, "citations": ("引用数", "citations"),
          "places": ("适用地区/园区", "applies to")}  # fmt: skip

header("page_document", "q_document")


def _full_text_search() -> None:
    """Documents whose text holds the words typed, each linked to its page (?q= keeps them)."""
    words = st.text_input(t("full_text_search"), value=st.query_params.get("q", ""), key="doc_q")
    if not words.strip():
        st.query_params.pop("q", None)
        return
    st.query_params["q"] = words
    hits = search(kept_texts(), words, limit=50)
    if not hits:
        st.caption(t("search_none"))
        return
    st.caption(t("search_hits").format(n=len(hits)))
    link = document_url()
    lines = [
        f"- [{html.escape(hit.title or hit.document_id)}]({link.format(id=quote(hit.document_id))})"
        f" ({hit.matches}) {html.escape(hit.snippet)}"
        for hit in hits
    ]
    with st.container(height=240):
        st.markdown("\n".join(lines))


_full_text_search()
doc = choose_document("document_doc")
if doc is None:
    st.stop()


def _shown(key: str, value: object) -> str:
    if key == "level":
        return vocabulary.name(vocabulary.LEVELS, value, lang())
    if isinstance(value, bool):
        return vocabulary.YES_NO[value][1 if lang() == "en" else 0]
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


meta = {k: v for k, v in doc.items() if v not in (None, "", [])}
st.subheader(t("metadata"))
st.dataframe(
    pd.DataFrame(
        {
            "field": [vocabulary.name(FIELDS, k, lang()) for k in meta],
            "value": [_shown(k, v) for k, v in meta.items()],
        }
    ),
    hide_index=True,
    width="stretch",
    key="document_meta",
    column_config={"field": column("field", lang()), "value": column("value", lang())},
)

spans = records("document_evidence", doc=doc["id"])
parsed = kept_text(str(doc["id"]))
spans = span_evidence(spans, lambda _: parsed.text if parsed is not None else None)
found: set[str] = set()
if parsed is not None:
    outline, text_col = st.columns([1, 3])
    with outline:
        st.subheader(t("outline"))
        lines = [f"{'  ' * (s.depth - 1)}- {s.number} {s.title}".rstrip() for s in parsed.sections]
        with st.container(height=600):
            st.markdown("\n".join(lines) or "—")
    with text_col:
        st.subheader(t("text"))
        marked, found = highlight_evidence(
            parsed.text, [(str(s["type"]), str(s["evidence"] or "")) for s in spans]
        )
        legend = " ".join(
            f'<span style="background:{c};padding:0 4px">'
            f"{html.escape(vocabulary.name(vocabulary.TYPES, k, lang()))}</span>"
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
