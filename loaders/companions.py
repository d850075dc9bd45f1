"""A cover letter (函, 通知) whose attachment is the real document: split the two."""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.loaders.metadata import is_title_line, kind_of
from policykg.loaders.spans import Span

_ATTACHMENT = re.compile(r"附\s*件\s*(?P<n>\d{0,2})\s*[:：]?\s*(?P<title>.*)")
_DATE_ONLY = re.compile(
    r"\s*(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*"
)
_MIN_ATTACHMENT = 300
_MIN_COVER = 60


def split_attachment(paragraphs: Sequence[Span]) -> int | None:
    """Index of the paragraph where an attachment longer than its cover letter begins, if any.

    The attachment begins after the letter's 落款 date, with `附件` (optionally numbered) and
    its title, on one line or two, or with just its title (`XX实施方案`); the list of
    attachments above the date is not the start.
    """
    signed = next((i for i, p in enumerate(paragraphs) if _DATE_ONLY.fullmatch(p.text)), None)
    # A date under the title is a publication date, not the 落款 of a letter with a body.
    if signed is None or sum(len(p.text) for p in paragraphs[:signed]) < _MIN_COVER:
        return None
    for index in range(signed + 1, min(signed + 4, len(paragraphs))):
        text = paragraphs[index].text
        match = _ATTACHMENT.fullmatch(text)
        if match:
            title = match["title"] or (
                paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
            )
        elif is_title_line(text) and kind_of(text):
            title = text
        else:
            continue
        if not is_title_line(title):
            continue
        cover = sum(len(p.text) for p in paragraphs[:index])
        attached = sum(len(p.text) for p in paragraphs[index:])
        if attached >= max(cover, _MIN_ATTACHMENT):
            return index
    return None


def attachment_title_span(paragraph: Span) -> Span | None:
    """The title in the paragraph where an attachment begins; None for a bare `附件1` line."""
    match = _ATTACHMENT.fullmatch(paragraph.text)
    if not match:
        return paragraph
    if not match["title"]:
        return None
    return paragraph.sub(match.start("title"))
