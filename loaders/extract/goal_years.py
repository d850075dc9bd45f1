"""The year a goal is for, from the headings above it; review parts hold no goals.

A plan's goals take their year from the heading they stand under (三、2026年重点工作,
“十五五”时期的主要目标任务); a part that reviews the past (“十四五”时期工作回顾, 一、2025年工作
回顾) reports what was done. Government work reports often head their parts with unnumbered
lines, which the section tree does not hold: they are read here from the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from policykg.loaders.extract.context import Context
from policykg.loaders.extract.sentences import matches_at, starts_before

# Each alternative opens on a literal, so the scan skips in C to 1, 2 and 十 ((?:19|20) would
# be tried at every offset).
YEAR = re.compile(r"19\d{2}(?=\s*年)|20\d{2}(?=\s*年)|十[一二三四五六七八九]五")
_YEAR_OPENS = {"19": (0,), "20": (0,), "十": (0,)}


def years_in(text: str) -> Iterator[re.Match[str]]:
    """YEAR.finditer(text), tried only where 19, 20 or 十 stands (found by str.find): the
    scan for 1, 2 and 十 stopped at every digit of the text."""
    return matches_at(YEAR, text, starts_before(text, _YEAR_OPENS))


PLAN_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
# Sections that report what was done, not what is to be done.
REVIEW = re.compile(r"回顾|过去|成就|成效|取得|进展情况|发展基础|现状|基础与形势|发展环境|工作总结")
_HEADING_YEAR = re.compile(r"((?:19|20)\d{2})年|(十[一二三四五六七八九]五)|今年")
# An unnumbered part heading: a short line without punctuation that reviews the past or
# sets a period's goals or work (“十五五”时期的主要目标任务, 2026年重点工作).
# Matched after the line break before it (the text is read with one put in front): a pattern
# opening on a literal is scanned for it in C, one opening on ^ is tried at every offset.
_PART_LINE = re.compile(r"\n(?P<line>[^，,。；;：:！？!?、\n]{4,30})$", re.MULTILINE)
_REVIEW_PART = re.compile(r"工作回顾|回顾$|工作总结$")
_WORK_PART = re.compile(r"目标|任务|工作|安排|重点")


def goals_section_year(ctx: Context) -> int | None:
    """The one year a plan's one 目标 section sets its goals for (到2027年), its horizon (a
    notice that bundles several plans has several 目标 sections and no one horizon)."""
    sections = [
        section
        for section, heading in zip(ctx.sections.sections, ctx.sections.heading_paths, strict=True)
        if "目标" in section.title and not REVIEW.search(heading)
    ]
    if len(sections) != 1:
        return None
    found = {int(m.group()) for m in YEAR.finditer(sections[0].text) if m.group()[0].isdigit()}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=4)
def _parts(text: str) -> tuple[tuple[int, str], ...]:
    """Unnumbered part headings of a text: (offset, heading)."""
    # In "\n" + text a line's break stands where the line itself starts in text.
    lines = ((m.start(), m.group("line")) for m in _PART_LINE.finditer("\n" + text))
    return tuple(
        (start, line)
        for start, line in lines
        if _REVIEW_PART.search(line) or (_HEADING_YEAR.search(line) and _WORK_PART.search(line))
    )


def _part_at(text: str, pos: int) -> str | None:
    parts = _parts(text)
    i = bisect_right(parts, (pos, "\uffff")) - 1
    return parts[i][1] if i >= 0 else None


def part_start(text: str, pos: int) -> int:
    """Where the unnumbered part holding pos begins (0 outside any): a year framed before it
    (顺利完成全年目标任务 in the review) does not hold after it."""
    parts = _parts(text)
    i = bisect_right(parts, (pos, "\uffff")) - 1
    return parts[i][0] if i >= 0 else 0


def _heading_year(heading: str, year: int | None, doc_year: int | None) -> int | None:
    found = _HEADING_YEAR.search(heading)
    if found is None:
        return year
    if found.group(1):
        return int(found.group(1))
    if found.group(2):
        return PLAN_END.get(found.group(2), year)
    return doc_year


def section_year(ctx: Context, pos: int, doc_year: int | None) -> int | bool | None:
    """The year the headings above pos set (三、2026年重点工作), False inside a review section."""
    index = ctx.sections.deepest(pos)
    path = ctx.sections.heading_paths[index] if index is not None else None
    return _headings_year(_part_at(ctx.text, pos), path, doc_year)


@lru_cache(maxsize=4096)  # every number under the same headings asks for the same year
def _headings_year(part: str | None, path: str | None, doc_year: int | None) -> int | bool | None:
    """The year an unnumbered part heading and a section's heading path set, or False."""
    year: int | None = None
    if part is not None:
        if _REVIEW_PART.search(part):
            return False  # “十四五”时期工作回顾: what was done
        year = _heading_year(part, year, doc_year)
    for heading in path.split(" > ") if path is not None else []:
        if REVIEW.search(heading):
            return False
        year = _heading_year(heading, year, doc_year)
    if year is not None and doc_year is not None and year < doc_year:
        return False  # 2025年工作 in a 2026 document: a report of the past year
    return year


def vision_capped(year: int, plan_year: int, heading_year: int | bool | None, sentence: str) -> int:
    """A 2035 vision framing the goals of a plan that ends in 2025 sets no goal's year; a goal
    under a heading of its own period (三、“十五五”时期主要目标任务 in a 2026 report) keeps it."""
    if plan_year < year != heading_year and str(year) not in sentence:
        return plan_year
    return year
