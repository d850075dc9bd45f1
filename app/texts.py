"""Document texts kept at load, for the explorer's Document page.

The page used to parse the file named by the document's `source` property again: that broke
wherever the files are not on the explorer's disk, and an imported graph could name any
local file as its source. Now `load` keeps each document's clean text and section outline
in the data directory, under a name derived from the document's id alone (a hash), and the
page reads only there: no path from the graph is ever opened.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from policykg.graph.result import GraphPath, GraphRelationship
from policykg.ontology.schema import TASK_TEXT_CHARS
from policykg.queries import RELATIONSHIP_SPAN, SPAN_COLUMNS

if TYPE_CHECKING:
    from policykg.graph.result import QueryResult
    from policykg.loaders.document import ParsedDocument
    from policykg.queries.graph_checks import CheckResult

TEXTS_DIR = "texts"


@dataclass(frozen=True)
class StoredSection:
    """One heading of the outline: its number, title, depth and clean-text offsets."""

    number: str
    title: str
    depth: int
    start: int
    end: int


@dataclass(frozen=True)
class StoredText:
    """A document's clean text and its outline, as `load` read them."""

    document_id: str
    text: str
    sections: tuple[StoredSection, ...] = ()


def texts_dir(home: Path) -> Path:
    """Where a data directory keeps its document texts."""
    return home / TEXTS_DIR


def text_path(directory: Path, document_id: str) -> Path:
    """The file of one document's text: named by a hash of its id, never by a path."""
    digest = hashlib.sha256(document_id.encode("utf-8")).hexdigest()[:40]
    return directory / f"{digest}.json"


def stored_text(document_id: str, parsed: ParsedDocument) -> StoredText:
    """What is kept of a parsed document: its text and outline."""
    sections = tuple(
        StoredSection(s.number, s.title, s.depth, s.start, s.end) for s in parsed.all_sections()
    )
    return StoredText(document_id, parsed.text, sections)


def save_text(directory: Path, text: StoredText) -> None:
    """Write one document's text (atomically: a reader never sees half a file)."""
    directory.mkdir(parents=True, exist_ok=True)
    target = text_path(directory, text.document_id)
    data = orjson.dumps(text)  # dataclasses natively: asdict's deep copy was the cost
    handle, temporary = tempfile.mkstemp(dir=directory, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _saved(directory: Path, document_id: str) -> dict[str, Any] | None:
    """The saved file of a document id, decoded; None when there is none or it is another's."""
    path = text_path(directory, document_id)
    try:
        # orjson: 0.15 ms for a 12 KB text where json took 0.41, and a query's evidence reads
        # the text of every document among its rows.
        data = orjson.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("document_id") != document_id:
        return None  # a hash collision or a foreign file: not this document's text
    return data


def read_text(directory: Path, document_id: str) -> StoredText | None:
    """The text kept for a document id; None when there is none (a stub, an imported graph)."""
    data = _saved(directory, document_id)
    if data is None:
        return None
    sections = tuple(StoredSection(**s) for s in data.get("sections") or ())
    return StoredText(document_id, str(data.get("text") or ""), sections)


def span_evidence(
    rows: Iterable[dict[str, Any]], text_of: Callable[[str | None], str | None]
) -> list[dict[str, Any]]:
    """Rows that name a Task's paragraph or a Target's sentence by offsets (`start`, `end`,
    and `document_id` when rows come from several documents) get that span of the document's
    saved text as `evidence`; where the text cannot be read they keep the evidence the query
    gave. Rows that name a relationship's evidence sentence by the SPAN_COLUMNS keys get it
    as extracted (half-width) where the graph gave none. The offsets are dropped: the graph
    keeps no copy of any of these."""
    out = []
    for row in rows:
        row = dict(row)
        start, end = row.pop("start", None), row.pop("end", None)
        document_id = row.pop("document_id", None)
        text = text_of(document_id) if isinstance(start, int) else None
        if text is not None:
            row["evidence"] = text[start : end if isinstance(end, int) else None][:TASK_TEXT_CHARS]
        quoted = [row.pop(c, None) for c in SPAN_COLUMNS]
        if row.get("evidence") is None:
            row["evidence"] = _quoted(quoted, text_of)
        out.append(row)
    return out


def saved_text_reader(directory: Path) -> Callable[[str | None], str | None]:
    """text_of for span_evidence: a document's saved text by its id, read once per id."""
    cache: dict[str, str | None] = {}

    def text_of(document_id: str | None) -> str | None:
        if document_id is None:
            return None
        if document_id not in cache:
            # The text alone: building the outline's sections took half of each read.
            data = _saved(directory, document_id)
            cache[document_id] = str(data.get("text") or "") if data is not None else None
        return cache[document_id]

    return text_of


def with_task_paragraphs(results: list[CheckResult], directory: Path) -> list[CheckResult]:
    """Check results whose examples show a Task's paragraph, read from the saved texts."""
    text_of = saved_text_reader(directory)
    return [replace(r, examples=span_evidence(r.examples, text_of)) for r in results]


# The extraction reads a text with full-width digits, letters and brackets made half-width,
# one character for one (loaders.extract.sentences.halfwidth): the same map as a table, since
# importing the extraction's package for it took ~0.35 s of a `policykg run`. A test checks
# that the two agree on every character.
_HALFWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F) if chr(c) not in "（）：；，"} | {
    0x3000: 0x20
}


def sentence_at(text: str, start: int, end: int) -> str:
    """A Target's or a relationship's sentence as the extraction read it: its span of the clean
    text, full-width digits and letters half-width (the same length, so the offsets hold)."""
    return text[start:end].translate(_HALFWIDTH)


def _quoted(span: Sequence[Any], text_of: Callable[[str | None], str | None]) -> str | None:
    """The sentence (document id, start, end) names in a saved text; None when it names none."""
    document_id, start, end = span
    if not (isinstance(start, int) and isinstance(end, int)):
        return None
    text = text_of(document_id)
    return sentence_at(text, start, end) if text is not None else None


def _quoting(value: Any, text_of: Callable[[str | None], str | None]) -> Any:
    """A result value whose relationships have their evidence sentence, read from the saved text
    of their `doc` by its offsets (which are dropped), inside paths, lists and maps too."""
    if isinstance(value, GraphRelationship):
        props = value.properties
        if RELATIONSHIP_SPAN[0] not in props:
            return value
        kept = {k: v for k, v in props.items() if k not in RELATIONSHIP_SPAN}
        if kept.get("evidence") is None:
            span = [props.get("doc"), *(props[k] for k in RELATIONSHIP_SPAN)]
            kept["evidence"] = _quoted(span, text_of)
        return replace(value, properties=kept)
    if isinstance(value, GraphPath):
        rels = tuple(_quoting(r, text_of) for r in value.relationships)
        return replace(value, relationships=rels)
    if isinstance(value, list | tuple):
        return type(value)(_quoting(v, text_of) for v in value)
    if isinstance(value, dict):
        return {k: _quoting(v, text_of) for k, v in value.items()}
    return value


def with_sentences(result: QueryResult, text_of: Callable[[str | None], str | None]) -> QueryResult:
    """A query result without its span columns, `evidence` read from the saved texts where the
    graph gave none (a graph loaded before this contract still has the sentence itself); its
    relationships (and those of its paths) with their evidence sentence read likewise."""
    quoting = tuple(tuple(_quoting(v, text_of) for v in row) for row in result.rows)
    if quoting != result.rows:
        result = replace(result, rows=quoting)
    if not set(SPAN_COLUMNS) <= set(result.columns) or "evidence" not in result.columns:
        return result
    spans = [result.columns.index(c) for c in SPAN_COLUMNS]
    at = result.columns.index("evidence")
    kept = [i for i, c in enumerate(result.columns) if c not in SPAN_COLUMNS]
    rows = []
    for row in result.rows:
        values = list(row)
        if values[at] is None:
            values[at] = _quoted([row[i] for i in spans], text_of)
        rows.append(tuple(values[i] for i in kept))
    return replace(result, columns=tuple(result.columns[i] for i in kept), rows=tuple(rows))
