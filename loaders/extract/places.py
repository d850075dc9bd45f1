"""Regions and parks: APPLIES_TO the jurisdiction, MENTIONS the other places named."""

from __future__ import annotations

import re

from policykg.loaders.extract.builder import Builder
from policykg.loaders.extract.context import Context
from policykg.loaders.extract.parks import ParkMention
from policykg.loaders.extract.sentences import Quote

# 我市, 全区, 本县 …: the document's own jurisdiction.
_DEICTIC = re.compile(r"(?:我|全|本)(?:省|市|区|县)")
# 上海交大, 浙江大学, 四川农业大学: a short place name opening a school's name is no mention.
_SCHOOL = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:大学|交大|学院)")
_BOOK_TITLE = re.compile(r"《[^《》\n]{1,160}》")


def places(ctx: Context, b: Builder, doc: tuple[str, str], parks: list[ParkMention]) -> None:
    """Region and Park nodes, PART_OF/LOCATED_IN, APPLIES_TO and MENTIONS."""
    # Places not to mention (again): the jurisdiction, and each place once mentioned (the
    # builder keeps a relationship's first evidence: a later quote was made for nothing).
    done: set[str] = set()
    # 我市, 全区 …: the sentence that speaks of the jurisdiction as its own is the evidence.
    deictic = _DEICTIC.search(ctx.text)
    evidence: str | Quote = (
        ctx.sentences.quote(deictic.start()) if deictic else (ctx.doc.metadata.title or "")
    )
    target = None
    if ctx.park is not None:
        target = b.park(ctx.park)
    elif ctx.region is not None:
        target = b.region(ctx.region)
    if target is not None:
        done.add(target[1])
        b.rel("APPLIES_TO", doc, target, evidence)
    for hit in ctx.region_hits:
        short = hit.end - hit.start < len(hit.region.name)
        if short and _SCHOOL.match(ctx.text, hit.end):
            continue
        target = b.region(hit.region)
        if target[1] not in done:
            done.add(target[1])
            b.rel("MENTIONS", doc, target, ctx.sentences.quote(hit.start))
    titles = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(ctx.text)] if parks else []
    for park in parks:
        if any(a < park.start < b_ for a, b_ in titles):
            continue  # 《亳州经济开发区总体规划》: the cited document's place, not this one's
        target = b.park(park)
        if target[1] not in done:
            done.add(target[1])
            b.rel("MENTIONS", doc, target, ctx.sentences.quote(park.start))
