"""Bytes to text, one reader per format: txt/md, html, docx, pdf (text layer)."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from policykg.errors import LoadError
from policykg.loaders.limits import (
    TextBudget,
    check_file_size,
    check_markup_size,
    check_package,
)
from policykg.loaders.record import csv_record_text
from policykg.loaders.table_line import table_line
from policykg.loaders.text import decode

# Files we recognise by their first bytes, whatever their name says: what they are, what to do.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\xd0\xcf\x11\xe0", "a legacy Word/Excel (.doc/.xls, OLE2) file",
     "open it in Word or LibreOffice and save it as .docx"),
    (b"\x89PNG", "a PNG image", "run OCR on it and save the text as .txt"),
    (b"\xff\xd8\xff", "a JPEG image", "run OCR on it and save the text as .txt"),
    (b"GIF8", "a GIF image", "run OCR on it and save the text as .txt"),
    (b"II*\x00", "a TIFF image", "run OCR on it and save the text as .txt"),
    (b"MM\x00*", "a TIFF image", "run OCR on it and save the text as .txt"),
    (b"BM", "a BMP image", "run OCR on it and save the text as .txt"),
    (b"Rar!", "a RAR archive", "unpack it and load the documents inside"),
    (b"7z\xbc\xaf", "a 7z archive", "unpack it and load the documents inside"),
    (b"\x1f\x8b", "a gzip archive", "unpack it and load the documents inside"),
    (b"{\\rtf", "an RTF file", "save it as .docx"),
)  # fmt: skip
_WPS_SUFFIXES = frozenset({".doc", ".wps", ".xls", ".ppt", ".et", ".dps"})


@dataclass(frozen=True)
class Extracted:
    """A file's text before cleaning, with the format and encoding it was read as."""

    text: str
    format: str  # txt, html, docx, pdf
    encoding: str | None  # text encoding for txt/html; None for binary formats


def read(path: Path) -> Extracted:
    """Read any supported file into text, or raise LoadError saying what it is and what to do."""
    try:
        check_file_size(path, path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror})") from exc
    return read_bytes(data, path)


def read_bytes(data: bytes, path: Path) -> Extracted:
    """Dispatch on content first (a .txt that is really a PDF is read as a PDF), then suffix.

    Every reader stays within the per-file bounds of loaders.limits.
    """
    check_file_size(path, len(data))
    suffix = path.suffix.lower()
    head = data[:8]
    for magic, what, hint in _MAGIC:
        if head.startswith(magic):
            raise LoadError(f"{path}: this is {what}, not a readable document", hint=hint)
    if head.startswith(b"%PDF"):
        return _read_pdf(data, path)
    if head.startswith(b"PK\x03\x04"):
        return _read_zip(data, path)
    if suffix in _WPS_SUFFIXES:
        raise LoadError(f"{path}: {suffix} files are not supported", hint="save it as .docx")
    if suffix in (".docx", ".pdf"):
        raise LoadError(f"{path}: not a valid {suffix} file (damaged or mislabelled)")
    reader: Callable[[bytes, Path], Extracted] = (
        _read_html if suffix in (".html", ".htm", ".xhtml") else _read_txt
    )
    extracted = reader(data, path)
    TextBudget(path).add_lines(extracted.text)
    return extracted


def _read_txt(data: bytes, path: Path) -> Extracted:
    text, encoding = decode(data, str(path))
    if suffix_is_markupish(text):
        return _read_html(data, path)
    return Extracted(csv_record_text(text), "txt", encoding)


def suffix_is_markupish(text: str) -> bool:
    """A .txt that is really a saved web page (starts with a doctype or <html>)."""
    start = text.lstrip()[:200].lower()
    return start.startswith("<!doctype html") or start.startswith("<html")


def _read_html(data: bytes, path: Path) -> Extracted:
    from policykg.loaders.web_page import article_text

    check_markup_size(path, len(data))
    text, encoding = decode(data, str(path))
    body = article_text(text)
    if not body.strip():
        raise LoadError(
            f"{path}: the web page has no text", hint="save the page again after it has loaded"
        )
    return Extracted(body, "html", encoding)


def _read_zip(data: bytes, path: Path) -> Extracted:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise LoadError(
            f"{path}: a damaged zip/docx file ({exc})", hint="open and save it again"
        ) from exc
    # Before anything unpacks: a zip bomb is refused by its declared sizes.
    check_package(path, archive)
    if "word/document.xml" in names:
        return _read_docx(data, path)
    if "content.xml" in names:
        raise LoadError(f"{path}: this is an OpenDocument file", hint="save it as .docx")
    raise LoadError(
        f"{path}: this is a zip archive, not a document",
        hint="unpack it and load the documents inside",
    )


def _read_docx(data: bytes, path: Path) -> Extracted:
    import docx
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        budget = TextBudget(path)
        # Body order matters (tables sit between paragraphs), so walk the body's children.
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(_paragraph_text(block))
                budget.add(lines[-1])
            elif tag == "tbl":
                for row in block.iter(_W_TR):
                    cells = [
                        "".join(t.text or "" for t in cell.iter(_W_T)) for cell in row.iter(_W_TC)
                    ]
                    lines.append(table_line(c.strip() for c in cells))
                    budget.add(lines[-1])
    # A damaged package fails anywhere: zip directory, deflate stream, XML of a part. A
    # flipped flag bit asks zipfile for a compression it lacks (NotImplementedError); a cut
    # deflate stream ends early (EOFError).
    except (
        PythonDocxError,
        OpcError,
        KeyError,
        ValueError,
        zipfile.BadZipFile,
        OSError,
        EOFError,
        NotImplementedError,
        zlib.error,
        LxmlError,
    ) as exc:
        raise LoadError(
            f"{path}: a damaged .docx file ({exc})", hint="open and save it again"
        ) from exc
    text = "\n".join(lines)
    if not text.strip():
        raise LoadError(f"{path}: the .docx file has no text")
    return Extracted(text, "docx", None)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_T, _W_TR, _W_TC = _W + "t", _W + "tr", _W + "tc"
# Inside a paragraph: text runs, and the breaks and tabs between them.
_W_INLINE = {_W + "t": None, _W + "br": "\n", _W + "cr": "\n", _W + "tab": " "}


def _paragraph_text(block: object) -> str:
    parts = []
    for element in block.iter(*_W_INLINE):  # type: ignore[attr-defined]
        fixed = _W_INLINE[element.tag]
        parts.append(fixed if fixed is not None else element.text or "")
    return "".join(parts)


def _without_running_heads(pages: list[str]) -> list[str]:
    """Drop lines printed at the top or bottom of most pages (running heads, 文件 banners)."""
    if len(pages) < 3:
        return pages
    edges: dict[str, int] = {}
    split = [page.split("\n") for page in pages]
    for lines in split:
        stripped = [line.strip() for line in lines if line.strip()]
        for line in {*stripped[:2], *stripped[-2:]}:
            if len(line) <= 40:
                edges[line] = edges.get(line, 0) + 1
    running = {line for line, count in edges.items() if count >= max(3, len(pages) // 2)}
    if not running:
        return pages
    return ["\n".join(line for line in lines if line.strip() not in running) for lines in split]


def _read_pdf(data: bytes, path: Path) -> Extracted:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise LoadError(
            f"{path}: a damaged or encrypted PDF ({exc})", hint="open and save it again"
        ) from exc
    try:
        pages = []
        budget = TextBudget(path)
        budget.check_pages(len(pdf))
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
            budget.add_lines(pages[-1])
    except pdfium.PdfiumError as exc:
        raise LoadError(f"{path}: a damaged PDF ({exc})", hint="open and save it again") from exc
    finally:
        pdf.close()
    text = "\n".join(_without_running_heads(pages))
    if not text.strip():
        raise LoadError(
            f"{path}: this PDF has no text layer (a scan?)",
            hint="run OCR on it (e.g. ocrmypdf) or find a text version",
        )
    return Extracted(text, "pdf", None)
