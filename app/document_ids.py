"""The id a loaded document takes when another loaded document already carries its 文号.

A document's id is its 文号 (loaders/extract/ids.py), so that a citation by 文号 and the
document share one node. Two different files can carry the same 文号 (a mis-numbered
document, a reprint under another title): the first one loaded keeps the 文号 id, and
citations by 文号 reach it; a later one with another title from another file takes
`second_document_id` (文号@title), so both stay whole and `policykg check`
(doc_numbers_unique) names the pair. A file loaded again (same source) or a copy of the same
document under another path (same title) replaces the document it was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from policykg.graph.statements import statement
from policykg.graph.store import Store
from policykg.loaders.docnumber import normalize_title
from policykg.loaders.extract.ids import document_id, second_document_id


@dataclass(frozen=True)
class NumberedDocument:
    """A loaded document with a 文号: its id and what tells it from another with that 文号."""

    id: str
    doc_number: str
    title_key: str | None
    source: str | None


@dataclass(frozen=True)
class IncomingDocument:
    """A document about to be written: the id extraction gave it, its 文号 and title."""

    id: str
    doc_number: str | None
    title: str | None


class DocumentIds:
    """The loaded documents of each 文号, kept up to date as a load assigns ids."""

    def __init__(self, loaded: Iterable[NumberedDocument] = ()) -> None:
        self._by_number: dict[str, list[NumberedDocument]] = defaultdict(list)
        for document in loaded:
            self._by_number[document.doc_number].append(document)

    @classmethod
    def read(cls, store: Store) -> DocumentIds:
        """The documents with a 文号 the store holds (one read per load)."""
        rows = store.read(statement("numbered_documents")).records()
        documents = (
            NumberedDocument(str(r["id"]), str(r["doc_number"]), r["title_key"], r["source"])
            for r in rows
        )
        # A document loaded without a 文号 that got one from a merged stub keeps its title id.
        return cls(d for d in documents if _holds_number_id(d))

    def assign(self, source: str, documents: Sequence[IncomingDocument]) -> dict[str, str]:
        """The ids the documents of one file take, for those whose id must change."""
        renamed = {}
        for document in documents:
            if document.doc_number is None:
                continue  # a title id: not this module's case
            doc_id = self._take(document.doc_number, document.title, source)
            if doc_id != document.id:
                renamed[document.id] = doc_id
        return renamed

    def _take(self, doc_number: str, title: str | None, source: str) -> str:
        known = self._by_number[doc_number]
        key = normalize_title(title) if title else None
        found = next((d for d in known if d.source == source), None) or next(
            (d for d in known if key is not None and d.title_key == key), None
        )
        if found is not None:
            doc_id = found.id
            known.remove(found)  # a moved file: remember where it now comes from
        elif any(d.id == document_id(doc_number, None) for d in known):
            doc_id = second_document_id(doc_number, title)
        else:
            doc_id = document_id(doc_number, None)
        known.append(NumberedDocument(doc_id, doc_number, key, source))
        return doc_id


def _holds_number_id(document: NumberedDocument) -> bool:
    number_id = document_id(document.doc_number, None)
    return document.id == number_id or document.id.startswith(f"{number_id}@")
