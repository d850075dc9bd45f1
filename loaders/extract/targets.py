"""Quantified goals: metric, value, unit, comparator, year, baseline and whose target it is."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from policykg.loaders.extract import goal_years as gy
from policykg.loaders.extract.builder import Builder
from policykg.loaders.extract.context import Context
from policykg.loaders.extract.goal_filters import (
    ELIGIBLE_AFTER,
    GRANT_BEFORE,
    NOT_GOAL_AFTER,
    PER_ONE_BEFORE,
    Grants,
    benefit,
    glossary_start,
    instrument,
    is_regulation,
    no_goal,
    norm_set,
    not_goal_before,
    quota,
)
from policykg.loaders.extract.goal_lists import LEADING, Goal, spread_enumerations
from policykg.loaders.extract.goal_tables import IndicatorRow, indicator_rows
from policykg.loaders.extract.ids import target_id
from policykg.loaders.extract.metric_names import leading_year, metric_name, opening, plain_metric
from policykg.loaders.extract.parks import ParkMention
from policykg.loaders.extract.sentences import (
    SectionIndex,
    last_mark,
    matches_at,
    starts_before,
    word_ends,
)
from policykg.ontology.metrics import lookup_metric
from policykg.ontology.records import Value

# Units of measure; counting units also come with a 万 or 亿 in front (2万个, 10亿千瓦时).
_UNITS = (
    "元", "美元", "个百分点", "%", "‰", "家", "人次", "人", "个", "项", "所", "座", "平方公里",
    "公里", "千米", "亩", "吨标准煤", "吨", "千瓦时", "千瓦", "兆瓦", "张", "户", "件", "台",
    "辆", "套", "条", "处", "平方米", "立方米", "倍", "天", "小时", "分钟", "标箱", "微克/立方米",
    "GW", "MW", "名", "头", "只", "期", "场", "例", "批", "颗", "发", "艘", "架", "栋", "幢",
    "公顷", "床", "篇", "部", "款", "类", "万人次", "斤", "批次", "场次", "户次", "班次", "列",
    "门", "支", "宗", "间", "周", "个工作日", "平米", "克标准煤", "克标煤", "千伏安",
)  # fmt: skip
_MULTIPLIED = ("万亿", "亿", "万")
_UNIT_ALT = (
    "(?:万亿|亿|万)?(?:" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + ")"
)
_PRE = (
    r"力争达到|力争突破|突破|超过|至少有|至少|达到|提高到|提升到|增加到|增长到|扩大到|降低到|下降到|"
    r"压缩至|压缩到|压减至|压减到|缩短至|缩短到|降至|减少到|减少至|提高至|提升至|增加至|扩大至|约|"
    r"不低于|不少于|不超过|不高于|控制在|保持在|稳定在|高于|低于|大于|小于|达|为|超|≥|≤|>=|<=|>|<"
)
# A unit may carry its alternative in brackets (15万套（间）) or a per-unit (30万元/人).
_UNIT_TAIL = r"(?:[（(][个间套户座处条所段][)）]|/(?:人|年|户|亩|平方米|平方公里|日|天|千瓦时))?"
# The number comes first and opens on a character set, so the scan skips in C to digits
# (a look-ahead naming them is still tried at every offset); each kind of number then goes
# on by the character it opened with. Digits are taken possessively (*+, ++): no unit opens
# with a digit, so giving one back never matched, and trying cost a unit list per digit.
# The comparator is read backwards. The look-ahead before the unit names the characters a
# unit opens on: a number followed by none (2025年, 3月) is let go without trying every unit.
_UNIT_OPENS = "".join(sorted({re.escape(unit[0]) for unit in (*_MULTIPLIED, *_UNITS)}))
# The scan for where a number opens tests a character set at every character of the text,
# and \d is a look-up in the Unicode tables: the set scanned for is the characters but those
# no number opens on (ideographs but 百 and 千, CJK and general punctuation, full-width forms
# but the digits ０-９), a range test; the look-behind then tests [\d*百千] on what is left.
_NO_NUMBER_OPENS = (
    r"\u2000-\u206f\u3000-\u303f"  # “”—…, 、。《》
    r"\u4e00-\u5342\u5344-\u767d\u767f-\u9fff"  # ideographs but 千 (5343) and 百 (767E)
    r"\uff00-\uff0f\uff1a-\uffef"  # （）， and the like, not ０-９ (FF10-FF19)
)
QUANTITY = re.compile(
    rf"(?P<value>[^{_NO_NUMBER_OPENS}](?<=[\d*百千])(?:(?<=\d)\d*+(?:\.\d++)?|(?<=\*)\**"
    r"|(?<=[破成造拓定育][百千])(?=[项家个所](?!争鸣))))"
    rf"(?:\s*[-—–～~至到]\s*(?P<value2>\d++(?:\.\d++)?))?\s*(?=[{_UNIT_OPENS}])"
    rf"(?P<unit>{_UNIT_ALT}{_UNIT_TAIL})"
    r"(?P<post>及以上|以上|左右|以内|及以下|以下)?"
)
# 突破百项前沿关键核心技术, 培育百家专业服务机构: a round count written as a word after its verb.
_NUMERALS = {"百": 100.0, "千": 1000.0}


def _number(raw: str) -> float:
    return _NUMERALS.get(raw) or float(raw)


_PRE_BEFORE = re.compile(rf"(?:{_PRE})\s*$")
# The value cell of an indicator table: 下降15%, <1, ≥90%, 500亿元以上.
_CELL = re.compile(
    rf"^(?P<change>下降|降低|减少|提高|提升|增长|增加)?\s*(?P<pre>{_PRE})?\s*"
    rf"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT_ALT}{_UNIT_TAIL})?\s*(?P<post>及以上|以上|左右|以内|及以下|以下)?$"
)
_COMPARATOR = {
    "突破": ">=", "力争突破": ">=", "不低于": ">=", "不少于": ">=", "以上": ">=", "及以上": ">=",
    "超过": ">", "超": ">", "至少": ">=", "至少有": ">=", "高于": ">", "大于": ">", "左右": "~", "约": "~",
    "不超过": "<=", "不高于": "<=",
    "控制在": "<=", "以内": "<=", "以下": "<=", "及以下": "<=", "低于": "<=", "小于": "<=",
    "≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<=",
}  # fmt: skip
# 不低于当地标准的1.6倍, 超每千人6.6批次: the comparator stands before a reference or a rate.
_PRE_APART = re.compile(
    r"(?P<word>不低于|不少于|不超过|不高于|超过|低于|高于|至少|超)"
    r"(?:[^，,。；;：:\n\d]{1,16}的|每[十百千万]+[^，,。；;\d]{0,2}|培育|新增|建设|建成|打造|引进|培养)"
    r"\s*$"
)
# 今年, 年内, 一季度, 元宵节前: the document's year; 明年 the next (三年内 is no year: a span).
# Every alternative opens on a literal (the look-behind stands after it), so the scan skips in
# C to the characters a match opens with.
_THIS_YEAR = re.compile(
    r"今年|全年|年(?<![一二三四五六七八九十两\d]年)内|明年|上(?<![年\d]上)半年|下(?<![年\d]下)半年"
    r"|一(?<![年\d]一)季度|二(?<![年\d]二)季度|三(?<![年\d]三)季度|四(?<![年\d]四)季度"
    r"|春(?<![年\d]春)节前|元(?<![年\d]元)宵节前"
)
# The phrases of _THIS_YEAR: each is tried only where its last two characters stand.
_RELATIVE_YEAR_WORDS = word_ends(
    ("今年", "全年", "年内", "明年", "上半年", "下半年", "一季度", "二季度", "三季度", "四季度",
     "春节前", "元宵节前")
)  # fmt: skip
_SPAN_DIGITS = frozenset("一二三四五六七八九十两0123456789")
# 五年内把登记时间压缩三分之二以上、压减到5个工作日以内: the indicator is the object of 把/将.
_DISPOSED = re.compile(
    r"(?:将|把)(?P<what>[^，,。；;将把、]{2,20}?)(?:压缩|压减|缩短|降低|提高|提升|减少)[^，,。；;将把]*$"
)
# 建成投用龙舟运动公园、…、市民中心等19个基础设施项目: the count of a list to be built is a
# goal (洛阳等10个国家物流枢纽, a list merely named, is not).
_LISTED_TO_BUILD = re.compile(r"(?:建成|新建|布局|打造|培育|引进)[^，,。；;]*等\s*$")
_YEAR_BEFORE = re.compile(r"(?:到|至|在|于|力争|确保|争取)\s*$")
# 2023年达到80%, 2025年不低于4.66人: a year that opens its own goal.
_YEAR_GOAL = re.compile(
    r"\s*年(?:底|末)?(?:力争|确保|争取|要|将)?(?:达到|达|实现|不低于|不少于|超过|突破|提高到|提升到|"
    r"控制在|稳定在|保持在|完成|新增|累计)"
)
_YEAR_END = re.compile(r"\s*年(?:底|末|前)")
_YEAR_ALONE = re.compile(r"\s*年(?=[，,:：])")
_PLAN_AFTER = re.compile(r"[”\"]?(?:期末|末|时期末)")
_PLAN_PERIOD = re.compile(r"[”\"]?(?:期间|时期)(?!末)")
_YEAR_CLAUSE_START = re.compile(
    r"(?:^|[，,。；;\n])\s*(?:\d+[.、．]|[(（][一二三四五六七八九十\d]+[)）])?\s*$"
)
_BASELINE = re.compile(
    r"\s*[(（]\s*(?:目前|现状|基期|现为|\d{4}年)\s*[:：为]?\s*(?P<v>\d+(?:\.\d+)?)[^)）]{0,6}[)）]"
)
_SPACES = re.compile(r"\s+")
_CLAUSE_END = re.compile(r"[，,；;][^，,；;]*$")
# 2021—2023年 in a plan's title: its goals without a year of their own are for the last one.
_TITLE_PERIOD = re.compile(r"(?:19|20)\d{2}\s*[-—–～~至到]\s*((?:19|20)\d{2})\s*年")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# Plans count an action with a number as a planned output (完成旧住房修缮60万平方米).
_PLAN_TITLE = re.compile(r"计划|规划|方案|要点|工作安排|工作报告")
_PLAN_CUES = ("完成", "推进", "实施", "建设", "新建", "改造", "开工", "启动", "认定", "形成",
              "组建", "开展", "培养", "培训", "落实", "新开发", "建成", "改扩建")  # fmt: skip
_MAX_METRIC = 40
_BASELINE_OPEN = re.compile(r"[(（]\s*(?:目前|现状|基期|现为)\s*[:：为]?\s*$")
_CLAUSE = re.compile(r"[，,。；;：:\n、]")
_CLAUSE_MARKS = "，,。；;：:\n、"
# Words that make a number a goal; year phrases count too (their offsets come from _years).
_CUE_WORDS = (
    "力争",
    "确保",
    "目标",
    "全年",
    "年内",
    "预期",
    "新增",
    "引进",
    "培育",
    "建成",
    "打造",
    "创建",
    "累计",
)


# Looked for in the stretch asked about only: most numbers are settled before their cue is
# asked for (~1,700 questions over the bench corpus), while listing every cue of every text
# (~23,000 in plans) cost ~1.5 % of a run. Every alternative opens on a literal.
_CUE = re.compile("|".join(_CUE_WORDS))
_PLAN_CUE = re.compile("|".join(_PLAN_CUES))
# A cue opening before an end may close up to this many characters after it.
_CUE_REACH = max(map(len, (*_CUE_WORDS, *_PLAN_CUES))) - 1


class _Openings:
    """Where a list of words first opens after each sentence start asked about.

    The numbers of one sentence ask about the same start with ends further on: the stretch
    already read is not read again (reading it from the start for each number was ~1.5 % of
    a run, the sentences of tables and lists being long). Every word opening before an end
    fits before end + _CUE_REACH, so a search bounded there finds each such opening.
    """

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        self.first: dict[int, int] = {}  # start -> the first opening after it
        self.none_before: dict[int, int] = {}  # start -> no opening between it and this

    def between(self, start: int, end: int) -> bool:
        """A word opens in text[start:end]."""
        first = self.first.get(start)
        if first is not None:
            return first < end
        clear = self.none_before.get(start, start)
        if end <= clear:
            return False
        found = self.pattern.search(self.text, clear, end + _CUE_REACH)
        if found is not None and found.start() < end:
            self.first[start] = found.start()
            return True
        self.none_before[start] = end
        return False


_CHANGE = r"(?:增加|减少|增长|提高|提升|下降|降低)"
_TRAILING_CHANGE = re.compile(rf"{_CHANGE}$")
_CHANGE_OPENS = re.compile(rf"(?:年均|平均)?{_CHANGE}")
_CHANGE_BEFORE = re.compile(rf"{_CHANGE}\s*$")
_TRAILING = re.compile(r"(?:年均|平均)?(?:增长|增速)?$")


def _years(
    text: str, doc_year: int | None, plan_year: int | None = None
) -> tuple[list[int], list[int], list[int]]:
    """Offsets and values of year phrases (到2027年, 2025年底, “十四五”末, 2026年，…), and
    the offsets of those that by themselves make a number a goal (all but a bare 2026年，).
    A year that opens its own goal (2023年达到80%) counts unless it is before the document."""
    positions, years, cues = [], [], []
    for m in gy.years_in(text):
        word = m.group()
        if word.startswith("十"):
            end = gy.PLAN_END.get(word, 0)
            # “十四五”期间，完成植树造林90万亩: a period still to come sets its end year.
            now = doc_year or plan_year  # a “十四五” plan without a date speaks at its end
            ahead = _PLAN_PERIOD.match(text, m.end()) and now is not None and end >= now
            if _PLAN_AFTER.match(text, m.end()) or ahead:
                positions.append(m.start())
                years.append(gy.PLAN_END.get(word, 0))
                cues.append(m.start())
            continue
        start = m.start()
        before = text[max(0, start - 3) : start]
        if (
            _YEAR_BEFORE.search(before)
            or _YEAR_END.match(text, m.end())
            or (_YEAR_GOAL.match(text, m.end()) and (doc_year is None or int(word) >= doc_year))
        ):
            cues.append(start)
        elif not (_YEAR_ALONE.match(text, m.end()) and _YEAR_CLAUSE_START.search(before)):
            continue
        elif plan_year is not None and int(word) >= plan_year:
            cues.append(start)  # 2022年，全省…下降1.2% in the 2022 plan: that year's goal
        positions.append(start)
        years.append(int(word))
    return positions, years, cues


def _year_in_force(
    ctx: Context, pos: int, positions: list[int], years: list[int], quantities: list[int]
) -> int | None:
    """The year a goal at pos is set for.

    A year phrase binds the goals of its own paragraph. One that frames what follows
    (发展目标是：到2027年，… with no number of its own) also holds for the lists after it,
    up to the end of its top-level section.
    """
    i = bisect_right(positions, pos) - 1
    if i < 0:
        return None
    at = positions[i]
    paragraph = ctx.text.rfind("\n", 0, pos) + 1
    if at >= paragraph:
        return years[i]
    start, end = ctx.sentences.span(at)
    j = bisect_left(quantities, start)
    framing = j >= len(quantities) or quantities[j] >= end
    framing = framing and at >= gy.part_start(ctx.text, pos)
    if framing and (at >= ctx.sections.root_start(pos) or _dash_items(ctx.sections, at, pos)):
        return years[i]
    return None


def _dash_items(index: SectionIndex, at: int, pos: int) -> bool:
    """Only ——-items open between a framing sentence outside any section and the goal."""
    if index.deepest(at) is not None:
        return False
    return all(
        "." in index.paths[k] or index.sections[k].number == "——" for k in index.within(at, pos + 1)
    )


def _doc_year(ctx: Context) -> int | None:
    """The year the document speaks in (its date, else a year in its title): 今年 is that year."""
    meta = ctx.doc.metadata
    if meta.date and meta.date[:4].isdigit():
        return int(meta.date[:4])
    found = _TITLE_YEAR.search(meta.title or "")
    return int(found.group(1)) if found else None


def _plan_year(ctx: Context) -> int | None:
    """The year a document's goals are for when they name none: the last year of the period
    its title names (行动计划（2021-2023年）→ 2023), else the one year of an annual document
    (2026年政府工作报告, 2025年度实施计划, 关于做好2023年…工作的意见)."""
    title = ctx.doc.metadata.title or ""
    found = _TITLE_PERIOD.search(title)
    if found:
        return int(found.group(1))
    plan = next((end for name, end in gy.PLAN_END.items() if name in title), None)
    if plan is not None:
        return plan
    years = _TITLE_YEAR.findall(title)
    if len(set(years)) == 1:
        return int(years[0])
    return gy.goals_section_year(ctx)


_RANGE_GAP = re.compile(r"\s*[-—–～~至到]{1,2}\s*")
# The starting point of 从X提高到Y (由30%提高至40%) is a baseline, not a goal.
_FROM_TAIL = re.compile(r"(?:从|由(?=\s*\d))[^从由]*$")
_FROM_BEFORE = re.compile(r"从[^，,。；;、到]{0,14}$|由\s*$")


@dataclass(frozen=True)
class _Cues:
    """Words that make a number in their sentence a goal (year phrases found once per text).

    In a plan an action with a number is a planned output too (plan), unless its sentence
    opens with a bare year (2023年，全市完成投资100亿元: a statement of what was done).
    """

    text: str
    years: list[int]
    plan: bool
    bare_sentences: frozenset[int]
    cue: _Openings
    plan_cue: _Openings

    def framed(self, paragraph: int, sentence: int, value_start: int) -> bool:
        """到2020年，…。与2017年相比，铁路货运量增加164万吨: a year phrase earlier in the
        paragraph frames a change (增加/减少/增长/提高) its later sentences state."""
        j = bisect_left(self.years, paragraph)
        return (
            j < len(self.years)
            and self.years[j] < sentence
            and _CHANGE_BEFORE.search(self.text, max(sentence, value_start - 4), value_start)
            is not None
        )

    def in_sentence(self, start: int, end: int) -> bool:
        """A cue between start and end (a sentence's start and the number's end)."""
        j = bisect_left(self.years, start)
        if j < len(self.years) and self.years[j] < end:
            return True
        if self.cue.between(start, end):
            return True
        return self.plan and start not in self.bare_sentences and self.plan_cue.between(start, end)


def _cues(ctx: Context, year_cues: list[int], bare_years: list[int]) -> _Cues:
    text = ctx.text
    years = sorted(year_cues)  # looked up by bisection for each number
    cue, plan_cue = _Openings(_CUE, text), _Openings(_PLAN_CUE, text)
    if not _PLAN_TITLE.search(ctx.doc.metadata.title or ""):
        return _Cues(text, years, False, frozenset(), cue, plan_cue)
    bare = frozenset(ctx.sentences.span(at)[0] for at in bare_years)
    return _Cues(text, years, True, bare, cue, plan_cue)


def _ranges(
    text: str, matches: list[re.Match[str]]
) -> tuple[dict[int, tuple[float, int]], set[int]]:
    """4.5%—5%: the upper bound and its end by the lower bound's start, and the upper bounds."""
    upper: dict[int, tuple[float, int]] = {}
    skip: set[int] = set()
    for first, second in itertools.pairwise(matches):
        if (
            first.group("unit") == second.group("unit")
            and not first.group("value2")
            and _RANGE_GAP.fullmatch(text, first.end(), second.start())
            and not second.group("value").startswith("*")
        ):
            upper[first.start()] = (_number(second.group("value")), second.end())
            skip.add(second.start())
    return upper, skip


_LIST_GAP = re.compile(r"\s*[、和]\s*")


def _list_runs(text: str, matches: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Numbers listed together (2050万吨、4200万吨和19万吨以上), two or more per run."""
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for m in [*matches, None]:
        if m is not None and run and _LIST_GAP.fullmatch(text, run[-1].end(), m.start()):
            run.append(m)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [m] if m is not None else []
    return runs


def _shared_posts(runs: list[list[re.Match[str]]]) -> dict[int, str]:
    """2050万吨、4200万吨、19万吨以上: the last item's 以上 holds for the whole list."""
    shared: dict[int, str] = {}
    for run in runs:
        # 8%、8%、10%以上、10%以上: items with their own 以上 share nothing.
        if run[-1].group("post") and not any(item.group("post") for item in run[:-1]):
            shared.update((item.start(), run[-1].group("post")) for item in run[:-1])
    return shared


def _shared_pres(text: str, runs: list[list[re.Match[str]]]) -> dict[int, str]:
    """分别超过2%、5%: the first item's comparator holds for the items after it."""
    shared: dict[int, str] = {}
    for run in runs:
        start = run[0].start("value")
        first = _PRE_BEFORE.search(text, max(0, start - 6), start)
        if first is not None and not any(item.group("post") for item in run):
            shared.update((item.start(), first.group().strip()) for item in run[1:])
    return shared


def _shared_units(runs: list[list[re.Match[str]]]) -> dict[int, str]:
    """降低20个、10个百分点: an item whose unit begins the last one's is in the last one's."""
    shared: dict[int, str] = {}
    for run in runs:
        last = run[-1].group("unit")
        for item in run[:-1]:
            unit = item.group("unit")
            if unit != last and last.startswith(unit):
                shared[item.start()] = last
    return shared


def _apart(text: str, clause_start: int, value_start: int) -> re.Match[str] | None:
    """A comparator that stands apart from its number (不低于当地标准的1.6倍)."""
    return _PRE_APART.search(text, max(clause_start, value_start - 24), value_start)


def _row_indicator(text: str, pos: int) -> str:
    """In a table row (cells split by |), the indicator cell before the one at pos."""
    line_start = text.rfind("\n", 0, pos) + 1
    cells = text[line_start:pos].split("|")
    if len(cells) < 2 or _CLAUSE.search(cells[-2].strip()):
        return ""  # no table row, or a cell of prose
    return LEADING.sub("", cells[-2].strip())


def _table_goals(rows: list[IndicatorRow], plan_year: int | None) -> list[Goal]:
    """One goal per indicator-table row whose value cell is a number."""
    out = []
    for row in rows:
        cell = _CELL.match(row.cell)
        if cell is None or len(row.indicator) < 2:
            continue
        comparator = _COMPARATOR.get(cell.group("post") or "") or _COMPARATOR.get(
            cell.group("pre") or "", "="
        )
        out.append(
            Goal(row.start, row.indicator + (cell.group("change") or ""), float(cell.group("value")),
                 None, cell.group("unit") or "", comparator, row.year or plan_year, None)
        )  # fmt: skip
    return out


def _in_rows(text: str, row_starts: list[int], at: int) -> bool:
    """Offset at lies on one of the lines beginning at row_starts (sorted)."""
    # Bisection, not text.rfind("\n", 0, at): a page laid out as a few long lines made that
    # backward scan a few percent of a whole run.
    k = bisect_right(row_starts, at)
    return k > 0 and text.find("\n", row_starts[k - 1], at) < 0


def _numbers(text: str, rows: list[IndicatorRow]) -> list[re.Match[str]]:
    """The quantities of text before its glossary, but those of indicator-table cells (read
    with their table)."""
    matches = list(QUANTITY.finditer(text, 0, glossary_start(text)))
    if rows:
        row_starts = sorted({row.start for row in rows})
        matches = [m for m in matches if not _in_rows(text, row_starts, m.start())]
    return matches


def find_goals(ctx: Context) -> list[Goal]:
    """Every quantified goal in the document, with the year in force where it stands."""
    text = ctx.text
    if is_regulation(ctx.doc.metadata.title or ""):
        return []
    rows = indicator_rows(text)
    matches = _numbers(text, rows)
    if not matches and not rows:
        return []  # a third of the texts: their years are not read
    doc_year = _doc_year(ctx)
    plan_year = _plan_year(ctx)
    out: list[Goal] = []
    quantities = [m.start() for m in matches]
    positions, years, year_cues = _years(text, doc_year, plan_year)
    if doc_year is not None and matches:
        _add_relative_years(ctx, doc_year, matches[-1].end(), positions, years, year_cues)
    cue_set = set(year_cues)
    cues = _cues(ctx, year_cues, [at for at in positions if at not in cue_set])
    upper, skip = _ranges(text, matches)
    runs = _list_runs(text, matches)
    shared, shared_units = _shared_posts(runs), _shared_units(runs)
    shared_pres = _shared_pres(text, runs)
    grants = Grants(text)
    for m in matches:
        value_start = m.start("value")
        if m.start() in skip:
            continue
        if text[value_start - 1 : value_start] in ("《", "〔") or m.group("unit") in ("天",):
            continue
        # Asked first: a third of the numbers stand in review parts.
        section_year = gy.section_year(ctx, value_start, doc_year)
        if section_year is False:
            continue
        if not_goal_before(text, value_start) and not (
            _LISTED_TO_BUILD.search(text, max(0, value_start - 40), value_start)
        ):
            continue
        if NOT_GOAL_AFTER.match(text, m.end()) or _FROM_BEFORE.search(
            text, max(0, value_start - 16), value_start
        ):
            continue  # 5个方面 of the text itself; the 2375元 of 从2375元提高到2423元
        pre_match = _PRE_BEFORE.search(text, max(0, value_start - 6), value_start)
        pre = pre_match.group().strip() if pre_match else None
        sentence = ctx.sentences.span(value_start)
        sentence_start = sentence[0]
        cut = last_mark(text, sentence_start, value_start, _CLAUSE_MARKS)
        clause_start = cut + 1 if cut >= 0 else sentence_start
        clause_start = max(clause_start, text.rfind("|", clause_start, value_start) + 1)
        apart = None if pre_match else _apart(text, clause_start, value_start)
        post = m.group("post") or shared.get(m.start())
        # Asked before the rules below (none has an effect but to let the number go): a third
        # of the numbers they would read have no word that makes them a goal.
        if not (
            pre
            or post
            or apart
            or section_year
            or cues.in_sentence(sentence_start, m.end())
            or cues.framed(text.rfind("\n", 0, sentence_start) + 1, sentence_start, value_start)
        ):
            continue
        if no_goal(ctx, m, clause_start, sentence_start):
            continue
        if GRANT_BEFORE.search(text, max(sentence_start, value_start - 40), value_start):
            continue
        if m.group("value") == "1" and PER_ONE_BEFORE.search(
            text, max(0, value_start - 4), value_start
        ):
            continue
        if ELIGIBLE_AFTER.match(text, m.end()) or instrument(text, clause_start, value_start):
            continue
        if benefit(grants, sentence, clause_start, m):
            continue
        if quota(text, clause_start, value_start, m.end(), pre):
            continue
        metric_end = pre_match.start() if pre_match else apart.start() if apart else value_start
        if norm_set(text, clause_start, metric_end, m):
            continue
        if _BASELINE_OPEN.search(text, max(0, value_start - 8), value_start):
            continue  # the (目前:68%) of another goal
        bound = upper.get(m.start())
        metric = metric_name(text, clause_start, metric_end, bound[1] if bound else m.end())
        metric = _TRAILING.sub("", metric) if pre is None else metric
        if pre and pre.endswith("到"):
            trimmed = _FROM_TAIL.sub("", metric)
            metric = trimmed if len(trimmed) >= 2 else metric  # 标准从每人每月2375元(提高到)
        disposed = _DISPOSED.search(text, sentence_start, clause_start) if len(metric) < 2 else None
        if disposed:
            metric = disposed.group("what")
        if len(metric) < 2 and out and out[-1].start >= sentence_start:
            # 地区生产总值达到500亿元，年均增长7%: the second goal is about the first metric.
            change = opening(text[clause_start:metric_end])
            # 铁路货运量增加164万吨、增长5.2%: the second change is of 铁路货运量, not of its 增加.
            base = _TRAILING_CHANGE.sub("", out[-1].metric) if _CHANGE_OPENS.match(change) else ""
            metric = (base if len(base) >= 2 else out[-1].metric) + change
        if len(metric) < 2:
            metric = _row_indicator(text, clause_start)  # | 4.家庭医生人数 | 2025年达到4.66名
        metric = plain_metric(_SPACES.sub("", metric))  # a line broken inside its words
        if len(metric) < 2 or len(metric) > _MAX_METRIC:
            continue  # table cells run together are no sentence
        raw = m.group("value")
        value = None if raw.startswith("*") else _number(raw)
        value_max = float(m.group("value2")) if m.group("value2") else (bound[0] if bound else None)
        comparator = (
            _COMPARATOR.get(post or "")
            or _COMPARATOR.get(pre or "")
            or (_COMPARATOR[apart.group("word")] if apart else None)
            or _COMPARATOR.get(shared_pres.get(m.start(), ""))
        )
        baseline_match = _BASELINE.match(text, m.end())
        baseline = float(baseline_match.group("v")) if baseline_match else None
        year = leading_year(text[clause_start:metric_end])
        if year is None:
            year = _year_in_force(ctx, m.start(), positions, years, quantities)
        if year is None:
            year = section_year or plan_year
        elif plan_year and text.find("明年", sentence_start, value_start) < 0:
            year = gy.vision_capped(year, plan_year, section_year, text[sentence_start : m.end()])
        if _in_span(text, sentence_start, value_start):
            year = None  # 三年内全市离境退税商店达到200家: within a span, by no calendar year
        out.append(
            Goal(m.start(), metric, value, value_max, shared_units.get(m.start(), m.group("unit")),
                 comparator or "=", year, baseline)
        )  # fmt: skip
    return sorted(spread_enumerations(text, out) + _table_goals(rows, plan_year), key=_start)


def _add_relative_years(
    ctx: Context, doc_year: int, stop: int, positions: list[int], years: list[int], cues: list[int]
) -> None:
    """Put the relative year phrases (今年, 一季度) that open before stop among the years."""
    # Tried where the phrases' words stand (found by str.find): the pattern, opening on 年
    # and 一 among others, stopped at nearly every date and heading of the text.
    # No number asks for a phrase opening at or after its own end: the phrases are read up to
    # the last number's.
    starts = starts_before(ctx.text, _RELATIVE_YEAR_WORDS)
    for m in matches_at(_THIS_YEAR, ctx.text, starts):
        if m.start() >= stop:
            break
        k = bisect_left(positions, m.start())
        positions.insert(k, m.start())
        years.insert(k, _relative_year(ctx, m, doc_year))
        cues.append(m.start())


def _relative_year(ctx: Context, m: re.Match[str], doc_year: int) -> int:
    """明年 is the year after the document's; 上半年 or 一季度 is in the year its sentence
    names before it (2019年在全国开展…，上半年将…), else in the document's year."""
    word = m.group()
    if word == "明年":
        return doc_year + 1
    if word in ("今年", "全年", "年内"):
        return doc_year
    start, _ = ctx.sentences.span(m.start())
    named = [y for y in gy.YEAR.findall(ctx.text, start, m.start()) if y[0].isdigit()]
    return int(named[-1]) if named else doc_year


def _in_span(text: str, sentence_start: int, value_start: int) -> bool:
    """A span of years (三年内, 五年内) frames the number, and no year phrase follows it."""
    at = text.rfind("年内", sentence_start, value_start)
    return (
        at > sentence_start
        and text[at - 1] in _SPAN_DIGITS
        and gy.YEAR.search(text, at, value_start) is None
    )


def _start(goal: Goal) -> int:
    return goal.start


def _clause_start(ctx: Context, pos: int) -> int:
    """Where the clause holding pos starts (after the last ，or ；of its sentence before it)."""
    sentence_start, _ = ctx.sentences.span(pos)
    cut = _CLAUSE_END.search(ctx.text, sentence_start, pos)
    return cut.start() + 1 if cut else sentence_start


def _scope(
    ctx: Context, b: Builder, goal: Goal, parks: list[ParkMention], starts: list[int]
) -> tuple[str, str] | None:
    """The park named before the goal in its clause, else the document's jurisdiction."""
    i = bisect_left(starts, goal.start) - 1
    if i >= 0 and starts[i] >= _clause_start(ctx, goal.start):
        return b.park(parks[i])
    if ctx.park is not None:
        return b.park(ctx.park)
    if ctx.region is not None:
        return b.region(ctx.region)
    return None


def targets(ctx: Context, b: Builder, doc: tuple[str, str], parks: list[ParkMention]) -> None:
    """Target nodes with SETS_TARGET from the document and FOR their scope."""
    starts = [park.start for park in parks]
    for goal in find_goals(ctx):
        tid = target_id(ctx.doc_id, goal.start)
        shown = "*" if goal.value is None else f"{goal.value:g}"
        if goal.value_max is not None:
            shown += f"-{goal.value_max:g}"
        # The sentence's offsets as trimmed, so readers find it in the saved text (the graph
        # keeps these, not the sentence).
        first, last = ctx.sentences.trimmed_span(goal.start)
        sentence = ctx.text[first:last]
        known = lookup_metric(goal.metric, goal.unit)
        props: dict[str, Value] = {
            "name": f"{goal.metric} {goal.comparator} {shown}{goal.unit}"
            + (f" ({goal.year})" if goal.year else ""),
            "metric": goal.metric, "value": goal.value, "value_max": goal.value_max,
            "metric_key": known.key if known else None,
            "dimension": known.dimension if known else None,
            "unit": goal.unit, "comparator": goal.comparator, "year": goal.year,
            "baseline": goal.baseline, "text": sentence, "start": first, "end": last,
        }  # fmt: skip
        b.node("Target", tid, props, weak=False)
        b.rel("SETS_TARGET", doc, ("Target", tid), sentence)
        scope = _scope(ctx, b, goal, parks, starts)
        if scope is not None:
            b.rel("FOR", ("Target", tid), scope, sentence)
