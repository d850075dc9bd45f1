"""Full-text search over the document texts kept at load (a SQLite FTS5 index beside them).

Chinese has no spaces between words, so the index uses FTS5's trigram tokenizer: any
substring of three or more characters is found through the index, and a shorter one (两字词
such as 养老) by a scan of the same table. The index lives in the texts directory and is
written after the texts, a group of documents per transaction, in a thread beside the load
(app/text_indexer.py): a load killed before leaves those documents unindexed until they are
loaded again, never half indexed.
"""

from __future__ import annotations

import sqlite3
import string
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from policykg.app.texts import StoredText

INDEX_FILE = "search.sqlite"
SNIPPET_CHARS = 40  # of context on each side of the first match
# SQLite's LIKE ignores the case of ASCII letters only; counting and snippets fold the same way
# (and keep every offset), so "gdp" counts and shows each "GDP" the search found.
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

# detail=none: no positions kept. A LIKE is answered from which rows hold every trigram of the
# words, then checked against the text, with the same rows; indexing takes ~20 % less CPU and
# the index half the disk (500 generated documents: 8.6 → 6.7 ms per document, 43 → 23 MB).
# An index written before with full detail keeps working as it is.
_SCHEMA = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5("
    "document_id UNINDEXED, title, text, tokenize = 'trigram', detail = none)"
)
# An FTS5 table finds rows by its words, not by an UNINDEXED column: deleting a document's
# old text by document_id scanned every row (70 ms per document at 5,000 documents, so a
# load grew quadratic). This table finds the row by key.
_ROWS_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS document_rows (document_id TEXT PRIMARY KEY, row INTEGER NOT NULL)"
)
_ROWS_VERSION = 1  # PRAGMA user_version once document_rows holds every indexed document


@dataclass(frozen=True)
class SearchHit:
    """One document whose title or text holds the words searched for."""

    document_id: str
    title: str
    matches: int  # occurrences in the text
    snippet: str  # the first occurrence with some text around it


@contextmanager
def open_index(directory: Path) -> Iterator[sqlite3.Connection]:
    """A connection to the index in directory, created (or upgraded) if need be."""
    directory.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(directory / INDEX_FILE, timeout=30)) as connection:
        # WAL: a commit appends the pages it wrote instead of copying the old ones to a
        # rollback journal first, and a search can read while a load writes. NORMAL: no fsync
        # per commit; a crash of the machine may lose the last commits, never the file's
        # integrity (a load killed before its commit leaves its documents unindexed anyway).
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute(_SCHEMA)
        connection.execute(_ROWS_SCHEMA)
        if connection.execute("PRAGMA user_version").fetchone()[0] < _ROWS_VERSION:
            with connection:  # an index written before document_rows existed
                connection.execute(
                    "INSERT OR REPLACE INTO document_rows SELECT document_id, rowid FROM texts"
                )
                connection.execute(f"PRAGMA user_version = {_ROWS_VERSION}")
        yield connection


def write_texts(connection: sqlite3.Connection, texts: list[tuple[StoredText, str]]) -> None:
    """Index (or re-index) documents' texts with their titles, in one transaction."""
    with connection:
        for text, title in texts:
            old = connection.execute(
                "SELECT row FROM document_rows WHERE document_id = ?", (text.document_id,)
            ).fetchone()
            if old is not None:
                connection.execute("DELETE FROM texts WHERE rowid = ?", old)
            row = connection.execute(
                "INSERT INTO texts (document_id, title, text) VALUES (?, ?, ?)",
                (text.document_id, title, text.text),
            ).lastrowid
            connection.execute(
                "INSERT OR REPLACE INTO document_rows (document_id, row) VALUES (?, ?)",
                (text.document_id, row),
            )


def index_texts(directory: Path, texts: list[tuple[StoredText, str]]) -> None:
    """Index (or re-index) documents' texts with their titles, one transaction."""
    if not texts:
        return
    with open_index(directory) as connection:
        write_texts(connection, texts)


def _occurrences(text: str, words: str) -> tuple[int, int]:
    """How often words occurs in text as LIKE matches it, and where first (-1: nowhere)."""
    folded, folded_words = text.translate(_ASCII_LOWER), words.translate(_ASCII_LOWER)
    return folded.count(folded_words), folded.find(folded_words)


def _snippet(text: str, words: str, at: int) -> str:
    if at < 0:
        return text[: 2 * SNIPPET_CHARS].replace("\n", " ")
    start, end = max(0, at - SNIPPET_CHARS), at + len(words) + SNIPPET_CHARS
    around = text[start:end].replace("\n", " ")
    return ("…" if start else "") + around + ("…" if end < len(text) else "")


def search(directory: Path, words: str, limit: int = 20) -> list[SearchHit]:
    """Documents whose title or text contains words (a literal substring), most matches first."""
    words = words.strip()
    if not words or not (directory / INDEX_FILE).exists():
        return []
    pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    with open_index(directory) as connection:
        rows = connection.execute(
            "SELECT document_id, title, text FROM texts "
            "WHERE title LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\'",
            (pattern, pattern),
        ).fetchall()
    hits = []
    for doc, title, text in rows:
        count, first = _occurrences(text, words)
        hits.append(SearchHit(doc, title, count, _snippet(text, words, first)))
    hits.sort(key=lambda hit: (-hit.matches, hit.title, hit.document_id))
    return hits[:limit]
