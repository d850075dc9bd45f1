"""Goals as read from text, and goals listed together: 花生、油菜收获机械化率分别达到65%和55%."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from policykg.loaders.extract.sentences import last_mark, matches_at, starts_before

LEADING = re.compile(
    r"^(?:——|—|-|\d+[.、]|[(（][一二三四五六七八九十\d]+[)）]|其中|力争|确保|全年|实现|将|把)+"
)


@dataclass(frozen=True)
class Goal:
    """One quantified goal read from text."""

    start: int
    metric: str
    value: float | None
    value_max: float | None
    unit: str
    comparator: str
    year: int | None
    baseline: float | None


# 分别 pairs listed items with listed numbers; 均 gives every listed item the one number
# (化肥、农药利用率均达到43%以上), not 人均, 年均, 平均.
_RESPECTIVELY = re.compile(
    r"分别|均(?<![人年平]均)(?=\s*(?:达到|达|提高到|提高至|提升到|提升至|不低于|不少于|超过|"
    r"稳定在|保持在|控制在|下降|降低|提高|提升|增长|减少))"
)
# Tried only where 分别 or 均 stands (found by str.find), not scanned for through the text.
_RESPECTIVELY_OPENS = {"分别": (0,), "均": (0,)}
_CLAUSE_STOP = re.compile(r"[，,。；;\n]")
_SENTENCE_PART_MARKS = "，,。；;：:\n"
_ITEM_SPLIT = re.compile(r"、|和|及|与")
_DANGLING = re.compile(r"[^总年新增全人均]产量|[^总年新增全人均]产值|[^总新增]储量")
# 全省公共机构单位建筑面积能耗、…分别下降: 全省 is the goals' scope, not their indicator.
_WHOLE_AREA = re.compile(r"^全[省市区县](?!域|级|范围)")
_OPENING_YEAR = re.compile(r"^(?:到|至|在|于)?\s*(?:19|20)\d{2}\s*年(?:底|末)?前?\s*")
# 全国所有市县的一般登记、抵押登记业务办理时间: a 的-phrase before the first item qualifies
# all of them (where, whose), it is no part of the first item's name.
_QUALIFIER = re.compile(r"^[^、，,的]{1,12}的(?=[^、的]+、)")
# The compared-with year or period after the listed indicators (…排放总量比2020年分别下降).
_BASE_TAIL = re.compile(r"(?:(?:比|较)\s*(?:19|20)\d{2}\s*年(?:底|末)?(?:水平)?|同比)\s*$")
# Where the measure that listed items share begins in the last item: 涂料、油墨使用比例 →
# 使用比例, 化学需氧量、…、挥发性有机物排放总量 → 排放总量, 粮食、棉花总产量 → 总产量.
_SHARED_MEASURE = re.compile(
    r"(?:综合|全产业链|全|总|年)?(?:产量|产值|总量|排放|使用|利用|消费|收获|机械化|覆盖率|"
    r"普及率|达标率|处理率|治理率|增加值|占比|比例|比重|重点工程减排量|减排量)"
)
# 化学需氧量、氨氮、…、挥发性有机物等4项主要污染物重点工程减排量: the class the items belong to
# (等4项主要污染物) names no indicator; what follows it is the measure they share.
_ITEMS_CLASS = re.compile(
    r"等\s*(?:[\d一二三四五六七八九十]+\s*[项种类个])?\s*(?:主要|重点)?(?:大气|水)?污染物(?!排放)"
)
# An item that is an indicator by itself (秸秆综合利用率、畜禽粪污综合利用率): nothing shared.
_WHOLE_INDICATOR = re.compile(r"(?:率|能耗|量|比例|比重|占比|产值|面积|收入|指数)$")
# 2025年和2030年，…分别…: the listed years pair with the listed numbers.
_YEAR_LIST = re.compile(r"((?:19|20)\d{2})\s*年(?:\s*[和、及与]\s*(?:19|20)\d{2}\s*年)+")
_YEAR = re.compile(r"(?:19|20)\d{2}")
# 城乡居民人均可支配收入分别增长5%、6.5%: 城乡 lists 城镇 and 农村.
_URBAN_RURAL = ("城镇", "农村")


def _split_items(subject: str) -> tuple[list[str], int]:
    """Listed items and how many characters the last one's shared measure takes."""
    items = [item for item in _ITEM_SPLIT.split(subject) if item]
    if len(items) < 2:
        return items, 0
    last = items[-1]
    if all(_WHOLE_INDICATOR.search(item) for item in items[:-1]):
        return items, 0
    found = _SHARED_MEASURE.search(last, 1)
    if found is not None:
        return items, len(last) - found.start()
    width = len(items[0])
    if len(last) <= width:
        return [], 0
    # 原煤、原油、天然气产量: the last item may be a character longer than the first;
    # one character left before a measure noun is the item's (产量, not 气产量), unless
    # it is a modifier of the noun (粮食、棉花总产量).
    if _DANGLING.fullmatch(last, width):
        width += 1
    return items, len(last) - width


def _subject(text: str, at: int) -> tuple[str, int]:
    """The words before 分别/均 in their clause, without list marks and compared-with years,
    and where they start."""
    cut = last_mark(text, max(0, at - 60), at, _SENTENCE_PART_MARKS)
    start = cut + 1 if cut >= 0 else max(0, at - 60)
    raw = text[start:at]
    subject = LEADING.sub("", _OPENING_YEAR.sub("", LEADING.sub("", raw.strip())))
    subject = _QUALIFIER.sub("", _WHOLE_AREA.sub("", subject))
    subject = _ITEMS_CLASS.sub("", _BASE_TAIL.sub("", subject)).strip()
    return subject, start + raw.find(subject[:1]) if subject else start


def _listed_years(text: str, at: int, count: int) -> list[int] | None:
    """2025年和2030年，…分别…: one year per listed number, from the same sentence."""
    sentence = max(text.rfind(c, 0, at) for c in "。；;\n") + 1
    found = list(_YEAR_LIST.finditer(text, sentence, at))
    if not found:
        return None
    years = [int(y) for y in _YEAR.findall(found[-1].group())]
    return years if len(years) == count else None


def spread_enumerations(text: str, goals: list[Goal]) -> list[Goal]:
    """花生、油菜收获机械化率分别达到65%和55%: one goal per item, each with its own metric;
    化肥、农药利用率均达到43%: one goal per item with the one number."""
    out = list(goals)
    extra: list[Goal] = []
    starts = [g.start for g in out]  # in text order, as read
    if not starts:
        return out
    for m in matches_at(_RESPECTIVELY, text, starts_before(text, _RESPECTIVELY_OPENS)):
        if m.end() > starts[-1]:
            break  # no goal follows: the text's tail is not scanned
        stop = _CLAUSE_STOP.search(text, m.end())
        clause_end = stop.start() if stop else len(text)
        members = list(range(bisect_left(starts, m.end()), bisect_left(starts, clause_end)))
        if len(members) != 1 if m.group() == "均" else len(members) < 2:
            continue
        subject, subject_start = _subject(text, m.start())
        items, shared_width = _split_items(subject)
        if m.group() == "均":
            if len(items) < 2:
                continue
            goal = out[members[0]]
            names = _names(items, shared_width)
            out[members[0]] = replace(goal, metric=names[-1])
            for name, item in zip(names[:-1], items[:-1], strict=True):
                # Each copy stands at its item: one Target per item, ids apart.
                at = text.find(item, subject_start)
                extra.append(replace(goal, start=at if at >= 0 else goal.start, metric=name))
            continue
        if len(items) == 1 and len(members) == 2 and items[0].startswith("城乡"):
            names = [f"{place}{items[0][2:]}" for place in _URBAN_RURAL]
        elif len(items) == 1:
            years = _listed_years(text, m.start(), len(members))
            if years is not None:
                for index, year in zip(members, years, strict=True):
                    out[index] = replace(out[index], metric=items[0], year=year)
            continue
        elif len(items) != len(members):
            continue
        else:
            names = _names(items, shared_width)
        for index, name in zip(members, names, strict=True):
            out[index] = replace(out[index], metric=name)
    return out + extra


def _names(items: list[str], shared_width: int) -> list[str]:
    """Each item's metric: the item with the measure the last one carries for all."""
    if not shared_width:
        return items
    last = items[-1]
    shared = last[len(last) - shared_width :]
    return [f"{item}{shared}" for item in items[:-1]] + [last]
