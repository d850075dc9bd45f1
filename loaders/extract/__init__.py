"""Entities and relations, each with evidence, from a parsed document.

Rule-based and offline: compiled regular expressions and Aho-Corasick automata built once
per process; each extractor adds its nodes and relationships to one Builder.
"""

from __future__ import annotations

from policykg.loaders import native

__path__ = native.extend_path(__path__, __name__)  # see policykg.loaders

from policykg.errors import ExtractError
from policykg.loaders import regex_cache
from policykg.loaders.document import ParsedDocument
from policykg.loaders.extract.builder import Builder
from policykg.loaders.extract.context import build_context
from policykg.loaders.extract.documents import cite, own_document
from policykg.loaders.extract.ids import document_id
from policykg.loaders.extract.industries import industries
from policykg.loaders.extract.parks import find_parks
from policykg.loaders.extract.places import places
from policykg.loaders.extract.responsibilities import issued_by, responsibilities
from policykg.loaders.extract.targets import targets
from policykg.ontology import Extraction

__all__ = ["document_id", "extract"]

regex_cache.save_new()  # every loader and extractor has compiled its patterns by now


def extract(doc: ParsedDocument, doc_id: str | None = None) -> Extraction:
    """Everything `load` writes for one document; ExtractError names the file on failure.

    doc_id replaces the id the document's 文号 or title gives (app/document_ids.py: a second
    document with a 文号 another document holds).
    """
    try:
        return _extract(doc, doc_id)
    except (KeyError, IndexError, ValueError, TypeError) as exc:
        # A pattern meeting text it was not written for must not stop a whole load.
        raise ExtractError(f"{doc.source}: extraction failed ({exc!r})") from exc


def _extract(doc: ParsedDocument, doc_id: str | None) -> Extraction:
    meta = doc.metadata
    doc_id = doc_id or document_id(meta.doc_number, meta.title)
    ctx = build_context(doc, doc_id)
    b = Builder(doc_id)
    node = own_document(ctx, b)
    cite(ctx, b, node)
    parks = find_parks(ctx.text, ctx.region, ctx.province, ctx.region_spans)
    places(ctx, b, node, parks)
    issued_by(ctx, b, node, parks)
    responsibilities(ctx, b, node, parks)
    targets(ctx, b, node, parks)
    industries(ctx, b, node)
    # The writer validates every record against the ontology before it writes.
    return Extraction(doc_id, tuple(b.nodes.values()), tuple(b.rels.values()))
