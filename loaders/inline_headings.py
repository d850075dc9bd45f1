"""Split a page flattened to one line back into paragraphs at its inline headings.

Some archived government pages keep the whole notice on one line:
`… 一、加强信用标准体系建设 （一）加强信用相关制度建设。 1.根据…（责任单位：区经济发展局） 2.建立…`
or with no space at all (`…如下实施方案：一、主要目标以…。二、组织领导区管委会…`). Headings and
assignments are read per paragraph, so such a page gave no sections and no tasks. A numbered
heading of Chinese official writing (一、 （一） 1. （1） ①) starts a paragraph when it follows the
end of a sentence, a colon, a closing bracket or a space, and its number counts on from the
previous heading of its kind (or starts a new list at 1); a number that counts nothing
(第（二）项, 长1.5公里, 3、5个) stays inside its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.loaders.spans import Span

# Only a paragraph this long, holding this many counting headings, is a flattened page: an
# ordinary paragraph with an inline list (主要任务：（一）…；（二）…) keeps its shape.
_LONG = 1000
_MIN_HEADINGS = 3
# A skipped number (（三） then （六）, an item dropped from the printed page) still counts on.
_MAX_STEP = 3
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", 0)} | {"〇": 0, "两": 2}
_INLINE = re.compile(
    r"(?<=[。；;：:！？!?)）\s])\s*"
    r"(?:(?P<cn>[一二三四五六七八九十]{1,3})、"
    r"|[（(](?P<pcn>[一二三四五六七八九十]{1,3})[)）]"
    r"|(?P<num>\d{1,2})(?:[、．]|\.(?!\d))(?!\d|[个项条家万亿元年月日%])"
    r"|[（(](?P<pnum>\d{1,2})[)）]"
    r"|(?P<circ>[①-⑳]))"
)
# A heading's short title without punctuation, then its sub-heading: （一）, （1） or a first 1.
_RUN_ON_TITLE = re.compile(
    r"[^。；;：:，,、！？!?（）()\s\d]{2,20}"
    r"(?:[（(](?:(?P<pcn>[一二三四五六七八九十]{1,3})|(?P<pnum>\d{1,2}))[)）]"
    r"|(?P<num>1)[.．、](?=[\u4e00-\u9fff]))"
)


def chinese_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20."""
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _value(match: re.Match[str]) -> tuple[str, int]:
    kind = match.lastgroup or ""
    number = match.group(kind)
    if kind in ("cn", "pcn"):
        return kind, chinese_number(number)
    if kind == "circ":
        return kind, ord(number) - ord("①") + 1
    return kind, int(number)


def _cuts(text: str) -> list[int]:
    """Where the inline headings of one flattened paragraph begin."""
    last: dict[str, int] = {}
    cuts: list[int] = []
    for match in _INLINE.finditer(text):
        kind, value = _value(match)
        previous = last.get(kind)
        if value == 1 or (previous is not None and 0 < value - previous <= _MAX_STEP):
            last[kind] = value
            cuts.append(match.start() + len(match.group()) - len(match.group().lstrip()))
            title = _RUN_ON_TITLE.match(text, match.end())
            if title is not None:
                # 三、主要内容及职责分工（一）建设美丽乡村: a heading's title runs into the
                # sub-heading under it.
                sub_kind, sub_value = _value(title)
                if sub_value == 1 or sub_value == last.get(sub_kind, -9) + 1:
                    last[sub_kind] = sub_value
                    # A bracketed number begins at its bracket.
                    cuts.append(title.start(sub_kind) - (sub_kind != "num"))
    return cuts


# 责任单位：市生态环境局，各县（市、区）人民政府3.做好林业碳汇项目储备。…: a PDF lost the
# line break between an item's label line and the next item's number.
_LABEL_LINE = re.compile(
    r"(?:牵头|责任|配合|参与|协办|支撑|协同|支持|主责|主办)(?:考核)?(?:单位|部门|处室)\s*[:：]"
)
_GLUED_ITEM = re.compile(r"(?<=[\u4e00-\u9fff）)，,])\d{1,2}[.．、](?=[\u4e00-\u9fff“\"])")


def _glued_items(text: str) -> list[int]:
    """Where numbered items glued to the end of a label line begin (the label opening the
    paragraph or its last sentence: …万亩。牵头单位：市林业局责任单位：…人民政府4.实施…)."""
    cuts: list[int] = []
    for found in _GLUED_ITEM.finditer(text):
        sentence = max(text.rfind(mark, 0, found.start()) for mark in "。；;") + 1
        if _LABEL_LINE.match(text, sentence) or _LABEL_LINE.search(text, sentence, found.start()):
            cuts.append(found.start())
    return cuts


# （责任单位：市生态环境局，各区、市政府）落实亩产效益评价规则，…: the bracket closes its
# measure, the next measure runs on in the same paragraph.
_CLOSING_ASSIGNMENT = re.compile(
    r"[（(](?:牵头|责任|配合|参与|协办|支撑|协同|支持|主责|主办)(?:单位|部门|处室)\s*[:：]"
    r"[^（）()\n]{2,200}(?:[（(][^（）()\n]{1,12}[)）][^（）()\n]{0,100})*[)）][。；;]?"
    r"(?=[\u4e00-\u9fff“\"]{4})"
)


def _after_assignments(text: str) -> list[int]:
    """Where a measure begins right after the closing assignment bracket of the one before."""
    return [m.end() for m in _CLOSING_ASSIGNMENT.finditer(text)]


# A record flattened into one run (a dataset's content field) keeps its paragraphs' indents:
# …（省工信厅牵头，省生态环境厅等参与）　　加大落后产能淘汰和过剩产能压减力度。 Two or more
# ideographic spaces begin a paragraph (a heading before them ends on no punctuation:
# 一、深化工业污染治理　　加大…).
_INDENT = re.compile(r"(?<=\S)\u3000{2,}(?=\S)")


def _indents(text: str) -> list[int]:
    """Where the indented paragraphs of a flattened record begin, if it has enough of them."""
    found = [m.end() for m in _INDENT.finditer(text)]
    return found if len(found) >= _MIN_HEADINGS else []


def _may_hold_label(text: str) -> bool:
    """Whether text has what every label (牵头单位：) needs, a colon and the word before it."""
    # Both cuts need a label: most paragraphs have no colon or no such word and are passed at
    # once; _GLUED_ITEM, opening on a lookbehind, was tried at every offset of the others.
    has_colon = "：" in text or ":" in text
    return has_colon and ("单位" in text or "部门" in text or "处室" in text)


def split_flattened(paragraphs: Sequence[Span]) -> list[Span]:
    """Paragraphs with every flattened page cut at its inline headings and paragraph indents,
    and items glued to a label line cut from it."""
    out: list[Span] = []
    for paragraph in paragraphs:
        cuts = (
            sorted({*_cuts(paragraph.text), *_indents(paragraph.text)})
            if len(paragraph.text) >= _LONG
            else []
        )
        if len(cuts) < _MIN_HEADINGS:
            labelled = _may_hold_label(paragraph.text)
            cuts = (
                sorted({*_glued_items(paragraph.text), *_after_assignments(paragraph.text)})
                if labelled
                else []
            )
        if not cuts:
            out.append(paragraph)
            continue
        for begin, end in zip([0, *cuts], [*cuts, len(paragraph.text)], strict=True):
            piece = paragraph.text[begin:end]
            lead = len(piece) - len(piece.lstrip())
            tail = len(piece.rstrip())
            if tail > lead:
                out.append(paragraph.sub(begin + lead, begin + tail))
    return out
