"""What every page shares: the store handle, interface text, named queries, tables and graphs."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from policykg.app import vocabulary
from policykg.app.explorer.i18n import QUERY_DESCRIPTIONS, column, text
from policykg.app.explorer.questions import page_query
from policykg.app.texts import StoredText, read_text, saved_text_reader, texts_dir, with_sentences
from policykg.app.visual import (
    LAYOUTS,
    NODE_CAP,
    Subgraph,
    collect,
    filter_dates,
    merge_documents,
    to_pyvis,
)
from policykg.errors import PolicyKGError, QueryError
from policykg.graph import QueryResult, Store, open_store
from policykg.graph.result import GraphNode, to_json_value
from policykg.settings import Settings

# Tables longer than this are cut (with a notice): the browser, not the store, is the limit.
ROW_CAP = 5000
GRAPH_HEIGHT = 620


@st.cache_resource(show_spinner=False)
def _open(settings: Settings) -> Store:
    return open_store(settings)


def store() -> Store:
    """The store named by POLICYKG_STORE/POLICYKG_HOME/POLICYKG_GRAPH, opened once per process."""
    return _open(Settings.from_env())


def lang() -> str:
    """The interface language: zh unless the English toggle is on."""
    return "en" if st.session_state.get("lang_en") else "zh"


def t(key: str, **values: object) -> str:
    """Interface text in the chosen language."""
    return text(key, lang(), **values)


def url_state(
    key: str,
    param: str,
    default: Any,
    kind: type = str,
    allowed: Sequence[Any] = (),
) -> None:
    """A widget's first value from the URL's query parameter, else default.

    The page writes its state back to st.query_params, so a copied URL reopens the view.
    """
    if key in st.session_state:
        return
    raw = st.query_params.get(param)
    try:
        value = kind(raw) if raw is not None else default
    except ValueError:
        value = default
    if allowed and value not in allowed:
        value = default
    st.session_state[key] = value


# Characters Markdown would read as markup (lists, emphasis, links, headings, maths).
MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def plain(value: object) -> str:
    """Text shown as printed inside Markdown: every markup character escaped."""
    return MARKDOWN.sub(r"\\\1", "" if value is None else str(value))


def header(page: str, question: str) -> None:
    """Page title and the research question it starts from."""
    st.title(t(page))
    st.caption(t(question))


def show_error(exc: PolicyKGError) -> None:
    """A refused or failed query, or an unreachable store, as a notice in the interface language.

    The store's own words (FalkorDB's syntax error, the refusal's detail) are folded
    below: a researcher reads what happened, the detail is there for whoever needs it.
    """
    message = str(exc)
    detail = f"{message}\n\n{exc.hint}" if exc.hint else message
    if "timed out" in message:
        st.warning(t("timeout"))
    elif isinstance(exc, QueryError):
        if "read-only" in message or "refused" in message:
            st.error(t("refused_write"))
        elif "memory" in message:
            st.error(t("too_much_memory"))
        else:
            st.error(t("query_failed"))
    else:  # a setting to fix or a store to start: its message says what to do
        st.error(detail)
        return
    with st.expander(t("details")):
        st.code(detail, language=None)


def query_description(name: str, english: str) -> str:
    """A named query's description in the interface language."""
    if lang() == "en":
        return english
    return QUERY_DESCRIPTIONS.get(name.removeprefix("explorer/"), english)


def run(name: str, **params: Any) -> QueryResult | None:
    """Run one of the explorer's queries with typed parameters; a refusal is shown, not raised."""
    query = page_query(name)
    try:
        return sentences(store().read(query.cypher, params))
    except PolicyKGError as exc:  # refused, timed out, or the store went away
        show_error(exc)
        return None


def records(name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of a named query as dicts ([] when it failed)."""
    result = run(name, **params)
    return result.records() if result is not None else []


# What the whole graph holds, counted: a load or an import changes it, and so every cached
# page query is asked again. (A rewrite that changes no count is seen when the entry expires.)
VERSION = "MATCH (n) RETURN count(n) AS nodes"


def graph_version() -> int:
    """A number that changes when the graph does (its node count)."""
    return int(store().read(VERSION).rows[0][0])


@st.cache_data(show_spinner=False, max_entries=256, ttl=600)
def _cached_rows(
    opened: str, version: int, name: str, params: dict[str, Any]
) -> list[dict[str, Any]]:
    """A page query's rows, kept per open store, graph version and parameters."""
    return sentences(store().read(page_query(name).cypher, params)).records()


def cached_records(name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of a named query, from the cache while the graph is unchanged ([] when it failed).

    For queries that read the whole graph (targets, the map, the document list): at 1,000
    documents running them on every click cost most of a page's time.
    """
    try:
        opened = store()
        return _cached_rows(f"{opened.name}:{id(opened)}", graph_version(), name, params)
    except PolicyKGError as exc:  # refused, timed out, or the store went away
        show_error(exc)
        return []


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple | dict) or hasattr(value, "to_json"):
        return json.dumps(to_json_value(value), ensure_ascii=False)
    return value


def frame(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Rows as a DataFrame with nested values (lists, nodes) as JSON text."""
    data = [{k: _cell(v) for k, v in row.items()} for row in rows]
    return pd.DataFrame(data, columns=list(columns) if columns else None)


def to_csv(df: pd.DataFrame) -> bytes:
    """CSV with a BOM so spreadsheet programs read the Chinese correctly."""
    buffer = io.StringIO()
    df.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL)
    return buffer.getvalue().encode("utf-8-sig")


def _safe(name: str) -> str:
    """A file name without path separators or colons (ids look like doc:皖办发〔2024〕11号)."""
    return re.sub(r"[^\w.〔〕-]+", "_", name)


# Columns whose values are the ontology's English words, and the names shown for them.
VALUE_NAMES = {
    "level": vocabulary.LEVELS,
    "role": vocabulary.ROLES,
    "relation": vocabulary.RELATIONS,
    "relations": vocabulary.RELATIONS,
    "direction": vocabulary.DIRECTIONS,
    "label": vocabulary.LABELS,
    "labels": vocabulary.LABELS,
    "kind": vocabulary.LABELS,
    "scope_labels": vocabulary.LABELS,
    "type": vocabulary.TYPES,
}
# How a column joins several values (a chain of relations, a node's labels).
JOINERS = {"relations": " → ", "label": ":", "labels": ":", "scope_labels": ":"}


def localise(df: pd.DataFrame, language: str) -> pd.DataFrame:
    """Values such as provincial, basis or lead shown in the interface language."""
    out = df.copy()
    for name, names in VALUE_NAMES.items():
        if name not in out.columns:
            continue
        joiner = JOINERS.get(name)

        def shown(value: Any, names: Any = names, joiner: str | None = joiner) -> Any:
            if not isinstance(value, str):
                return value
            if joiner:
                parts = value.split(joiner)
                return joiner.join(vocabulary.name(names, p, language) for p in parts)
            return vocabulary.name(names, value, language)

        out[name] = out[name].map(shown)
    return out


def table(df: pd.DataFrame, key: str, **kwargs: Any) -> None:
    """A table with its CSV download; long tables are cut with a notice."""
    if df.empty:
        st.info(t("no_rows"))
        return
    shown = df
    if len(df) > ROW_CAP:
        st.warning(t("rows_truncated", cap=ROW_CAP))
        shown = df.head(ROW_CAP)
    shown = localise(shown, lang())
    # A missing value is an empty cell, not the word None.
    for name in shown.columns:
        if shown[name].dtype == object:
            shown[name] = shown[name].where(shown[name].notna(), "")
    headers = {name: column(str(name), lang()) for name in shown.columns}
    kwargs.setdefault("column_config", {n: h for n, h in headers.items() if h != n})
    st.dataframe(shown, width="stretch", hide_index=True, key=f"{key}_table", **kwargs)
    st.download_button(
        t("download_csv"),
        to_csv(df),
        file_name=f"{_safe(key)}.csv",
        mime="text/csv",
        key=f"{key}_csv",
    )


def node_row(node: GraphNode) -> dict[str, Any]:
    """One row of the node table beside a graph."""
    props = node.properties
    return {
        "label": ":".join(node.labels),  # shown in the interface language by table()
        "name": props.get("doc_number") or props.get("name") or props.get("title"),
        "title": props.get("title"),
        "level": props.get("level"),
        "date": props.get("date"),
        "stub": props.get("stub"),
        "id": props.get("id"),
    }


def node_choice(node: GraphNode) -> str:
    """How a node is named in a selectbox."""
    props = node.properties
    name = props.get("doc_number") or props.get("name") or props.get("title") or node.key
    kinds = "、".join(vocabulary.name(vocabulary.LABELS, lb, lang()) for lb in node.labels)
    return f"{name} ({kinds})"


def document_dates(sub: Subgraph) -> list[date]:
    """Dates of the documents in a subgraph."""
    found = []
    for node in sub.nodes:
        raw = node.properties.get("date")
        if "Document" in node.labels and isinstance(raw, str):
            try:
                found.append(date.fromisoformat(raw[:10]))
            except ValueError:
                continue
    return sorted(found)


def document_url() -> str:
    """Where a document node leads: its Document page, in this language (see to_pyvis)."""
    return f"document?doc={{id}}&lang={lang()}"


def only(sub: Subgraph, types: Sequence[str]) -> Subgraph:
    """The relationships of these types and the nodes they join (the rest left out)."""
    rels = tuple(r for r in sub.relationships if r.type in types)
    keys = {k for r in rels for k in (r.start, r.end)}
    return Subgraph(tuple(n for n in sub.nodes if n.key in keys), rels, sub.truncated)


def _expand_controls(sub: Subgraph, key: str, expand_types: Sequence[str] | None) -> Subgraph:
    """The node-to-expand box, expand and reset buttons; returns the extra nodes so far."""
    extra_key = f"{key}_extra"
    extra: Subgraph = st.session_state.get(extra_key, Subgraph())
    choices = {node_choice(n): n for n in sub.merge(extra).nodes}
    left, mid, right = st.columns([4, 1, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        t("expand_node"), list(choices), key=f"{key}_expand_node", placeholder=t("choose")
    )
    if mid.button(t("expand"), key=f"{key}_expand") and chosen:
        node_id = choices[chosen].properties.get("id")
        result = run("neighbours", id=str(node_id), limit=NODE_CAP)
        if result is not None:
            found = collect(v for row in result.rows for v in row)
            extra = extra.merge(only(found, expand_types) if expand_types else found)
            st.session_state[extra_key] = extra
    if right.button(t("reset"), key=f"{key}_reset"):
        st.session_state.pop(extra_key, None)
        extra = Subgraph()
    return extra


def graph_view(
    base: Subgraph,
    key: str,
    *,
    layout: str = "force",
    keep: Sequence[str] = (),
    expand_types: Sequence[str] | None = None,
    focus: str | None = None,
) -> Subgraph:
    """Expand controls, date range slider, the pyvis graph, its HTML download and a node table.

    Expanding a node adds its neighbours joined by expand_types (all when None: the lineage
    page asks for CITES only); focus is the id of a node drawn highlighted.
    """
    sub = base
    if sub.nodes:
        sub = base.merge(_expand_controls(base, key, expand_types))
    # One node per document: a stub cited by title and by 文号 is drawn once.
    sub = merge_documents(sub)
    dates = document_dates(sub)
    if len(dates) >= 2 and dates[0] < dates[-1]:
        start, end = st.slider(
            t("date_range"),
            min_value=dates[0],
            max_value=dates[-1],
            value=(dates[0], dates[-1]),
            key=f"{key}_dates",
            format="YYYY-MM-DD",
        )
        keep_keys = [n.key for n in sub.nodes if n.properties.get("id") in keep]
        sub = filter_dates(sub, start.isoformat(), end.isoformat(), keep_keys)
    if sub.truncated:
        st.warning(t("truncated", cap=NODE_CAP))
    if not sub.nodes:
        st.info(t("no_rows"))
        return sub
    if layout not in LAYOUTS:
        layout = "force"
    focus_node = sub.find(focus) if focus else None
    page = to_pyvis(
        sub,
        layout=layout,
        height=GRAPH_HEIGHT - 20,
        title=key,
        lang=lang(),
        focus=focus_node.key if focus_node else None,
        document_url=document_url(),
    )
    st.iframe(page, height=GRAPH_HEIGHT)
    st.download_button(
        t("download_html"),
        page.encode("utf-8"),
        file_name=f"{_safe(key)}.html",
        mime="text/html",
        key=f"{key}_html",
    )
    with st.expander(t("graph_table"), expanded=True):
        table(frame([node_row(n) for n in sub.nodes]), f"{key}_nodes")
    return sub


def document_options() -> dict[str, dict[str, Any]]:
    """Documents for a selectbox: '文号 · 标题' -> row (typing in the box filters them)."""
    options: dict[str, dict[str, Any]] = {}
    for row in cached_records("document_table"):
        title = row.get("title") or row.get("id")
        label = f"{row['doc_number']} · {title}" if row.get("doc_number") else str(title)
        options[label] = row
    return options


def choose_document(key: str, prefer: str | None = None) -> dict[str, Any] | None:
    """A searchable document selectbox; pre-selects the document other pages asked for.

    With prefer (a numeric column such as citations) and no document asked for, the one
    with the highest value is chosen first: a lineage page opens on a document with lineage.
    """
    options = document_options()
    if not options:
        st.info(t("empty_graph"))
        return None
    labels = list(options)
    wanted = st.session_state.get("doc_id") or st.query_params.get("doc")
    fallback = 0
    if prefer:
        fallback = max(range(len(labels)), key=lambda i: options[labels[i]].get(prefer) or 0)
    index = next((i for i, lb in enumerate(labels) if options[lb]["id"] == wanted), fallback)
    chosen = st.selectbox(t("choose_document"), labels, index=index, key=key)
    row = options[chosen] if chosen else None
    if row is not None:
        st.session_state["doc_id"] = row["id"]
    return row


def sentences(result: QueryResult) -> QueryResult:
    """A result whose evidence_* columns name sentences (a Target's, a relationship's), and
    whose relationships carry their sentence's offsets, with the sentences read from the saved
    texts (the graph keeps their offsets only)."""
    return with_sentences(result, saved_text_reader(kept_texts()))


def kept_texts() -> Path:
    """Where `load` kept the document texts (and their search index) for this data directory."""
    return texts_dir(Settings.from_env().home)


@st.cache_data(show_spinner=False, max_entries=32)
def kept_text(document_id: str) -> StoredText | None:
    """The text `load` kept for this document, looked up by its id alone.

    Never the file named by `source`: the explorer may run where the files are not, and an
    imported graph could name any local file there.
    """
    return read_text(kept_texts(), document_id)
