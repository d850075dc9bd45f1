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

from loaders.spans import Span, glue
from loaders.structure import HEADING

_WIDE = r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f“”‘’]"
_CJK_GAP = re.compile(rf"{_WIDE}[ \u3000]+{_WIDE}")
_CHUNK = re.compile(r"[^ \t\u3000\xa0]+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9%.+\-/:]")
_PAGE = re.compile(r"\d{1,3}")
# What a real number is followed by (15 分钟, 3 年, 92 张); page numbers are not.
_UNIT = re.compile(
    r"[年月日号个万亿元家张人项所座条米吨度倍小分秒岁户辆套台千百亩公平多余km%‰亿天周次届期批类件级层]"
)
_FINAL = re.compile(r"[。！？；：:!?;][”’」』)）]*$|[)）]$")
_INNER_PUNCT = re.compile(r"[。，,；;！？]")
_LOOKBACK = 60


def paragraphs(kept: Sequence[Span]) -> list[Span]:
    """Paragraphs from clean lines: flattened lines split, page numbers dropped, wraps re-joined."""
    physical: list[Span] = []
    flattened = False
    for line in kept:
        if len(line.text) > 400 and len(_CJK_GAP.findall(line.text)) > len(line.text) / 100:
            physical.extend(_physical_lines(line))
            flattened = True
        else:
            physical.append(line)
    width = _page_width(physical)
    if not (flattened or _looks_wrapped(physical, width)):
        return list(physical)
    return _rejoin(physical, width)


def _width(text: str) -> float:
    """Display width in Chinese characters: ASCII counts half."""
    ascii_count = len(text.encode("ascii", "ignore"))
    return len(text) - ascii_count / 2


def _page_width(physical: Sequence[Span]) -> float:
    widths = sorted(_width(s.text) for s in physical if len(s.text) >= 5)
    if not widths:
        return 0.0
    return widths[int(len(widths) * 0.8)]


def _looks_wrapped(physical: Sequence[Span], width: float) -> bool:
    """Hard-wrapped text: most lines are about the page width and stop mid-sentence."""
    if width == 0 or width > 60 or len(physical) < 6:
        return False
    full = [s for s in physical if _width(s.text) >= width - 2]
    unfinished = sum(1 for s in full if not _FINAL.search(s.text))
    return unfinished >= 0.3 * len(physical)


def _physical_lines(line: Span) -> list[Span]:
    """Split one flattened line at its spaces, drop page numbers, glue non-break spaces."""
    chunks = [line.sub(m.start(), m.end()) for m in _CHUNK.finditer(line.text)]
    pages = _page_numbers(chunks)
    chunks = [c for i, c in enumerate(chunks) if i not in pages]
    out: list[Span] = []
    current: list[Span] = []
    for chunk in chunks:
        if current and _is_line_break(current[-1].text, chunk.text):
            out.append(_glue_words(current))
            current = []
        current.append(chunk)
    if current:
        out.append(_glue_words(current))
    return out


def _is_line_break(before: str, after: str) -> bool:
    """A space between two non-ASCII characters is where the page wrapped; so is one before 1.…"""
    if not _ASCII_WORD.match(before[-1]) and HEADING.match(after):
        return True
    return not (_ASCII_WORD.match(before[-1]) or _ASCII_WORD.match(after[0]))


def _glue_words(chunks: list[Span]) -> Span:
    """Chunks of one physical line: a space only between two ASCII words (PPP 模式 → PPP模式)."""
    seps = []
    for left, right in itertools.pairwise(chunks):
        keep = (
            left.text[-1].isascii()
            and left.text[-1].isalnum()
            and right.text[0].isascii()
            and right.text[0].isalnum()
        )
        seps.append((" " if keep else "", left.offsets[-1] + 1))
    return glue(chunks, seps)


def _page_numbers(chunks: Sequence[Span]) -> set[int]:
    """Indexes of chunks that are page numbers: the longest run n, n+1, … in reading order."""
    candidates = [
        (i, int(c.text)) for i, c in enumerate(chunks)
        if _PAGE.fullmatch(c.text)
        and not (i + 1 < len(chunks) and _UNIT.match(chunks[i + 1].text))
        and not (i > 0 and _ASCII_WORD.match(chunks[i - 1].text[-1]))
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
    return bool(HEADING.match(text)) and len(text) <= 40 and not _INNER_PUNCT.search(text)


def _rejoin(physical: Sequence[Span], width: float) -> list[Span]:
    out: list[Span] = []
    current: list[Span] = []
    for line in physical:
        if current and _ends_paragraph(current, line.text, width):
            out.append(_glue_words_multi(current))
            current = []
        current.append(line)
    if current:
        out.append(_glue_words_multi(current))
    return out


def _ends_paragraph(current: list[Span], nxt: str, width: float) -> bool:
    last = current[-1].text
    paragraph_so_far = "".join(s.text for s in current) if len(current) < 4 else last
    if _heading_only(paragraph_so_far) and len(current) < 3:
        return True
    ends_sentence = bool(_FINAL.search(last))
    if HEADING.match(nxt) and ends_sentence:
        return True
    short = _width(last) < width - 2
    if _heading_only(nxt) and _width(nxt) < width - 2:
        return True
    if short and ends_sentence:
        return True
    # A short first line with no punctuation at all is a title or heading line.
    return short and len(current) == 1 and not _INNER_PUNCT.search(last)


def _glue_words_multi(lines: list[Span]) -> Span:
    return _glue_words(lines)
