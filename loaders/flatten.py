"""Undo hard wrapping: Word/PDF text flattened into one line, or lines broken mid-sentence.

A flattened export prints each physical line of the page separated by a space
(`… 县 城新型城镇化 …`) and page numbers between them (`… 打 造"界首样本"。 1 (二)工作原则`).
We split such text back into physical lines, drop the page numbers (the run 1, 2, 3 … that
counts up through the text), then re-join lines into paragraphs by their width: a line
shorter than the page width ends its paragraph when it ends a sentence or is a heading.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from policykg.loaders.document import Offsets
from policykg.loaders.spans import Span, glue
from policykg.loaders.structure import match_heading

_WIDE = r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f“”‘’]"
_CJK_GAP = re.compile(rf"{_WIDE}[ \u3000]+{_WIDE}")
_CHUNK = re.compile(r"[^ \t\u3000\xa0]+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9%.+\-/:]")
_ASCII_WORD_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%.+-/:"
)
_PAGE = re.compile(r"\d{1,3}")
# What a real number is followed by (15 分钟, 3 年, 92 张); page numbers are not.
_UNIT = re.compile(
    r"[年月日号个万亿元家张人项所座条米吨度倍小分秒岁户辆套台千百亩公平多余km%‰亿天周次届期批类件级层]"
)
# How a line that ends its sentence ends: [。！？；：:!?;][”’」』)）]*$|[)）]$
_FINAL_MARKS = "。！？；：:!?;"
_CLOSERS = "”’」』)）"
_INNER_PUNCT = re.compile(r"[。，,；;！？]")
_LOOKBACK = 60
# The widest page and fewest lines that are hard-wrapped text.
_WRAP_WIDTH = 60
_WRAP_LINES = 6


def paragraphs(kept: Sequence[Span]) -> list[Span]:
    """Paragraphs from clean lines: flattened lines split, page numbers dropped, wraps re-joined."""
    physical: list[Span] = []
    flattened = False
    for line in kept:
        if len(line.text) > 400 and _looks_flattened(line.text):
            physical.extend(_physical_lines(line))
            flattened = True
        else:
            physical.append(line)
    if not flattened and _too_wide_to_wrap(physical):
        return list(physical)
    width = _page_width(physical)
    if not (flattened or _looks_wrapped(physical, width)):
        return list(physical)
    return _rejoin(physical, width)


def _ends_sentence(text: str) -> bool:
    """A sentence mark and closing quotes or brackets end the text, or
    a closing bracket does ($ also before a final line break)."""
    # From the end with str methods: the pattern (above), opening on a set, was tried at
    # every offset.
    if _ends_on_final(text):
        return True
    return text.endswith("\n") and _ends_on_final(text[:-1])


def _ends_on_final(text: str) -> bool:
    """Its last characters are a sentence mark and closers, or a closing bracket."""
    if text.endswith((")", "）")):
        return True
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _FINAL_MARKS


def _looks_flattened(text: str) -> bool:
    """Over one gap in 100 characters is a space between two wide characters."""
    # The `in` tests first: a gap holds a space, and few long lines hold one; findall tested
    # every character of the others against a set.
    if " " not in text and "\u3000" not in text:
        return False
    return len(_CJK_GAP.findall(text)) > len(text) / 100


def _width(text: str) -> float:
    """Display width in Chinese characters: ASCII counts half."""
    ascii_count = len(text.encode("ascii", "ignore"))
    return len(text) - ascii_count / 2


def _page_width(physical: Sequence[Span]) -> float:
    widths = sorted(_width(s.text) for s in physical if len(s.text) >= 5)
    if not widths:
        return 0.0
    return widths[int(len(widths) * 0.8)]


def _too_wide_to_wrap(physical: Sequence[Span]) -> bool:
    """Too few lines for _looks_wrapped, or a page width over _WRAP_WIDTH, told by lengths
    alone: a line's width is at least half its length, so the page width is at least half
    the same percentile of lengths. Most pages are, and their widths are not computed."""
    if len(physical) < _WRAP_LINES:
        return True
    lengths = sorted(len(s.text) for s in physical if len(s.text) >= 5)
    return not lengths or lengths[int(len(lengths) * 0.8)] / 2 > _WRAP_WIDTH


def _looks_wrapped(physical: Sequence[Span], width: float) -> bool:
    """Hard-wrapped text: most lines are about the page width and stop mid-sentence."""
    if width == 0 or width > _WRAP_WIDTH or len(physical) < _WRAP_LINES:
        return False
    full = [s for s in physical if _width(s.text) >= width - 2]
    unfinished = sum(1 for s in full if not _ends_sentence(s.text))
    return unfinished >= 0.3 * len(physical)


def _physical_lines(line: Span) -> list[Span]:
    """Split one flattened line at its spaces, drop page numbers, glue non-break spaces."""
    text, offsets = line.text, line.offsets
    bounds = [(m.start(), m.end()) for m in _CHUNK.finditer(text)]
    words = [text[a:b] for a, b in bounds]
    pages = _page_numbers(words)
    out: list[Span] = []
    pieces: list[str] = []
    offs: list[Sequence[int]] = []
    prev, prev_end = "", 0
    for index, (begin, end) in enumerate(bounds):
        if index in pages:
            continue
        word = words[index]
        if pieces:
            if _is_line_break(prev, word):
                out.append(_span(pieces, offs))
                pieces, offs = [], []
            elif _ascii_alnum(prev[-1]) and _ascii_alnum(word[0]):
                # PPP 模式 → PPP模式, but two ASCII words keep their space.
                pieces.append(" ")
                offs.append((offsets[prev_end],))
        pieces.append(word)
        offs.append(offsets[begin:end])
        prev, prev_end = word, end
    if pieces:
        out.append(_span(pieces, offs))
    return out


def _span(pieces: list[str], offs: list[Sequence[int]]) -> Span:
    if len(offs) == 1:
        return Span(pieces[0], offs[0])
    return Span("".join(pieces), Offsets.join(offs))


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_line_break(before: str, after: str) -> bool:
    """A space between two non-ASCII characters is where the page wrapped; so is one before 1.…"""
    if before[-1] in _ASCII_WORD_CHARS:
        return False
    return after[0] not in _ASCII_WORD_CHARS or bool(match_heading(after))


def _glue_words(chunks: list[Span]) -> Span:
    """Physical lines of one paragraph, glued; a space only between two ASCII words."""
    seps = []
    for left, right in itertools.pairwise(chunks):
        keep = _ascii_alnum(left.text[-1]) and _ascii_alnum(right.text[0])
        seps.append((" " if keep else "", left.offsets[-1] + 1))
    return glue(chunks, seps)


def _page_numbers(chunks: Sequence[str]) -> set[int]:
    """Indexes of chunks that are page numbers: the longest run n, n+1, … in reading order."""
    candidates = [
        (i, int(c)) for i, c in enumerate(chunks)
        if _PAGE.fullmatch(c)
        and not (i + 1 < len(chunks) and _UNIT.match(chunks[i + 1]))
        and not (i > 0 and _ASCII_WORD.match(chunks[i - 1][-1]))
    ]  # fmt: skip
    # best[k] = (length of the best run ending at candidate k, previous candidate in it).
    # A run may skip up to two values: a page number glued to a table cell is not seen.
    best: list[tuple[int, int]] = []
    for k, (_, value) in enumerate(candidates):
        link = (1, -1)
        for j in range(k - 1, max(-1, k - _LOOKBACK), -1):
            if 1 <= value - candidates[j][1] <= 3 and best[j][0] + 1 > link[0]:
                link = (best[j][0] + 1, j)
        best.append(link)
    if not best:
        return set()
    k = max(range(len(best)), key=lambda j: (best[j][0], j))
    if best[k][0] < 3:
        return set()
    found: set[int] = set()
    while k >= 0:
        found.add(candidates[k][0])
        k = best[k][1]
    return found


def _heading_only(text: str) -> bool:
    """A short line that is a numbered heading with no sentence in it: (一)指导思想."""
    return bool(match_heading(text)) and len(text) <= 40 and not _INNER_PUNCT.search(text)


def _rejoin(physical: Sequence[Span], width: float) -> list[Span]:
    lines = [_Line(s.text, width) for s in physical]
    out: list[Span] = []
    current: list[Span] = []
    first = 0  # index in lines of current[0]
    for index, line in enumerate(lines):
        # The paragraph so far as (first, last, count), not a slice: a flattened file of one
        # 1 MB line is 40,000 physical lines in one paragraph, and slicing made that quadratic.
        if current and _ends_paragraph(lines[first], lines[index - 1], index - first, line):
            out.append(_glue_words(current))
            current, first = [], index
        current.append(physical[index])
    if current:
        out.append(_glue_words(current))
    return out


class _Line:
    """What the re-join decision needs to know about one physical line, computed once."""

    __slots__ = ("ends_sentence", "heading", "heading_only", "punctuated", "short", "text")

    def __init__(self, text: str, width: float) -> None:
        self.text = text
        self.short = _width(text) < width - 2
        self.ends_sentence = _ends_sentence(text)
        self.heading = bool(match_heading(text))
        self.punctuated = bool(_INNER_PUNCT.search(text))
        self.heading_only = self.heading and len(text) <= 40 and not self.punctuated


def _ends_paragraph(first: _Line, last: _Line, count: int, nxt: _Line) -> bool:
    """Does the paragraph of count lines from first to last end before nxt?"""
    if count == 1 and last.heading_only:
        return True
    if count == 2 and _heading_only(first.text + last.text):
        return True
    if nxt.heading and last.ends_sentence:
        return True
    if nxt.heading_only and nxt.short:
        return True
    if last.short and last.ends_sentence:
        return True
    # A short first line with no punctuation at all is a title or heading line.
    return last.short and count == 1 and not last.punctuated
