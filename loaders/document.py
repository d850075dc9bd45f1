"""The one thing extraction consumes: a parsed document with clean text, metadata and sections."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Metadata:
    """What the document says about itself (政府信息公开 header, title line, 落款)."""

    title: str | None = None
    doc_number: str | None = None  # 文号, normalised: 〔YYYY〕, half-width digits
    issuer: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD: 发文/成文 date, else 发布 date
    dates: dict[str, str] = field(default_factory=dict)  # every date seen, by its header name
    kind: str | None = None  # 意见, 实施方案, 规划, 纲要, 通知 …
    status: str | None = None  # 有效, 失效, 征求意见稿 …
    subject: str | None = None  # 主题分类
    index_number: str | None = None  # 索引号
    extra: dict[str, str] = field(default_factory=dict)  # other header fields, verbatim


@dataclass(frozen=True)
class Section:
    """A heading and its body in the document's structure."""

    number: str  # as printed, without trailing punctuation: 一, (一), 14, 第一章
    title: str
    text: str  # the section's own text including its children
    start: int  # clean-text offsets [start, end)
    end: int
    depth: int  # 1 for top-level headings
    children: tuple[Section, ...] = ()

    def walk(self) -> tuple[Section, ...]:
        """This section and all sections below it, in document order."""
        out: list[Section] = [self]
        for child in self.children:
            out.extend(child.walk())
        return tuple(out)


@dataclass(frozen=True)
class ParsedDocument:
    """A policy document read from one file."""

    source: str  # path or URL it was read from
    format: str  # txt, html, docx, pdf
    encoding: str | None  # detected text encoding, None for binary formats
    text: str  # clean text: no navigation, widgets or page numbers
    metadata: Metadata
    sections: tuple[Section, ...] = ()
    # offsets[i] is the position in the original (decoded) text of clean character i.
    offsets: tuple[int, ...] = ()
    # Documents that came with this one: a cover letter whose attachment is this document.
    companions: tuple[ParsedDocument, ...] = ()
    companion_role: str | None = None  # e.g. "cover-letter" on a companion
    # The text the offsets point into: the decoded file (txt) or the text read from html/docx/pdf.
    original_text: str = field(default="", repr=False)

    def documents(self) -> tuple[ParsedDocument, ...]:
        """This document and the ones that came with it, main document first."""
        return (self, *self.companions)

    def all_sections(self) -> tuple[Section, ...]:
        """Every section in document order, depth first."""
        out: list[Section] = []
        for section in self.sections:
            out.extend(section.walk())
        return tuple(out)
