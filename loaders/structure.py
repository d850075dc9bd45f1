"""The heading hierarchy of Chinese official documents as a section tree."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from policykg.loaders.document import Section

_CN = "一二三四五六七八九十百零〇两"
# One alternative per heading kind; the group that matched names the kind.
HEADING = re.compile(
    rf"(?P<chapter>第[{_CN}\d]{{1,4}}[章编部])"
    rf"|(?P<part>第[{_CN}\d]{{1,4}}节)"
    rf"|(?P<article>第[{_CN}\d]{{1,4}}条)"
    rf"|(?P<cn>[{_CN}]{{1,3}})[、．]"
    rf"|(?P<pcn>[（(][{_CN}]{{1,3}}[)）])"
    r"|(?P<num>\d{1,3})(?:[、．]|\.(?!\d))"
    r"|(?P<pnum>[（(]\d{1,3}[)）])"
    r"|(?P<circ>[①-⑳])"
    r"|(?P<dash>——)"
)
# Every character a heading can open on (and the decimal digits, \d): most paragraphs open on
# none, and matching HEADING on each of them cost more than this test.
_OPENINGS = frozenset(f"第{_CN}（(—" + "".join(map(chr, range(ord("①"), ord("⑳") + 1))))


def _may_open_heading(first: str) -> bool:
    """Whether a heading can open on this character (one of _OPENINGS or a decimal digit)."""
    return first in _OPENINGS or first.isdecimal()


def match_heading(text: str) -> re.Match[str] | None:
    """HEADING.match(text), tested first on text's opening character."""
    return HEADING.match(text) if _may_open_heading(text[:1]) else None


# Where an inline heading's title stops: `(一)基本思路。以…` → 基本思路.
_TITLE_END = re.compile(r"[。；;！？!?：:]")
_TITLE_CAP = 80
_DASH_RANK = 99


@dataclass(frozen=True)
class Heading:
    """A heading found at the start of a paragraph."""

    kind: str
    number: str
    title: str
    start: int  # clean-text offset of the paragraph


def heading(paragraph: str, start: int) -> Heading | None:
    """The heading a paragraph starts with, if any."""
    found = _heading_parts(paragraph)
    return Heading(*found, start) if found else None


def _heading_parts(paragraph: str) -> tuple[str, str, str] | None:
    """The kind, number and title of the heading a paragraph starts with: no frozen Heading
    per section (each field set through object.__setattr__) when the tree is built."""
    match = match_heading(paragraph)
    if match is None or match.lastgroup is None:
        return None
    kind = match.lastgroup
    number = match.group(kind)
    rest = paragraph[match.end() :].lstrip(" \u3000\t、．.")
    if not rest and kind not in ("chapter", "part"):
        return None
    if kind in ("chapter", "part"):
        title = rest.replace(" ", "").replace("\u3000", "")
    else:
        end = _TITLE_END.search(rest)
        title = rest[: end.start()] if end else rest
        if len(title) > _TITLE_CAP:
            comma = re.search(r"[，,]", title)
            title = (
                title[: comma.start()]
                if comma and comma.start() <= _TITLE_CAP
                else title[:_TITLE_CAP]
            )
    return kind, number.strip(), title.strip()


class _Open:
    """A section whose end is not found yet. A plain class: mypyc builds a dataclass through
    its generated __init__, five times a native class's cost, and there is one a heading."""

    def __init__(self, number: str, title: str, start: int, rank: int) -> None:
        self.number = number
        self.title = title
        self.start = start
        self.rank = rank
        self.children: list[Section] = []


def sections(text: str, paragraph_starts: Sequence[int]) -> tuple[Section, ...]:
    """Section tree of text whose paragraphs begin at paragraph_starts (clean offsets)."""
    heads: list[tuple[str, str, str, int]] = []  # kind, number, title, start
    for start in paragraph_starts:
        # The opening character first: most paragraphs open on none a heading can, and each
        # was cut out of the text (a find and a slice) only for match_heading to refuse it.
        if not _may_open_heading(text[start : start + 1]):
            continue
        end = text.find("\n", start)
        found = _heading_parts(text[start : end if end >= 0 else len(text)])
        if found:
            kind, number, title = found
            heads.append((kind, number, title, start))
    # A ——-item is a list entry, never the parent of a numbered heading, even when one comes
    # first (a report's byline "—— 2026年1月26日在…会议上" precedes its "一、" headings).
    ranks: dict[str, int] = {"dash": _DASH_RANK}
    roots: list[Section] = []
    stack: list[_Open] = []

    def close(until_rank: int, at: int) -> None:
        while stack and stack[-1].rank >= until_rank:
            node = stack.pop()
            section = _freeze(node, text, at, len(stack) + 1)
            (stack[-1].children if stack else roots).append(section)

    for kind, number, title, start in heads:
        rank = ranks.setdefault(kind, len(ranks))
        close(rank, start)
        stack.append(_Open(number, title, start, rank))
    close(-1, len(text))
    return tuple(roots)


def _freeze(node: _Open, text: str, end: int, depth: int) -> Section:
    # Trailing newlines belong to no section.
    while end > node.start and text[end - 1] == "\n":
        end -= 1
    return Section(
        number=node.number,
        title=node.title,
        text=text[node.start : end],
        start=node.start,
        end=end,
        depth=depth,
        children=tuple(node.children),
    )


def text_sections(text: str) -> tuple[Section, ...]:
    """Section tree of plain text whose lines are its paragraphs (for text parse never saw)."""
    starts = []
    position = 0
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" \t\u3000"))
        if indent < len(line):
            starts.append(position + indent)
        position += len(line) + 1
    return sections(text, starts)
