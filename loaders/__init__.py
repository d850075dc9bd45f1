"""Files in, parsed documents out: clean text, metadata and a section tree."""

from __future__ import annotations

from pathlib import Path

from loaders.docnumber import normalize_doc_number, title_status
from loaders.document import Metadata, ParsedDocument, Section
from loaders.text import read_text_file
from policykg.errors import LoadError

__all__ = ["Metadata", "ParsedDocument", "Section", "parse"]

TEXT_SUFFIXES = frozenset({".txt", ".md", ""})


def parse(path: str | Path) -> ParsedDocument:
    """Read one file into a ParsedDocument, or raise LoadError naming the file and the problem."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise LoadError(f"{path}: {suffix} files are not supported yet", hint="save it as .txt")
    raw, encoding = read_text_file(path)
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    title = lines[0] if lines else path.stem
    number = next((n for n in map(normalize_doc_number, lines[:5]) if n), None)
    text = "\n".join(lines)
    metadata = Metadata(title=title, doc_number=number, status=title_status(title))
    return ParsedDocument(str(path), "txt", encoding, text, metadata)
