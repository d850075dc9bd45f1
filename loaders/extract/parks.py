"""Development zones and parks: 亳州高新区 = 亳州高新技术产业开发区, in-document aliases, level."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

import ahocorasick_rs

from policykg.loaders.extract.regions import (
    Region,
    Spans,
    county_at_start,
    district_at_start,
    find_regions,
)

# Long form first so the regex prefers it; value: canonical kind and its long form.
_KINDS: dict[str, tuple[str, str]] = {
    "高新技术产业开发区": ("高新区", "高新技术产业开发区"),
    "高新技术开发区": ("高新区", "高新技术产业开发区"),
    # 东湖新技术开发区: a national 高新区 whose name keeps the older wording.
    "新技术产业开发区": ("高新区", "新技术产业开发区"),
    "新技术开发区": ("高新区", "新技术开发区"),
    "高新区": ("高新区", "高新技术产业开发区"),
    "经济技术开发区": ("经开区", "经济技术开发区"),
    "经开区": ("经开区", "经济技术开发区"),
    "经济开发区": ("经济开发区", "经济开发区"),
    "自由贸易试验区": ("自贸区", "自由贸易试验区"),
    "自贸试验区": ("自贸区", "自由贸易试验区"),
    "自贸区": ("自贸区", "自由贸易试验区"),
    "自贸片区": ("自贸片区", "自贸片区"),
    "综合保税区": ("综合保税区", "综合保税区"),
    "保税区": ("保税区", "保税区"),
    "产业集聚区": ("产业集聚区", "产业集聚区"),
    "产业集中区": ("产业集中区", "产业集中区"),
    "工业园区": ("工业园区", "工业园区"),
    "化学工业园区": ("化工园区", "化学工业园区"),
    "化学工业区": ("化工园区", "化学工业区"),
    "化工园区": ("化工园区", "化工园区"),
    "产业园区": ("产业园", "产业园"),
    "产业园": ("产业园", "产业园"),
    "工业园": ("工业园区", "工业园区"),
    "科技园": ("科技园", "科技园"),
    # 平潭综合实验区: a zone governed by its own committee, as a park is.
    "综合实验区": ("综合实验区", "综合实验区"),
    "示范区": ("示范区", "示范区"),
    "开发区": ("开发区", "开发区"),
}
_KIND_ALT = "|".join(sorted(_KINDS, key=len, reverse=True))
_HAN = "\u4e00-\u9fff"
# Kind words are found first (a literal alternation: fast), the name's words read backwards.
KIND = re.compile(_KIND_ALT)
# KIND's matches in a whole text, leftmost-longest and non-overlapping as KIND finds them (its
# words longest first), by an automaton: sre checked KIND's first characters at every character
# (1.2 % of a run); a context's text is already UTF-8 for the regions' automaton.
_KIND_WORDS = list(_KINDS)
_KIND_AUTOMATON = ahocorasick_rs.AhoCorasick(
    _KIND_WORDS,
    matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
    implementation=ahocorasick_rs.Implementation.DFA,
)
# The last characters of the kind words: FTZ's names end in 区 too, so a text without any
# names no park (a third of find_parks' texts: titles, organ names, list items).
_KIND_LAST = frozenset(word[-1] for word in _KINDS)
FTZ = re.compile(rf"中国\s*[(（][{_HAN}]{{2,3}}[)）]\s*自由贸易试验区(?:[{_HAN}]{{2,4}}片区)?")
_PREFIX = re.compile(rf"[{_HAN}]{{0,14}}$")
_ALIAS = re.compile(r"[（(]以下简称[\"“「]?(?P<alias>[\u4e00-\u9fff]{2,10})[\"”」]?[)）]")
# Where a park's name cannot begin: verbs and particles that precede it in running text.
_LEAD_WORD = re.compile(
    r"(?:建设|推进|加快|打造|创建|申建|申报|支持|依托|争取|围绕|推动|成为|位于|设立|认定|"
    r"积极|进一步|重点|全面|鼓励|引导|对标|融入|发挥|培育|发展|包括|实现|加强|聚焦|提升|"
    r"参照|比照|增强|开展|明确|优化|整合|提高|强化|加大|赋予|理顺|跟踪|协调|集中|用于|符合|相邻|"
    r"所有|带动|合作|立足|组建|研究|提出|探索|完善|不断|反映|实施|其他|其它|原则上|筹建|占|到|从|"
    r"关于|印发|转发|以|和|与|及|对|在|将|把|为|由|是|的|等|各|全|个|类|入|至|向|省级|国家级|国家)"
)


def _kind_words(text: str) -> list[tuple[int, int, str]]:
    """KIND.finditer(text) as (start, end, word)."""
    try:
        found = _KIND_AUTOMATON.find_matches_as_indexes(text)
    except UnicodeEncodeError:  # a lone surrogate cannot go to the automaton as UTF-8
        return [(m.start(), m.end(), m.group()) for m in KIND.finditer(text)]
    return [(start, end, _KIND_WORDS[i]) for i, start, end in found]


def _lead_end(text: str) -> int:
    """End of the last verb or particle in text (0 if none): where a park's name may begin."""
    end = 0
    for m in _LEAD_WORD.finditer(text):
        end = m.end()
    return end


_LEVEL = re.compile(r"(国家级|省级)$")
_NAME_LEVEL = re.compile(r"(?:国家级|国家|省级)$")
_KIND_OF_SURFACE = re.compile(f"(?:{_KIND_ALT})$")
# Words that describe a kind of zone rather than name one.
_DESCRIPTIVE = re.compile(
    r"高端|特色|专业|创新|生态|低碳|循环|示范|绿色|新型|小微|返乡|标准|现代|综合|配套|合作|共建|"
    r"双创|融合|环保|先行|转型|承接|集聚|一体化|重点|智慧|数字|开放|联动|试点|品牌|优势|主导|"
    r"新兴|战略|产业|园区|旅游|全域|城市|城乡|国际|区域|各类|这些|该|世界|一流|国家|省级|加工|贸易"
)
# 建设产教融合示范区: a zone the text sets out to build, a goal rather than a named park.
_GOAL = re.compile(r"(?:建设|打造|创建|申建|争创|申报|建成|创成)(?:国家级|省级|国家|一批|一个)?$")
_NAMED_KINDS = frozenset({"产业园", "科技园", "工业园区", "化工园区"})
# Kind words used only inside proper names, never as common nouns.
_NAMED_WORDS = frozenset({"新技术产业开发区", "新技术开发区", "综合实验区"})
_GENERIC = frozenset({"", "本", "该", "各", "全市", "全省", "全区", "我市", "我区", "新", "现有"})


@dataclass(frozen=True)
class ParkMention:
    """A park named in text."""

    start: int
    end: int
    key: str  # region adcode + canonical core and kind
    name: str  # canonical display name
    kind: str
    region: Region | None
    level: str | None
    surface: str


def _level(text: str, start: int) -> str | None:
    match = _LEVEL.search(text[max(0, start - 4) : start])
    if match:
        return "national" if match.group(1) == "国家级" else "provincial"
    return None


def _make(
    prefix: str, kind_word: str, end: int, text: str,
    default_region: Region | None, province: str | None, spans: Spans | None = None,
) -> tuple[ParkMention, bool] | None:  # fmt: skip
    """A mention from the words before a kind word; the flag says it named its region."""
    kind, long_form = _KINDS[kind_word]
    # 常州国家高新区: the level word stands between the name and the kind.
    levelled = _NAME_LEVEL.search(prefix)
    tail = levelled.group() if levelled else ""
    prefix = prefix[: len(prefix) - len(tail)]
    if spans is None:
        hits = find_regions(prefix, province)
    else:
        # The document's own scan already found the names: take those inside the prefix.
        lo = end - len(kind_word) - len(tail) - len(prefix)
        hi = lo + len(prefix)
        i = bisect_left(spans, (lo,))
        inside: Spans = []
        while i < len(spans) and spans[i][1] <= hi:
            a, b, codes = spans[i]
            inside.append((a - lo, b - lo, codes))
            i += 1
        hits = find_regions(prefix, province, inside)
    region = None
    core = prefix
    if hits:
        last = hits[-1]
        rest = prefix[last.end :]
        if not _lead_end(rest) and len(rest) <= 8:
            region, core = last.region, rest
            first = last
            for hit in reversed(hits[:-1]):  # 安徽亳州高新区: contiguous regions
                if hit.end != first.start:
                    break
                first = hit
            prefix = prefix[first.start :]
    if region is None:
        core = prefix[_lead_end(prefix) :]
        prefix = core
        county = county_at_start(core, province) if province else None
        if county is None and default_region is not None and default_region.level == "city":
            county = district_at_start(core, default_region)
        if county is not None:
            region, core = county[0], core[county[1] :]
        elif len(core) < 2 or len(core) > 8 or core in _GENERIC:
            return None
    if core in _GENERIC:
        core = ""
    start = end - len(prefix) - len(tail) - len(kind_word)
    place_region = region or default_region
    place = place_region.short if place_region is not None else ""
    name = f"{place}{core}{long_form}"
    key = f"{place_region.adcode if place_region else ''}/{core}{kind}"
    level = ("provincial" if tail == "省级" else "national") if tail else _level(text, start)
    mention = ParkMention(start, end, key, name, kind, place_region, level, text[start:end])
    return mention, region is not None


def find_parks(
    text: str,
    default_region: Region | None = None,
    province: str | None = None,
    spans: Spans | None = None,
) -> list[ParkMention]:
    """Parks named in text, with 以下简称 aliases resolved to the park they name.

    A park named without its region counts only when its name recurs or is defined by an
    alias: running text is full of 开发区 and 示范区 used as common nouns.
    """
    if not any(last in text for last in _KIND_LAST):
        return []
    out: list[tuple[ParkMention, bool | None]] = []
    aliases: dict[str, ParkMention] = {}
    ftz = [(m.start(), m.end()) for m in FTZ.finditer(text)]
    matches: list[tuple[int, int, str | None, str | None]] = [(a, b, None, None) for a, b in ftz]
    for start, end, word in _kind_words(text):
        if any(a <= start < b for a, b in ftz):
            continue  # the 自由贸易试验区 inside 中国(安徽)自由贸易试验区
        before = _PREFIX.search(text, max(0, start - 14), start)
        matches.append((start, end, before.group() if before else "", word))
    matches.sort()
    previous_end = -1
    for start, end, prefix, kind_word in matches:
        mention: ParkMention | None = None
        named: bool | None = True
        if kind_word is None or prefix is None:
            raw = text[start:end]
            surface = re.sub(r"\s+", "", raw).replace("(", "（").replace(")", "）")
            mention = ParkMention(
                start, end, f"/{surface}", surface, "自贸区", None, "national", raw
            )
        else:
            whole = text[end - len(kind_word) - len(prefix) : end]
            alias = next((a for a in aliases if whole.endswith(a)), None)
            made = _make(prefix, kind_word, end, text, default_region, province, spans)
            if made is not None and made[1]:
                mention = made[0]
            elif alias is not None:
                park = aliases[alias]
                mention = ParkMention(
                    end - len(alias), end, park.key, park.name, park.kind, park.region,
                    park.level, alias,
                )  # fmt: skip
            elif made is not None:
                mention, named = made[0], False
        if mention is None:
            continue
        if _inside_previous(text, previous_end, mention.start):
            continue  # 开发区东方美谷亳州产业园: a park within the park just named
        previous_end = mention.end
        if not named and _GOAL.search(text, max(0, mention.start - 8), mention.start):
            named = None  # only a goal unless written elsewhere as a place
        alias_match = _ALIAS.match(text, end)
        if alias_match:
            aliases[alias_match.group("alias")] = mention
            named = True
        out.append((mention, named))
    counts: dict[str, int] = {}
    for mention, named in out:
        if named is not None:
            counts[mention.key] = counts.get(mention.key, 0) + 1
    named_keys = {m.key for m, named in out if named}
    return [
        m
        for m, named in out
        if named or counts.get(m.key, 0) > 1 or m.key in named_keys or _proper(m)
    ]


def _inside_previous(text: str, previous_end: int, start: int) -> bool:
    """A name glued to the park before it, with no verb or mark between: a park within it."""
    if previous_end < 0 or start < previous_end or start - previous_end > 8:
        return False
    between = text[previous_end:start]
    return all("\u4e00" <= ch <= "\u9fff" for ch in between) and not _lead_end(between)


def _proper(mention: ParkMention) -> bool:
    """保利文化产业园, 东湖新技术开发区: a name, not 高端产业园 or 生态环保示范区."""
    kind_match = _KIND_OF_SURFACE.search(mention.surface)
    if kind_match is None:
        return False  # an alias (以下简称) need not end in a kind word; it counts as named
    word = kind_match.group()
    if mention.kind not in _NAMED_KINDS and word not in _NAMED_WORDS:
        return False  # 开发区, 示范区 alone are common nouns in running text
    core = mention.surface[: -len(word)]
    return 2 <= len(core) <= 6 and not _DESCRIPTIVE.search(core)
