"""A cover letter (函, 通知) whose attachment is the real document: split the two."""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.metadata import is_title_line
from loaders.spans import Span

_ATTACHMENT = re.compile(r"附\s*件\s*(?P<n>\d{0,2})\s*[:：]?\s*(?P<title>.*)")
_DATE_ONLY = re.compile(
    r"\s*(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*"
)
_MIN_ATTACHMENT = 300


def split_attachment(paragraphs: Sequence[Span]) -> int | None:
    """Index of the paragraph where an attachment longer than its cover letter begins, if any.

    The attachment begins after the letter's 落款 date, with `附件` (optionally numbered) and
    its title, on one line or two; the list of attachments above the date is not the start.
    """
    signed = next((i for i, p in enumerate(paragraphs) if _DATE_ONLY.fullmatch(p.text)), None)
    if signed is None:
        return None
    for index in range(signed + 1, min(signed + 4, len(paragraphs))):
        match = _ATTACHMENT.fullmatch(paragraphs[index].text)
        if not match:
            continue
        title = match["title"] or (
            paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
        )
        if not is_title_line(title):
            continue
        cover = sum(len(p.text) for p in paragraphs[:index])
        attached = sum(len(p.text) for p in paragraphs[index:])
        if attached >= max(cover, _MIN_ATTACHMENT):
            return index
    return None


def attachment_title_span(paragraph: Span) -> Span | None:
    """The title part of an `附件 标题` paragraph (None when the title is on the next line)."""
    match = _ATTACHMENT.fullmatch(paragraph.text)
    if not match or not match["title"]:
        return None
    return paragraph.sub(match.start("title"))
