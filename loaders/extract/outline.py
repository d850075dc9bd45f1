"""A fallback section tree from heading lines, for documents parsed without one."""

from __future__ import annotations

import re

from loaders.document import Section

_CN = "一二三四五六七八九十百"
# One pattern per numbering style; the order a style first appears sets its depth.
_STYLES = (
    ("chapter", re.compile(rf"第[{_CN}\d]+[章节篇部分]+")),
    ("cn", re.compile(rf"[{_CN}]+[、.．]")),
    ("paren-cn", re.compile(rf"[（(][{_CN}]+[)）]")),
    ("arabic", re.compile(r"\d{1,3}[.．、](?!\d)")),
    ("paren-arabic", re.compile(r"[（(]\d{1,3}[)）]")),
)
# Only lines that open with a heading number are looked at (one scan of the text).
_HEADING_LINE = re.compile(
    rf"^[ \t\u3000]*(?:第[{_CN}\d]+[章节篇部分]|[{_CN}]+[、.．]|[（(][{_CN}]+[)）]"
    r"|\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[)）])[^\n]*",
    re.M,
)
_TITLE_END = re.compile(r"[。：:；;！!？?]")


def _heading(line: str) -> tuple[str, str, str] | None:
    """(style, number, title) when a line opens with a heading number."""
    stripped = line.lstrip()
    for style, pattern in _STYLES:
        match = pattern.match(stripped)
        if match:
            number = match.group().rstrip("、.．")
            rest = stripped[match.end() :].strip()
            end = _TITLE_END.search(rest)
            title = rest[: end.start()] if end else rest
            if not title or len(title) > 60:
                return None
            return style, number, title
    return None


def build_sections(text: str) -> tuple[Section, ...]:
    """Heading lines (一、 (一) 1. 第一章) into a nested section tree with offsets."""
    heads: list[tuple[int, int, str, str]] = []  # (start, depth, number, title)
    depth_of: dict[str, int] = {}
    for match in _HEADING_LINE.finditer(text):
        found = _heading(match.group())
        if found is None:
            continue
        style, number, title = found
        depth = depth_of.setdefault(style, len(depth_of) + 1)
        heads.append((match.start(), depth, number, title))
    ends = []
    for i, (_, depth, _, _) in enumerate(heads):
        end = len(text)
        for later in heads[i + 1 :]:
            if later[1] <= depth:
                end = later[0]
                break
        ends.append(end)

    def children(lo: int, hi: int, depth: int) -> tuple[Section, ...]:
        out = []
        i = lo
        while i < hi:
            start, d, number, title = heads[i]
            if d != depth:
                i += 1
                continue
            j = i + 1
            while j < hi and heads[j][1] > depth:
                j += 1
            sub = children(i + 1, j, min((h[1] for h in heads[i + 1 : j]), default=depth + 1))
            out.append(Section(number, title, text[start : ends[i]], start, ends[i], d, sub))
            i = j
        return tuple(out)

    if not heads:
        return ()
    return children(0, len(heads), min(h[1] for h in heads))
