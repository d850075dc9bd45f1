"""Entities and relations, each with evidence, from a parsed document."""

from __future__ import annotations

from loaders.docnumber import normalize_title
from loaders.document import ParsedDocument
from ontology import Extraction, NodeRecord, node_id

__all__ = ["document_id", "extract"]


def document_id(doc_number: str | None, title: str | None) -> str:
    """The Document id: its normalised 文号, else its normalised title."""
    if doc_number:
        return node_id("Document", doc_number)
    return node_id("Document", normalize_title(title or ""))


def extract(doc: ParsedDocument) -> Extraction:
    """Everything `load` writes for one document."""
    meta = doc.metadata
    doc_id = document_id(meta.doc_number, meta.title)
    properties = {
        "name": meta.title,
        "title": meta.title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "date": meta.date,
        "kind": meta.kind,
        "status": meta.status,
        "source": doc.source,
        "stub": False,
    }
    node = NodeRecord("Document", doc_id, {k: v for k, v in properties.items() if v is not None})
    return Extraction(doc_id, (node,), ())
