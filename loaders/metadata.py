"""Metadata from the header fields and the document's own title, 文号 and 落款 lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.loaders.docnumber import normalize_doc_number, title_status
from policykg.loaders.document import Metadata
from policykg.loaders.structure import match_heading

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": 0,
    "○": 0,
    "O": 0,
    "０": 0,
}
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*[-/.年]\s*"
    r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*[-/.月]\s*"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?"
)
_DATE_LINE = re.compile(rf"\s*(?:{_DATE.pattern})\s*")
# Date fields by preference for Metadata.date: when it was made, then when it was published.
_DATE_ORDER = (
    "成文日期",
    "落款",
    "发文日期",
    "印发日期",
    "生成日期",
    "公布日期",
    "发布日期",
    "施行日期",
    "生效日期",
)
DATE_FIELDS = (*_DATE_ORDER, "废止日期")
_ISSUER_ORDER = ("发布机构", "发文机关", "制发机关", "发文单位", "发布单位", "制定机关")
_SOURCE_ORDER = ("来源", "信息来源")
_ORG_END = re.compile(
    r"(?:政府|委员会|委|办公室|办公厅|厅|局|部|院|署|中心|管委会|领导小组|公司|会|处|所|办|组)$"
)
# Title endings that name the kind of document, longest first.
_KINDS = sorted(
    (
        "意见",
        "实施意见",
        "指导意见",
        "实施方案",
        "工作方案",
        "行动方案",
        "方案",
        "规划",
        "纲要",
        "通知",
        "通报",
        "办法",
        "管理办法",
        "实施办法",
        "条例",
        "规定",
        "决定",
        "决议",
        "规则",
        "细则",
        "实施细则",
        "工作要点",
        "要点",
        "函",
        "复函",
        "批复",
        "公告",
        "通告",
        "报告",
        "计划",
        "行动计划",
        "指南",
        "措施",
        "若干措施",
        "政策",
        "清单",
        "制度",
        "章程",
        "命令",
        "纪要",
        "标准",
        "解读",
    ),
    key=len,
    reverse=True,
)
_KIND_CANON = {
    "实施意见": "意见", "指导意见": "意见", "管理办法": "办法", "实施办法": "办法",
    "复函": "函", "若干措施": "措施", "行动计划": "计划", "实施细则": "细则",
}  # fmt: skip
_TRAILING_MARKERS = re.compile(r"(?:[（(][^（()）]{1,8}[)）]|〔[^〕]*〕|\[[^\]]*\]|\.docx?|\.pdf)$")
# `河南鹤壁市:关于…` — a site's place prefix before the real title.
_PLACE_PREFIX = re.compile(
    r"^(?P<place>[\u4e00-\u9fff]{2,12}?(?:省|市|县|区|州|盟|旗|自治区|政府|网))[:：]\s*(?P<rest>.{6,})$"
)
_DRAFT = frozenset({"征求意见稿", "送审稿", "草案", "讨论稿", "修订稿"})


def to_iso(text: str) -> str | None:
    """The first date in text as YYYY-MM-DD (2015年11月6日, 2021-02-07 11:11, 二〇一五年…)."""
    match = _DATE.search(text)
    if not match:
        return None
    year = _number(match["y"])
    month, day = _number(match["m"]), _number(match["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in _CN_DIGITS for c in text):  # 二〇一五
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    # 十一 → 11, 二十 → 20, 三十一 → 31, 六 → 6
    tens, _, units = text.partition("十")
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (
        _CN_DIGITS.get(units, 0) if units else 0
    )


def kind_of(title: str | None) -> str | None:
    """The kind of document its title ends with: 意见, 实施方案, 规划, 通知 …"""
    if not title:
        return None
    text = "".join(title.split()).rstrip('。》”"')
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING_MARKERS.sub("", text)
    for kind in _KINDS:
        if text.endswith(kind):
            return _KIND_CANON.get(kind, kind)
    return None


# A PDF title set letter-spaced (广 州 市 黄 埔 区 … 办 法): spaces between characters.
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
_HAN_PAIR = re.compile(r"[\u4e00-\u9fff](?=[\u4e00-\u9fff])")


def _letter_spacing_removed(title: str) -> str:
    """The title without its letter-spacing, when most of its characters are spaced apart
    (a title with spaces between its issuers keeps them)."""
    gaps = len(_HAN_GAP.findall(title))
    if gaps >= 4 and gaps > len(_HAN_PAIR.findall(title)):
        return _HAN_GAP.sub("", title)
    return title


_REPOST_MARK = re.compile(r"^[（(【\[]\s*转载\s*[）)】\]]\s*")


def clean_title(title: str) -> str:
    """Strip a site's place prefix (`河南鹤壁市:关于…` → `关于…`), its repost mark (`（转载）`)
    and stray spaces."""
    title = _REPOST_MARK.sub("", _letter_spacing_removed(title.strip()))
    match = _PLACE_PREFIX.match(title)
    if match and kind_of(match["rest"]):
        title = match["rest"]
    return title


def is_title_line(text: str) -> bool:
    """A line that can be a document's title: short, no sentence, not a heading or salutation."""
    compact = "".join(text.split())
    return (
        4 <= len(compact) <= 100
        and "。" not in compact
        and not compact.endswith((":", "：", "，", ","))
        and not match_heading(compact)
        and not _DATE_LINE.fullmatch(compact)
        and normalize_doc_number(compact) is None
    )


def title_lines(paragraphs: Sequence[str]) -> tuple[int, int] | None:
    """Paragraphs [start, end) holding the title: one line, or two when it wraps before its kind
    (`…关于印发城市更新` / `行动方案的通知`)."""
    for index, text in enumerate(paragraphs[:4]):
        if not (is_title_line(text) and (kind_of(text) or index == 0 or "关于" in text)):
            continue
        nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        if not kind_of(text) and len(nxt) <= 40 and is_title_line(nxt) and kind_of(text + nxt):
            return index, index + 2
        return index, index + 1
    return None


def doc_number_in(paragraphs: Sequence[str]) -> str | None:
    """A 文号 printed on a line of its own near the top (not one cited inside a sentence)."""
    for text in paragraphs[:6]:
        compact = "".join(text.split())
        if len(compact) <= 30:
            number = normalize_doc_number(compact)
            if number and len(number) >= 0.6 * len(compact):
                return number
    return None


# A text flattened into one run (a CSV field) may open on its 文号 right before the addressees:
# 漳政综〔2019〕62号各县（市、区）人民政府，…：
_OPENING_NUMBER = re.compile(
    r"\s*(?P<number>[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,5}\s*号)"
    r"(?=各|[\u4e00-\u9fff（）()、，,]{2,60}?[：:])"
)


def opening_doc_number(paragraphs: Sequence[str]) -> str | None:
    """The 文号 a flattened text opens with, directly before its addressees."""
    found = _OPENING_NUMBER.match(paragraphs[0]) if paragraphs else None
    return normalize_doc_number(found.group("number")) if found else None


def signature(paragraphs: Sequence[str]) -> tuple[str | None, str | None]:
    """The 落款 at the end: (issuer, ISO date) from `XX人民政府` / `2015年11月6日` lines."""
    tail = list(paragraphs[-6:])
    for index in range(len(tail) - 1, -1, -1):
        compact = "".join(tail[index].split())
        if len(compact) > 40:
            continue  # before the search: a long paragraph was scanned at every offset
        date_match = _DATE.search(compact)
        if not date_match:
            continue
        before = compact[: date_match.start()]
        if _DATE_LINE.fullmatch(compact):
            before = "".join(tail[index - 1].split()) if index > 0 else ""
        elif before and not _ORG_END.search(before):
            continue
        issuer = before if before and len(before) <= 30 and _ORG_END.search(before) else None
        return issuer, to_iso(compact)
    return None, None


def _reposted(publisher: str, signer: str | None, title: str | None) -> bool:
    """A page that reposts another organ's document: its 发布机构 is the site that posted it
    (广州市天河区财政局), while the title and the 落款 name the issuers (广州市民政局 广州市财政局
    …关于…的通知 signed by the same organs)."""
    if not signer or not title or "关于" not in title:
        return False
    named = "".join(title.split("关于", 1)[0].split())
    return named == "".join(signer.split()) and "".join(publisher.split()) not in named


def _first_fields(header: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Header fields by name, the first non-empty occurrence of each."""
    fields: dict[str, str] = {}
    for name, value in header:
        if value and name not in fields:
            fields[name] = value
    return fields


def header_issuer(header: Sequence[tuple[str, str]]) -> str | None:
    """The organ a page's header names as issuer (发布机构 …), before any 落款 is read."""
    return _issuer_field(_first_fields(header))


def _issuer_field(fields: dict[str, str]) -> str | None:
    return next((fields[n] for n in _ISSUER_ORDER if n in fields), None)


def build(
    header: Sequence[tuple[str, str]], paragraphs: Sequence[str], title: str | None
) -> Metadata:
    """Metadata from header fields (first occurrence of each name wins) and the body lines."""
    fields = _first_fields(header)
    title = fields.get("名称") or fields.get("标题") or title
    title = clean_title(title) if title else None
    number_field = fields.get("文号", "")
    doc_number = (
        normalize_doc_number(number_field) if number_field and number_field != "无" else None
    )
    doc_number = doc_number or doc_number_in(paragraphs) or opening_doc_number(paragraphs)
    signer, signed = signature(paragraphs)
    dates = {
        name: iso for name in (*_DATE_ORDER, "废止日期") if (iso := to_iso(fields.get(name, "")))
    }
    if signed:
        dates["落款"] = signed
    date = next((dates[name] for name in _DATE_ORDER if name in dates), None)
    issuer = _issuer_field(fields)
    if issuer is None or _reposted(issuer, signer, title):
        issuer = signer
    issuer = issuer or next((_source(fields[n]) for n in _SOURCE_ORDER if n in fields), None)
    marker = title_status(title) if title else None
    status = marker if marker in _DRAFT else None
    status = status or _validity(fields) or marker
    used = {
        "名称",
        "标题",
        "文号",
        "主题分类",
        "索引号",
        "有效性",
        *_DATE_ORDER,
        "废止日期",
        *_ISSUER_ORDER,
    }
    return Metadata(
        title=title,
        doc_number=doc_number,
        issuer=issuer,
        date=date,
        dates=dates,
        kind=kind_of(title),
        status=status,
        subject=fields.get("主题分类"),
        index_number=fields.get("索引号"),
        extra={k: v for k, v in fields.items() if k not in used},
    )


def _source(value: str) -> str | None:
    """来源 values carry trailers (`鹤壁市人民政府 发布时间…`); keep the organisation."""
    value = value.split()[0] if value.split() else ""
    if "://" in value or value.startswith(("www.", "[")):
        return None  # a link is where the page came from, not who issued the document
    return value or None


def _validity(fields: dict[str, str]) -> str | None:
    status = fields.get("有效性")
    if status:
        return status
    if fields.get("废止日期"):
        return "失效"
    return None
