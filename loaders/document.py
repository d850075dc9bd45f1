"""The one thing extraction consumes: a parsed document with clean text, metadata and sections."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import sub
from typing import overload


class Offsets(Sequence[int]):
    """Original offsets of clean characters, kept as runs of consecutive offsets.

    A clean character's offset is one int, but a document's text is a few hundred runs (one
    per line, less what cleaning cut), and a tuple of an int per character was built, glued
    and freed again for each line joined. Indexing, slicing, iteration and equality are a
    tuple's.
    """

    __slots__ = ("_at", "_length", "_origin")

    def __init__(self, at: Sequence[int] = (), origin: Sequence[int] = (), length: int = 0):
        self._at = tuple(at)  # clean index of each run's first character; ascending
        self._origin = tuple(origin)  # original offset of each run's first character
        self._length = length

    @classmethod
    def of(cls, values: Sequence[int]) -> Offsets:
        """values as Offsets: values itself when it is one."""
        return values if type(values) is Offsets else cls.join([values])

    @classmethod
    def join(cls, pieces: Iterable[Sequence[int]]) -> Offsets:
        """The offsets of pieces laid end to end (ranges and Offsets keep their runs)."""
        at: list[int] = []
        origin: list[int] = []
        position = 0
        follows: int | None = None  # the offset that would carry on the last run
        for piece in pieces:
            # type() tests, not isinstance: an isinstance test against a Sequence ABC goes
            # through ABCMeta.__instancecheck__, a Python call per piece.
            runs: Iterable[tuple[int, int]]
            if type(piece) is range and piece.step == 1:
                runs = ((piece.start, len(piece)),)
            elif type(piece) is Offsets:
                runs = piece.runs()
            else:
                runs = zip(piece, repeat(1))
            for run_origin, run_length in runs:
                if not run_length:
                    continue
                # A run that carries on the one before is part of it: one form per value.
                if run_origin != follows:
                    at.append(position)
                    origin.append(run_origin)
                position += run_length
                follows = run_origin + run_length
        return cls(at, origin, position)

    def runs(self) -> Iterator[tuple[int, int]]:
        """(original offset, length) of each run of consecutive offsets, in order."""
        ends = chain(self._at[1:], (self._length,))
        return zip(self._origin, map(sub, ends, self._at), strict=True)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Offsets: ...
    def __getitem__(self, index: int | slice) -> int | Offsets:
        if isinstance(index, slice):
            return self._slice(index)
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("Offsets index out of range")
        run = bisect_right(self._at, index) - 1
        return self._origin[run] + index - self._at[run]

    def _slice(self, index: slice) -> Offsets:
        begin, end, step = index.indices(self._length)
        if step != 1:
            return Offsets.join([tuple(self)[index]])
        if begin >= end:
            return Offsets()
        first = bisect_right(self._at, begin) - 1
        last = bisect_right(self._at, end - 1)
        at = [max(a, begin) - begin for a in self._at[first:last]]
        origin = list(self._origin[first:last])
        origin[0] += begin - self._at[first]
        return Offsets(at, origin, end - begin)

    def __iter__(self) -> Iterator[int]:
        return chain.from_iterable(range(o, o + n) for o, n in self.runs())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return (self._length, self._at, self._origin) == (
                other._length,
                other._at,
                other._origin,
            )
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))  # equal to a tuple of the same values, so hashed as one

    def __repr__(self) -> str:
        return f"Offsets({list(self.runs())!r})"

    def __reduce__(self) -> tuple[type[Offsets], tuple[tuple[int, ...], tuple[int, ...], int]]:
        return (Offsets, (self._at, self._origin, self._length))


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
    offsets: Offsets = field(default_factory=Offsets)
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
