"""Per-file bounds on what a loader reads, so one hostile or broken file cannot exhaust memory.

A docx is a zip: 2.5 MB of it can unpack to gigabytes of XML. Every bound here is checked
before (or while) the expensive step, and breaking one is a LoadError naming the file and
the bound; the run goes on with the other files.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from policykg.errors import LoadError

_SPLIT = "split it into smaller files, or load only the parts you need"


@dataclass(frozen=True)
class Limits:
    """How much one file may hold. The largest real policy documents (a 14th five-year plan
    of 300 pages) stay far below every bound."""

    file_bytes: int = 256 * 2**20  # the file as stored (PDFs with images are the largest)
    markup_bytes: int = 64 * 2**20  # XML inside a docx, unpacked; a web page as read
    unpacked_bytes: int = 512 * 2**20  # everything inside a docx, unpacked (images too)
    pages: int = 5000  # PDF pages
    paragraphs: int = 200_000  # lines of text read from one file
    text_chars: int = 20_000_000  # characters of text read from one file


LIMITS = Limits()


def _size(count: int) -> str:
    return f"{count / 2**20:.0f} MB" if count >= 2**20 else f"{count} bytes"


def check_file_size(path: object, size: int, limits: Limits = LIMITS) -> None:
    """The stored file is not larger than any document we read."""
    if size > limits.file_bytes:
        raise LoadError(
            f"{path}: the file is {_size(size)}, over the limit of {_size(limits.file_bytes)} "
            "per file",
            hint=_SPLIT,
        )


def check_markup_size(path: object, size: int, limits: Limits = LIMITS) -> None:
    """A web page is not larger than the markup bound."""
    if size > limits.markup_bytes:
        raise LoadError(
            f"{path}: the web page is {_size(size)}, over the limit of "
            f"{_size(limits.markup_bytes)} of markup per file",
            hint=_SPLIT,
        )


def check_package(path: object, archive: zipfile.ZipFile, limits: Limits = LIMITS) -> None:
    """A docx package's declared unpacked sizes (zipfile never unpacks more than declared)."""
    entries = archive.infolist()
    markup = sum(i.file_size for i in entries if i.filename.endswith((".xml", ".rels")))
    total = sum(i.file_size for i in entries)
    if markup > limits.markup_bytes:
        raise LoadError(
            f"{path}: the .docx unpacks to {_size(markup)} of XML, over the limit of "
            f"{_size(limits.markup_bytes)} per file",
            hint=_SPLIT,
        )
    if total > limits.unpacked_bytes:
        raise LoadError(
            f"{path}: the .docx unpacks to {_size(total)}, over the limit of "
            f"{_size(limits.unpacked_bytes)} per file",
            hint="remove or compress its images, or " + _SPLIT,
        )


class TextBudget:
    """Counts paragraphs and characters as a reader produces them; raises past a bound."""

    def __init__(self, path: object, limits: Limits = LIMITS) -> None:
        self.path = path
        self.limits = limits
        self.paragraphs = 0
        self.chars = 0

    def add(self, text: str, paragraphs: int = 1) -> None:
        """Account for text holding this many paragraphs."""
        self.paragraphs += paragraphs
        self.chars += len(text)
        if self.paragraphs > self.limits.paragraphs:
            raise LoadError(
                f"{self.path}: more than {self.limits.paragraphs} paragraphs, the limit per file",
                hint=_SPLIT,
            )
        if self.chars > self.limits.text_chars:
            raise LoadError(
                f"{self.path}: more than {self.limits.text_chars} characters of text, "
                "the limit per file",
                hint=_SPLIT,
            )

    def add_lines(self, text: str) -> None:
        """Account for text whose paragraphs are its lines."""
        self.add(text, text.count("\n") + 1)

    def check_pages(self, pages: int) -> None:
        """A PDF has no more pages than the bound."""
        if pages > self.limits.pages:
            raise LoadError(
                f"{self.path}: {pages} pages, over the limit of {self.limits.pages} per file",
                hint=_SPLIT,
            )
