"""Sentences and sections around a text offset: the evidence and the task of a match."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import accumulate

from policykg.loaders.document import Section

# Full-width digits, letters and brackets map one-to-one to half-width, so offsets survive.
# （）：；， stay: they are the ordinary Chinese punctuation of the text.
_HALFWIDTH = {
    chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c) not in "（）：；，"
} | {"\u3000": " "}
# [c][c]* rather than [c]+: a pattern opening on a character set is scanned for it in C (2x).
_FULLWIDTH_CLASS = "[" + re.escape("".join(_HALFWIDTH)) + "]"
_FULLWIDTH = re.compile(_FULLWIDTH_CLASS + _FULLWIDTH_CLASS + "*")
_SENTENCE_ENDS = "。！？!?"  # and the line break


def halfwidth(text: str) -> str:
    """Full-width ASCII to half-width, same length (so offsets still point into the original)."""
    # A substitution over the rare full-width runs is far faster than str.translate with a dict.
    return _FULLWIDTH.sub(lambda m: "".join(_HALFWIDTH[c] for c in m.group()), text)


def finds(text: str, word: str) -> list[int]:
    """Every offset of word in text, ascending (str.find: memchr for a single character)."""
    found: list[int] = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def starts_before(text: str, anchors: Mapping[str, tuple[int, ...]]) -> list[int]:
    """Offsets standing k characters before an anchor of text, for each anchor's ks, ascending."""
    starts: set[int] = set()
    for anchor, ks in anchors.items():
        found = finds(text, anchor)
        for k in ks:
            starts.update(map(k.__rsub__, found) if k else found)
    ordered = sorted(starts)
    return ordered[bisect_left(ordered, 0) :]  # none before the text


_CLAUSE_MARKS = "，,。；;：:\n"


def clause_span(text: str, lo: int, end: int, least: int = 1) -> tuple[int, int] | None:
    """The clause (no ，,。；;：: or line break) that text[lo:end] ends on, at least least
    characters: what [^，,。；;：:\n]{least,}$ finds searched there, a line break closing the
    span left out as $ reads it.

    str.rfind per mark: the pattern, opening on a negated set and closed by $, was tried at
    every offset and ran to the end from each (O(n²) in the span).
    """
    if end > lo and text[end - 1] == "\n":
        end -= 1
    start = max(lo, max([text.rfind(mark, lo, end) for mark in _CLAUSE_MARKS]) + 1)
    return (start, end) if end - start >= least else None


def last_mark(text: str, lo: int, end: int, marks: str) -> int:
    """Where [marks][^marks]*$ searched in text[lo:end] starts (-1 when it finds nothing): the
    last mark, before a line break that closes the span when \n is a mark ($ matches before it).

    str.rfind per mark: the pattern, opening on a set, was tried at every offset and ran to
    the end from each (O(n²) in the span).
    """
    stop = end - 1 if end > lo and text[end - 1] == "\n" and "\n" in marks else end
    found = max([text.rfind(mark, lo, stop) for mark in marks])  # a list: no generator
    return end - 1 if found < 0 and stop < end else found


def word_ends(words: Iterable[str], size: int = 2) -> dict[str, tuple[int, ...]]:
    """Each word's last size characters, with how far before them the word starts: the
    anchors (starts_before) of a pattern that opens on one of words. One character is found
    with memchr, two by str.find's ~5 steps a character: one, unless it is frequent."""
    found: dict[str, set[int]] = {}
    for word in words:
        found.setdefault(word[-size:], set()).add(len(word) - size)
    return {end: tuple(sorted(ks)) for end, ks in found.items()}


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for a pattern that can match at starts alone (ascending).

    A pattern opening on a character set is scanned for it at every character of the text
    (sre checks the set at each: 0.7 % of a run for one whole-text scan); a few words it must
    hold, found with str.find, say where it can start.
    """
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            yield match
            end = match.end()


# Not frozen, hashed as if it were (see Span): one is built per relationship's evidence.
@dataclass(unsafe_hash=True)
class Quote:
    """A sentence of the text and where it stands (trimmed): the evidence of a relationship,
    which the graph keeps as the offsets alone (readers take the words from the saved text)."""

    text: str
    start: int
    end: int

    def __init__(self, text: str, start: int, end: int) -> None:
        # Written out for mypyc, as Span's __init__ is.
        self.text = text
        self.start = start
        self.end = end


@dataclass(frozen=True)
class Sentences:
    """Sentence boundaries of one text, found once and looked up by bisection."""

    text: str
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Sentences:
        """Split a text at 。！？ and line breaks."""
        # str.replace and str.split find the marks with memchr: a pattern's character set was
        # checked at every character of every text (0.7 % of a run). The pieces' lengths plus
        # their marks, summed: the boundaries without a Python-level loop; the last piece
        # ends on no mark, so it is no sentence.
        marked = text
        for mark in _SENTENCE_ENDS:
            marked = marked.replace(mark, "\n")
        lengths = map(len, marked.split("\n")[:-1])
        return cls(text, tuple(accumulate(map((1).__add__, lengths))))

    def span(self, pos: int) -> tuple[int, int]:
        """[start, end) of the sentence holding offset pos."""
        i = bisect_right(self.ends, pos)
        start = self.ends[i - 1] if i else 0
        end = self.ends[i] if i < len(self.ends) else len(self.text)
        return start, end

    def trimmed_span(self, pos: int) -> tuple[int, int]:
        """[start, end) of the sentence holding offset pos, without its edge whitespace."""
        start, end = self.span(pos)
        raw = self.text[start:end]
        start += len(raw) - len(raw.lstrip())
        return start, max(start, end - (len(raw) - len(raw.rstrip())))

    def quote(self, pos: int) -> Quote:
        """The sentence holding offset pos, trimmed, with its offsets."""
        start, end = self.trimmed_span(pos)
        return Quote(self.text[start:end], start, end)


@dataclass(frozen=True)
class SectionIndex:
    """Sections in document order with their positions (1-based child path, e.g. 2.4.14)."""

    sections: tuple[Section, ...]
    starts: tuple[int, ...]
    paths: tuple[str, ...]
    heading_paths: tuple[str, ...]
    # Each path's index, built once: a cached_property is rebuilt on every call once mypyc
    # compiles the class (a native class has no __dict__ to cache it in).
    by_path: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, roots: tuple[Section, ...]) -> SectionIndex:
        """Flatten a section tree depth first, remembering where each section sits."""
        sections: list[Section] = []
        paths: list[str] = []
        headings: list[str] = []

        def walk(items: tuple[Section, ...], prefix: str, heading: str) -> None:
            for i, section in enumerate(items, 1):
                path = f"{prefix}.{i}" if prefix else str(i)
                label = f"{section.number} {section.title}".strip()
                full = f"{heading} > {label}" if heading else label
                sections.append(section)
                paths.append(path)
                headings.append(full)
                walk(section.children, path, full)

        walk(roots, "", "")
        by_path = {path: i for i, path in enumerate(paths)}
        return cls(
            tuple(sections), tuple(s.start for s in sections), tuple(paths), tuple(headings),
            by_path,
        )  # fmt: skip

    def deepest(self, pos: int) -> int | None:
        """Index of the deepest section holding offset pos, or None."""
        i = bisect_right(self.starts, pos) - 1
        while i >= 0:
            section = self.sections[i]
            if section.start <= pos < section.end:
                return i
            i -= 1
        return None

    def index_of(self, path: str) -> int:
        """Index of the section at a child path (2.4.14)."""
        return self.by_path[path]

    def root_start(self, pos: int) -> int:
        """Start of the top-level section holding pos (0 when none does)."""
        index = self.deepest(pos)
        if index is None:
            return 0
        root = self.paths[index].split(".")[0]
        return self.sections[self.paths.index(root)].start

    def within(self, start: int, end: int) -> range:
        """Indexes of sections starting inside [start, end)."""
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))
