"""文号 and title normalisation: the identity keys of Document nodes."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# 〔2024〕 appears in scrapes as [2024], (2024), （2024）, 【2024】, 〔 2024 〕, ［2024］, ﹝2024﹞.
_YEAR_BRACKETS = re.compile(r"[\[\(（【〔［﹝〈<]\s*((?:19|20)\d{2})\s*[\]\)）】〕］﹞〉>]")
_SPACES = re.compile(r"\s+")
_DOC_NUMBER = re.compile(
    r"(?P<code>[\u4e00-\u9fff]{1,12}?)\s*〔(?P<year>(?:19|20)\d{2})〕\s*(?P<serial>\d{1,5})\s*号"
)
_TITLE_MARKERS = re.compile(r"[（(]\s*(征求意见稿|试行|暂行|送审稿|草案|修订稿|讨论稿)\s*[)）]\s*$")
_TITLE_STATUS_END = re.compile(r"（(征求意见稿|试行|暂行|送审稿|草案|修订稿|讨论稿)）$")
_QUOTES = str.maketrans("", "", "《》〈〉<>\"'“”‘’")
# 二○三五, 二0三五 and 二O三五 are all 二〇三五: a zero between Chinese numerals.
_CN_ZERO = re.compile(r"(?<=[一二三四五六七八九十〇])[0OoＯ○◯]|[0OoＯ○◯](?=[一二三四五六七八九〇])")


# Full-width ASCII to half-width; （） stay, since titles keep their Chinese brackets.
_TO_HALFWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F) if chr(c) not in "（）"}


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (１２３, ａｂｃ) to half-width; Chinese characters unchanged."""
    return text.translate(_TO_HALFWIDTH)


@lru_cache(maxsize=16384)  # a document's 文号 and its citations come back to the same few
def normalize_doc_number(raw: str) -> str | None:
    """Normalise a 文号 (`豫政[2019] 19 号` → `豫政〔2019〕19号`); None if it is not one."""
    text = _SPACES.sub("", to_halfwidth(unicodedata.normalize("NFC", raw)))
    text = _YEAR_BRACKETS.sub(r"〔\1〕", text)
    match = _DOC_NUMBER.search(text)
    if not match:
        return None
    serial = str(int(match["serial"]))
    return f"{match['code']}〔{match['year']}〕{serial}号"


def parse_doc_number(number: str) -> tuple[str, int, int] | None:
    """Split a normalised 文号 into issuer code, year and serial: 皖办发, 2024, 11."""
    match = _DOC_NUMBER.fullmatch(number)
    if not match:
        return None
    return match["code"], int(match["year"]), int(match["serial"])


def title_status(title: str) -> str | None:
    """The status marker a title ends with (征求意见稿, 试行 …), if any."""
    match = _TITLE_MARKERS.search(_SPACES.sub("", title))
    return match.group(1) if match else None


@lru_cache(maxsize=16384)  # every citation of a document normalises the same titles again
def normalize_title(raw: str) -> str:
    """Identity form of a title: no 《》 or quotes, no spaces, no trailing status marker."""
    text = _SPACES.sub("", to_halfwidth(unicodedata.normalize("NFC", raw))).translate(_QUOTES)
    text = _CN_ZERO.sub("〇", text.replace("(", "（").replace(")", "）"))
    previous = None
    while previous != text:
        previous = text
        text = _TITLE_STATUS_END.sub("", text)
    return text
