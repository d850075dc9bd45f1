"""Files in, parsed documents out: clean text, metadata and a section tree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from policykg.loaders import native

# Before any submodule is imported: the compiled loaders, when built for these sources.
__path__ = native.extend_path(__path__, __name__)

# First: seeds re's cache before the modules below compile their patterns.
import policykg.loaders.regex_cache  # noqa: F401
from policykg.errors import LoadError
from policykg.loaders import metadata as meta
from policykg.loaders.clean import clean
from policykg.loaders.companions import attachment_title_span, split_attachment
from policykg.loaders.document import Metadata, Offsets, ParsedDocument, Section
from policykg.loaders.formats import Extracted, read
from policykg.loaders.spans import Span, join_lines
from policykg.loaders.structure import sections

__all__ = ["Metadata", "ParsedDocument", "Section", "parse", "parse_extracted"]

# Header fields that describe the web page (the cover letter), not its attachment; the
# attachment takes its dates from the letter (the letter's 落款 dates both).
_PAGE_ONLY = frozenset({"名称", "标题", "文号", "有效性", *meta.DATE_FIELDS})


def parse(path: str | Path) -> ParsedDocument:
    """Read one file into a ParsedDocument, or raise LoadError naming the file and the problem."""
    path = Path(path)
    return parse_extracted(read(path), str(path))


def parse_extracted(extracted: Extracted, source: str) -> ParsedDocument:
    """Clean, describe and structure text already read from a file."""
    cleaned = clean(extracted.text)
    paragraphs = list(cleaned.paragraphs)
    if not paragraphs:
        raise LoadError(
            f"{source}: no document text found (only page furniture or blank)",
            hint="check that the file holds the document itself",
        )
    fallback = cleaned.file_titles[0] if cleaned.file_titles else Path(source).stem
    base = {"source": source, "format": extracted.format, "encoding": extracted.encoding,
            "original_text": extracted.text}  # fmt: skip
    cut = split_attachment(paragraphs)
    if cut is None:
        return _document(paragraphs, cleaned.header, fallback, base)
    letter = _document(paragraphs[:cut], cleaned.header, fallback, base)
    title = attachment_title_span(paragraphs[cut])
    attached = ([title] if title else []) + paragraphs[cut + 1 :]
    inherited = [(name, value) for name, value in cleaned.header if name not in _PAGE_ONLY]
    main = _document(attached, inherited, fallback, base)
    publisher = meta.header_issuer(inherited)
    issuer = main.metadata.issuer
    if issuer is None or (issuer == publisher and letter.metadata.issuer != publisher):
        issuer = letter.metadata.issuer  # the letter found the page a repost: its issuer signs
    main_meta = replace(
        main.metadata,
        issuer=issuer,
        date=main.metadata.date or letter.metadata.date,
        dates={**letter.metadata.dates, **main.metadata.dates},
    )
    return replace(
        main,
        metadata=main_meta,
        companions=(replace(letter, companion_role="cover-letter"),),
    )


def _document(
    paragraphs: Sequence[Span], header: Sequence[tuple[str, str]], fallback: str, base: dict
) -> ParsedDocument:
    texts = [p.text for p in paragraphs]
    found = meta.title_lines(texts)
    title_at = range(*found) if found else range(0)
    title = "".join(texts[i] for i in title_at) or None
    metadata = meta.build(header, texts, title or fallback)
    joined = join_lines(paragraphs)
    starts: list[int] = []
    position = 0
    for index, text in enumerate(texts):
        if index not in title_at:
            starts.append(position)
        position += len(text) + 1
    return ParsedDocument(
        text=joined.text,
        metadata=metadata,
        sections=sections(joined.text, starts),
        offsets=Offsets.of(joined.offsets),
        **base,
    )
