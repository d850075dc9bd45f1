"""Who leads and who supports each task: 由A牵头，B配合; 责任单位：A、B; A会同B …"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from policykg.loaders.extract.builder import Builder
from policykg.loaders.extract.context import Context
from policykg.loaders.extract.goal_filters import is_regulation
from policykg.loaders.extract.ids import task_id, unit_id
from policykg.loaders.extract.obligations import MUST, article_obligations
from policykg.loaders.extract.parks import ParkMention, find_parks
from policykg.loaders.extract.sentences import (
    clause_span,
    finds,
    matches_at,
    starts_before,
    word_ends,
)
from policykg.loaders.extract.span_tasks import (
    SpanTask,
    article_of,
    duty_clauses,
    has_articles,
    paragraph_start,
    paragraph_tasks,
)
from policykg.loaders.extract.tables import row_end, table_rows
from policykg.loaders.extract.unit_lists import (
    ARTICLE,
    BOTH_LEVELS,
    CLAUSE,
    ITEM,
    ITEM_NUMBER,
    SPLIT,
    SUBJECT_TAIL,
    VAGUE_HEAD,
    Ref,
    Resolver,
    Target,
    clause_before,
    drop_tail,
    lead_of,
    listed_sectors,
    pieces,
    prefix_units,
    sector_departments,
    subject_opening,
    subject_units,
)
from policykg.loaders.extract.units import (
    COLLECTIVE,
    GENERIC,
    UNIT,
    UnitName,
    normalize_unit,
    unit_kind,
)
from policykg.ontology.records import Value
from policykg.ontology.schema import TASK_TEXT_CHARS

_C = r"[^，,。；;：:\n]"  # one clause's characters
_SUPPORT_VERB = r"(?:配合|参与|协同|协助|按职责分工负责|按职责负责|分工负责)"
# 高校、科研院所等牵头的项目: 牵头 describing what someone else leads assigns nothing.
_LEAD_CUE = re.compile(
    rf"牵头(?!单位|的)(?:统筹|负责|组织|抓总)?(?:[，,、]?(?P<sup>{_C}{{2,80}}?){_SUPPORT_VERB}(?!、))?"
)
# 市财政局负责，市税务局协助: 负责 only counts with a supporting clause after it.
# The look-behinds stand after the first character: a pattern opening on a literal is scanned
# for that character in C, one opening on a look-behind is tried at every offset (~20x slower).
_CHARGE_SUPPORT = re.compile(rf"负(?<!由负)责[，,、](?P<sup>{_C}{{2,80}}?){_SUPPORT_VERB}")
_SENTENCE_REACH = 160  # characters back to look for where a sentence opens
_LONG_LIST = 240  # characters a list of units before 牵头 may run to
_COOPERATE = re.compile(rf"会同(?P<sup>{_C}{{2,400}})")
# 科技部和中国社科院分别负责…, 国家医保局负责…: the clause before 负责 is nothing but units.
# Each alternative opens on a literal (the look-behind for 由 stands after it), so the scan
# skips in C to the characters a match opens with.
# 本办法由市民政局负责解释: who interprets a rule is told, no task is given (j04, j08, i09).
_CHARGE = r"(?:负责|主管(?!部门|单位|机关|领导|[局委厅办]))(?![，,、]|人|同志|解释)"
_SUBJECT_CHARGE = re.compile(
    "|".join(
        f"{word[0]}(?<!由{word[0]}){word[1:]}{_CHARGE}" for word in ("分别", "共同", "具体", "主要")
    )
    + r"|负(?<!由负)责(?![，,、]|人|同志|解释)"
    + r"|主(?<!由主)管(?!部门|单位|机关|领导|[局委厅办])(?![，,、]|人|同志)"
)
# Where _SUBJECT_CHARGE can start: at 负责 or 主管, or at the word before it (分别负责).
_CHARGE_WORDS = ("负责", "主管")
_CHARGE_OPENERS = frozenset(("分别", "共同", "具体", "主要"))
# 科技部要建立…, 各级党委（党组）要…: the units a sentence opens with are charged with it.
_GOVERNING = re.compile(
    r"(?:局|委|办|厅|(?<!部)部|署|政府|办公室|科学院|工程院|社科院|科协|党组[)）]?|管委会"
    r"|残联|残疾人联合会|妇联|妇女联合会|总工会|工商联|办事处[)）])$"
)
# 区民政部门要…, 市、区残联要…: a sector's department printed with its level is one organ
# of that level (a kind of organ without one, 科技计划管理部门要…, is not).
_LEVELLED_SUBJECT = re.compile(rf"^{ITEM}?\s*[省市县区](?![级场委])")
_BY = re.compile(r"(?<!自)由")
_CLAUSE_MARK = re.compile(r"[，,：:]")
# 按照本市…要求，浦东新区政府要…: a sentence may open on what it follows before its subject.
_OPENER = re.compile(
    rf"(?:^|[。；;\n])\s*{ITEM}?\s*(?:按照|根据|依据|围绕|对照)[^。；;\n，,]{{2,60}}$"
)
# The words _OPENER needs (one C scan of the 80 characters, where _OPENER was tried at each).
_OPENER_WORDS = re.compile("按照|根据|依据|围绕|对照")
_SUBJECT_MUST = re.compile(r"要(?<![需只不]要)(?![求素件点])")
_IN_CHARGE = re.compile(
    rf"由(?P<lead>{_C}{{2,30}}?)(?:具体)?(?:负责(?!解释|同志|人)|另行制定|统一制定|协调推进|组织实施)"
    rf"(?:[，,、](?P<sup>{_C}{{2,80}}?){_SUPPORT_VERB})?"
)
# （市发展改革委、市财政局负责）closing an item: the first named leads.
# A note may follow inside the bracket: （交通运输部、海关总署按职责分工负责。以下均需地方人民
# 政府负责，不再列出）.
_BRACKET_DUTY = re.compile(
    r"[（(](?P<list>[^（）()\n牵配]{2,80}?)(?:按职责分工|分别|共同)?负责"
    r"(?:[。；;][^（）()\n]{2,40})?[)）]"
)
# （市经济信息化委、市科委）closing a measure, without 负责 or a 责任单位 label: the units in
# charge of it (Shanghai's action plans print them so); every named unit leads.
_CLOSING_LIST = re.compile(
    r"[（(](?<=[。；;][（(])(?P<list>[^（）()\n:：。；;]{3,160})[)）][。；;]?(?=\n|$)"
)
_ROLE_WORD = re.compile(r"牵头|配合|负责|参与|协助|简称|以下|含|包括|除外|试行|暂行")
_OFFICE = re.compile(rf"办公室设在(?P<lead>{_C}{{2,30}})")
# 市投资促进局为主责单位 / 为牵头单位: the unit before 为 leads.
_NAMED_LEAD = re.compile(r"为(?:主责|牵头|责任主体)单位|为第一责任单位")
_BEARS_RESPONSIBILITY = re.compile(r"[是为](?=[^，,。；;]{0,40}?(?:第一)?责任主体(?!单位))")
# 牵头单位：A、B；配合单位：C / （责任部门：A、B）/ 牵头考核单位：A: the head names the role.
_LEAD_HEADS = ("牵头单位", "牵头部门", "牵头考核单位", "主责单位", "主办单位", "负责考核部门")
_DUTY_HEADS = ("责任单位", "责任部门", "责任处室")
_SUPPORT_HEADS = (
    "配合单位", "配合部门", "参与单位", "参与部门", "协办单位", "支撑单位", "协同单位",
    "协同部门", "支持单位",
)  # fmt: skip
_HEAD = "|".join(sorted((*_LEAD_HEADS, *_DUTY_HEADS, *_SUPPORT_HEADS), key=len, reverse=True))
# 各县（市、区）人民政府: the levels a collective covers, in brackets inside the list.
_LEVELS_IN_BRACKETS = r"[(（][市县区镇乡街道、]{1,8}[)）]"
# 责任单位及承办科室（单位）：市自然资源局，储备中心: the offices after the comma carry it out
# inside the unit in charge, they are not units of their own.
_OFFICES = r"及承办(?:科室|单位|处室)?(?:[（(]单位[)）])?"
_HEADED = re.compile(
    rf"(?P<head>{_HEAD})(?P<offices>{_OFFICES})?\s*[:：]\s*"
    rf"(?P<list>(?:(?![，,；;]?\s*(?:{_HEAD})\s*[:：])(?:[^；;。\n)）(（]|[(（]牵头[)）]|{_LEVELS_IN_BRACKETS}))+)"
)

# Where _HEADED can start: before the 位/门/室 that ends its head (单位, 部门, 处室).
_HEAD_WORDS = word_ends((*_LEAD_HEADS, *_DUTY_HEADS, *_SUPPORT_HEADS), size=1)
# What _HEADED allows right after a head, besides a space: 及承办…, or the colon.
_AFTER_HEAD = frozenset("及:：")
_BRACKETS = {"（": (0,), "(": (0,)}  # where _BRACKET_DUTY and _CLOSING_LIST can start
# The document's own convention for lists of responsible units (only whether it states one
# counts). The search opens on 第一 and looks behind it for the verb, so it is scanned for the
# literal in C.
_FIRST_LEADS = re.compile(
    r"第一(?:(?<=[列排]第一)|(?<=排在第一|排名第一|位列第一))(?:位|个)?(?:的|者)?(?:单位|部门)?"
    r"(?:为|是)牵头|首位(?:的)?为牵头"
)
_LEAD_MARK = re.compile(r"[(（]牵头[)）]")
_INLINE_ROLE = re.compile(r"(?<![(（])牵头(?![)）])|配合|协助|参与")
# A short title without a list or a clause break reads as a heading, not as a sentence.
_HEADING_LIKE = re.compile(r"[^、，,；;]{1,20}")


def _states_first_leads(text: str) -> bool:
    """Whether the document says the first unit listed leads (列第一位者为牵头单位)."""
    # Every match ends on 为牵头 or 是牵头 (in no text of the speed bench): looking for those
    # first spares the scan of a pattern opening on a character set.
    return ("为牵头" in text or "是牵头" in text) and _FIRST_LEADS.search(text) is not None


def _duty_roles(units: list[Ref], led: bool, first_leads: bool) -> list[tuple[str, Ref]]:
    """Roles of the units listed as 责任单位: each leads, unless a lead was named beside them
    (then they support it) or the document says the first listed leads (列第一位者为牵头单位)."""
    return [
        ("SUPPORTED_BY" if (first_leads and j > 0) else "LED_BY", unit)
        for j, unit in enumerate(units)
    ]


def _duties(ctx: Context, resolve: Resolver, first_leads: bool) -> list[tuple[int, str, Ref]]:
    text = ctx.text
    out: list[tuple[int, str, Ref]] = []
    for m in _LEAD_CUE.finditer(text):
        # 由所涉及的省政府办公厅、住房城乡建设厅、…等省级主管部门（单位）牵头: a long list, and
        # the kind of its units in brackets after it.
        end = m.start() - 4 if text.endswith(("（单位）", "(单位)"), 0, m.start()) else m.start()
        clause = clause_before(text, end)
        if "、" in clause:
            clause = clause_before(text, end, _LONG_LIST)
        # 由市商务局、市邮政管理局牵头: several leads.
        leads = resolve.many(clause) if "、" in clause else []
        lead = lead_of(resolve, clause)
        if not leads:
            if lead is None:
                continue
            leads = [lead]
        out.extend((m.start(), "LED_BY", t) for t in leads)
        if m.group("sup"):
            out.extend((m.start(), "SUPPORTED_BY", t) for t in resolve.many(m.group("sup")))
    for m in _COOPERATE.finditer(text):
        subject = clause_before(text, m.start())
        listed = subject_units(resolve, subject) if "、" in subject else []
        if len(listed) > 1:
            # 科技部、中国社科院要会同教育部…: every unit of the subject leads.
            out.extend((m.start(), "LED_BY", t) for t in listed)
            first = CLAUSE.split(m.group("sup"))[0]
            out.extend((m.start(), "SUPPORTED_BY", t) for t in prefix_units(first, resolve))
            continue
        lead = lead_of(resolve, subject)
        if lead is None and not subject.strip():
            # 市国土资源规划局统筹安排…，会同“三区”: the subject heads the previous clause.
            previous = clause_before(text, max(0, m.start() - 1))
            heads = prefix_units(SPLIT.split(previous)[0], resolve)
            lead = heads[0] if heads else None
        if lead is None:
            continue
        out.append((m.start(), "LED_BY", lead))
        first = CLAUSE.split(m.group("sup"))[0]
        level = subject_opening(subject)[:1]
        supports = sector_departments(resolve, first, level) or prefix_units(first, resolve)
        out.extend((m.start(), "SUPPORTED_BY", t) for t in supports)
    for m in _IN_CHARGE.finditer(text):
        # 由区、镇人民政府和街道办事处负责: every one of them.
        lead = lead_of(resolve, m.group("lead"))
        leads = subject_units(resolve, m.group("lead")) or ([lead] if lead is not None else [])
        if leads:
            out.extend((m.start(), "LED_BY", t) for t in leads)
            if m.group("sup"):
                out.extend((m.start(), "SUPPORTED_BY", t) for t in resolve.many(m.group("sup")))
    for m in _subject_charges(text):
        out.extend((m.start(), "LED_BY", ref) for ref in _charged(text, m, resolve))
    musts = list(_SUBJECT_MUST.finditer(text))
    if is_regulation(ctx.doc.metadata.title or "") and not has_articles(ctx):
        # A rule printed as numbered items, not 第X条 (区民政、财政部门应于每年1月底…): its
        # organs' duties read as 要 does; article_obligations reads a rule made of articles.
        musts = sorted([*musts, *MUST.finditer(text)], key=lambda m: m.start())
        out.extend(_assigned_by(text, resolve))
    for m in musts:
        before = clause_before(text, m.start())
        mark = text[max(0, m.start() - len(before) - 1) : m.start() - len(before)]
        if mark in ("、", "（", "("):
            # Searched back a sentence's length only: from the text's start, each 要 of a long
            # plan cost a scan of everything before it.
            reach = max(0, m.start() - _SENTENCE_REACH)
            opening = max(reach - 1, *(text.rfind(c, reach, m.start()) for c in "。；;\n")) + 1
            item = ITEM_NUMBER.match(text, opening, m.start())
            if item is not None and not _CLAUSE_MARK.search(text, item.end(), m.start()):
                # （一）市、区民政、残联要…: the item's number opens the sentence, not a clause.
                before, mark = text[item.end() : m.start()], ""
            elif COLLECTIVE.match(text[opening : m.start()].strip()):
                # 各市、县（区）政府要…: a collective whose levels are listed inside it.
                before, mark = text[opening : m.start()], text[opening - 1 : opening]
        if mark not in ("", "。", "；", ";", "\n") and not ARTICLE.match(before.strip()):
            comma = m.start() - len(before) - 1
            if mark not in ("，", ",") or not _opens_sentence(text, comma):
                continue  # only a sentence's subject: not …，并要求市财政局要…
        units = subject_units(resolve, before)
        levelled = _LEVELLED_SUBJECT.match(before.strip()) is not None
        if not units and ctx.level not in (None, "national"):
            # 发改、财政等部门要…: a local government's own departments (a central text's 教育、
            # 卫生健康等部门 are every level's, no organ in particular).
            units = listed_sectors(resolve, before)
            levelled = bool(units)
        if not all(_charged_organ(ref, levelled) for ref in units):
            continue  # 定点医药机构要…, 科技计划管理部门要…: rules for bodies, or a kind of organ
        out.extend((m.start(), "LED_BY", ref) for ref in units)
    for m in _CHARGE_SUPPORT.finditer(text):
        lead = lead_of(resolve, clause_before(text, m.start()))
        if lead is not None:
            out.append((m.start(), "LED_BY", lead))
            out.extend((m.start(), "SUPPORTED_BY", t) for t in resolve.many(m.group("sup")))
    brackets = starts_before(text, _BRACKETS)
    # Half the texts hold no 负责 (and most no 牵头): one search of a word spares the tries at
    # every bracket.
    for m in matches_at(_BRACKET_DUTY, text, brackets) if "负责" in text else ():
        for j, t in enumerate(resolve.many(m.group("list"))):
            out.append((m.start(), "SUPPORTED_BY" if j else "LED_BY", t))
    # A closing list's bracket follows 。 or ；: the others are not tried.
    closing = [start for start in brackets if start and text[start - 1] in "。；;"]
    for m in matches_at(_CLOSING_LIST, text, closing):
        units = _listed_units(resolve, m.group("list"))
        out.extend((m.start(), role, t) for role, t in _duty_roles(units, False, first_leads))
    for m in _OFFICE.finditer(text):
        heads = prefix_units(m.group("lead"), resolve)
        if heads:
            out.append((m.start(), "LED_BY", heads[0]))
    for m in _NAMED_LEAD.finditer(text):
        lead = lead_of(resolve, clause_before(text, m.start()))
        if lead is not None:
            out.append((m.start(), "LED_BY", lead))
    for m in _BEARS_RESPONSIBILITY.finditer(text) if "责任主体" in text else ():
        # 各县区政府是辖区棚户区改造工作的责任主体: the subject of the sentence leads it.
        out.extend(
            (m.start(), "LED_BY", t) for t in subject_units(resolve, clause_before(text, m.start()))
        )
    headed = list(matches_at(_HEADED, text, _head_starts(text)))
    for i, m in enumerate(headed):
        items = m.group("list")
        if _LEAD_MARK.search(items):
            # 责任单位：市住建局（牵头）、市财政局: the marked ones lead.
            for piece in SPLIT.split(items):
                role = "LED_BY" if _LEAD_MARK.search(piece) else "SUPPORTED_BY"
                out.extend((m.start(), role, t) for t in resolve.many(_LEAD_MARK.sub("", piece)))
            continue
        if _INLINE_ROLE.search(items):
            continue  # 责任单位：市工信局牵头，市发展改革委配合: the cue patterns read it
        if m.group("offices"):
            items = re.split(r"[，,\s]", items.strip(), maxsplit=1)[0]
        units = resolve.many(items)
        head = m.group("head")
        if head in _LEAD_HEADS:
            out.extend((m.start(), "LED_BY", t) for t in units)
        elif head in _DUTY_HEADS:
            led = (
                i > 0
                and headed[i - 1].group("head") in _LEAD_HEADS
                and (m.start() - headed[i - 1].end() < 4)
            )
            out.extend((m.start(), role, t) for role, t in _duty_roles(units, led, first_leads))
        else:
            out.extend((m.start(), "SUPPORTED_BY", t) for t in units)
    return out


def _head_starts(text: str) -> list[int]:
    """starts_before(text, _HEAD_WORDS), but only before a 位/门/室 that a space, 及 or a colon
    follows (as after a head): most 单位 and 部门 of a plan are not, and each start costs a try
    of _HEADED."""
    starts: set[int] = set()
    for last, ks in _HEAD_WORDS.items():
        for at in finds(text, last):
            after = text[at + 1 : at + 2]
            if after in _AFTER_HEAD or after.isspace():
                starts.update(at - k for k in ks)
    return sorted(start for start in starts if start >= 0)


def _opens_sentence(text: str, comma: int) -> bool:
    """Whether the clause before comma opens its sentence (按照…，): _OPENER found there."""
    lo = max(0, comma - 80)
    return _OPENER_WORDS.search(text, lo, comma) is not None and (
        _OPENER.search(text, lo, comma) is not None
    )


def _subject_charges(text: str) -> Iterator[re.Match[str]]:
    """_SUBJECT_CHARGE.finditer(text), tried where 负责 or 主管 stands, or 分别, 共同 … before
    it."""
    starts: set[int] = set()
    for word in _CHARGE_WORDS:
        for at in finds(text, word):
            starts.add(at)
            if at >= 2 and text[at - 2 : at] in _CHARGE_OPENERS:
                starts.add(at - 2)
    return matches_at(_SUBJECT_CHARGE, text, sorted(starts))


def _listed_units(resolve: Resolver, chunk: str) -> list[Ref]:
    """The units of a bracket that holds nothing but units (市科委、市教委、相关区), or []."""
    if _ROLE_WORD.search(chunk):
        return []
    units: list[Ref] = []
    for piece in pieces(chunk):
        piece = drop_tail(piece.strip())
        if not piece or GENERIC.search(piece) or VAGUE_HEAD.match(piece):
            continue  # 相关区, 有关部门: named by no one in particular
        ref = resolve.find(piece)
        if not isinstance(ref, UnitName):
            return []  # a place, an example, a phrase: not a list of units in charge
        units.append(ref)
    return units


def _charged(text: str, m: re.Match[str], resolve: Resolver) -> list[Ref]:
    """The units a 负责 is said of, when the clause before it is nothing but units."""
    before = clause_before(text, m.start())
    opener = m.start() - len(before) - 1
    if opener >= 0 and text[opener] in "（(":
        # 镇人民政府（街道办事处）负责: an organ with its alternative in brackets; else
        # （A、B负责）, the first leads, read by _BRACKET_DUTY.
        span = clause_span(text, max(0, m.start() - 40), m.start())
        wide = text[span[0] : span[1]] if span else None
        if wide is None or not (
            before.endswith(("）", ")")) or BOTH_LEVELS.match(ARTICLE.sub("", wide))
        ):
            return []
        before = wide
    clause = SUBJECT_TAIL.sub("", subject_opening(before))
    if not clause or _BY.search(clause):
        return []  # 本办法由市卫生健康部门负责: read as 由X负责
    return subject_units(resolve, clause)


# 由区民政部门进行编号管理, 由区民政部门按有关规定处理: in a rule, the organ 由 names does it.
_BY_ORGAN = re.compile(rf"(?<![自经])由(?P<chunk>{_C}{{4,40}})")
_ACTS = re.compile(r"(?:进行|按|依|负责|列入|纳入|督促|组织|审核|核实|确认|统筹|指导|处理|办理)")


def _assigned_by(text: str, resolve: Resolver) -> list[tuple[int, str, Ref]]:
    """由<organ><verb> in a rule printed as items: the organ leads what the clause says."""
    out: list[tuple[int, str, Ref]] = []
    for m in _BY_ORGAN.finditer(text) if "由" in text else ():
        chunk = m.group("chunk")
        act = _ACTS.search(chunk, 3)
        found = resolve.find(chunk[: act.start()]) if act else None
        if isinstance(found, UnitName) and _charged_organ(found, True):
            out.append((m.start(), "LED_BY", found))
    return out


def _charged_organ(ref: Ref, levelled: bool) -> bool:
    """An organ a duty can be given to: a governing body (局, 委, 政府 …), or a department
    (部门) printed with its level (区民政部门) or read as the document's own."""
    return bool(_GOVERNING.search(ref.name)) or (levelled and ref.name.endswith("部门"))


_IS_ORGAN = re.compile(r"^(?P<units>[^，,。；;]{2,40}?)(?:是|为|作为)")
_SENTENCE_START = re.compile(r"[。；;\n]")


def _sentence_subject(text: str, pos: int, resolve: Resolver) -> list[Ref]:
    """市民政部门是…主管部门，负责…: the units a sentence opens with, when 负责 follows its
    first clause's comma."""
    if pos == 0 or text[pos - 1] not in "，,":
        return []
    starts = list(_SENTENCE_START.finditer(text, max(0, pos - 120), pos))
    start = starts[-1].end() if starts else max(0, pos - 120)
    opening = _IS_ORGAN.match(ARTICLE.sub("", text[start:pos].strip()))
    return subject_units(resolve, opening.group("units")) if opening else []


def _article_duties(
    ctx: Context, resolve: Resolver
) -> tuple[list[tuple[int, str, Ref, SpanTask]], list[tuple[int, int]]]:
    """Duties of a rule's articles, one task per clause (市公安机关负责核查…；办理入户手续),
    and the stretches of text they were read from."""
    text = ctx.text
    out: list[tuple[int, str, Ref, SpanTask]] = []
    read: list[tuple[int, int]] = []
    if not has_articles(ctx):
        return out, read
    for m in _subject_charges(text):
        index = article_of(ctx, m.start())
        if index is None:
            continue
        units = _charged(text, m, resolve) or _sentence_subject(text, m.start(), resolve)
        if not units:
            continue
        clauses = list(duty_clauses(text, m.end()))
        if not clauses:
            continue
        read.append((m.start() - len(clause_before(text, m.start())), clauses[-1][1]))
        for start, end in clauses:
            span = SpanTask(ctx.sections.deepest(start) or index, start, end)
            out.extend((start, "LED_BY", ref, span) for ref in units)
            cooperate = _COOPERATE.match(text, start, end)
            if cooperate:
                first = CLAUSE.split(cooperate.group("sup"))[0]
                out.extend((start, "SUPPORTED_BY", t, span) for t in prefix_units(first, resolve))
    return out, read


def organ_unit(ctx: Context, b: Builder, name: str) -> Target | None:
    """The Unit node of an issuing organ (中共安徽省委办公厅, 国务院办公厅), with BELONGS_TO."""
    resolve = Resolver(ctx, b, [])
    party = name.startswith("中共") and not name.startswith("中共中央")
    ref = resolve.find(name[2:] if party else name)
    if not isinstance(ref, UnitName):
        return None
    if party:
        ref = replace(ref, name=f"中共{ref.name}", full_name=f"中共{ref.full_name}", kind="party")
    return resolve.make(ref)


def issued_by(ctx: Context, b: Builder, doc: Target, parks: list[ParkMention]) -> None:
    """ISSUED_BY the organ named as issuer (or read from the 文号)."""
    name = ctx.doc.metadata.issuer or (ctx.issuer.organ if ctx.issuer else None)
    if not name:
        return
    resolve = Resolver(ctx, b, parks)
    target: Target | None = None
    own_parks = find_parks(name, ctx.region, ctx.province)
    if own_parks:
        park = b.park(own_parks[0])
        rest = name[own_parks[0].end :] or "管委会"  # the park itself: its committee
        if UNIT.fullmatch(rest):
            unit = normalize_unit(rest)
            uid = unit_id(park[1], unit)
            full = f"{own_parks[0].name}{unit}"
            b.node("Unit", uid, {"name": full, "full_name": full, "kind": unit_kind(unit)})
            b.rel("BELONGS_TO", ("Unit", uid), park)
            target = ("Unit", uid)
    else:
        found = resolve.find(name)
        target = resolve.make(found) if isinstance(found, UnitName) else None
    if target is not None:
        b.rel("ISSUED_BY", doc, target, f"发布机构: {name}")


def task(ctx: Context, b: Builder, doc: Target, index: int) -> Target:
    """The Task node of section index, with HAS_TASK from the document."""
    section = ctx.sections.sections[index]
    tid = task_id(ctx.doc_id, ctx.sections.paths[index])
    name = f"{section.number} {section.title}".strip()
    props: dict[str, Value] = {
        "name": name, "number": section.number, "title": section.title,
        "section": ctx.sections.heading_paths[index], "text": section.text[:TASK_TEXT_CHARS],
        "start": section.start, "end": section.end,
    }  # fmt: skip
    return _add_task(b, doc, tid, props)


def _add_task(b: Builder, doc: Target, tid: str, props: dict[str, Value]) -> Target:
    """A Task node with HAS_TASK from the document (named by the task's name)."""
    b.node("Task", tid, props, weak=False)
    b.rel("HAS_TASK", doc, ("Task", tid), str(props["name"]))
    return ("Task", tid)


def _span_task(ctx: Context, b: Builder, doc: Target, paragraph: SpanTask) -> Target:
    """The Task node of a paragraph or clause that is a task of its own (under its section)."""
    path = ctx.sections.paths[paragraph.section]
    tid = task_id(ctx.doc_id, f"{path}@{paragraph.start}")
    title = paragraph.title(ctx.text)
    # No number: a paragraph or clause has none (and an empty one does not survive CSV export).
    props: dict[str, Value] = {
        "name": title, "title": title,
        "section": ctx.sections.heading_paths[paragraph.section],
        "text": ctx.text[paragraph.start : paragraph.end][:TASK_TEXT_CHARS],
        "start": paragraph.start, "end": paragraph.end,
    }  # fmt: skip
    return _add_task(b, doc, tid, props)


def _named_organ(ref: Ref) -> bool:
    return isinstance(ref, UnitName) and (
        ref.kind == "collective" or bool(_GOVERNING.search(ref.name))
    )


def _sentence_task(ctx: Context, b: Builder, doc: Target, pos: int) -> Target:
    """The Task node of the sentence holding pos, in a text without headings (各市、县（区）政府
    要…, a plan printed as plain paragraphs)."""
    start, end = ctx.sentences.span(pos)
    while start < end and ctx.text[start].isspace():
        start += 1
    title = ctx.text[start:end].strip()[:60].rstrip("。；;")
    tid = task_id(ctx.doc_id, f"@{start}")
    props: dict[str, Value] = {
        "name": title, "title": title, "text": ctx.text[start:end][:TASK_TEXT_CHARS],
        "start": start, "end": end,
    }  # fmt: skip
    return _add_task(b, doc, tid, props)


# （三）责任单位及承办科室：… as an item of its own: the label, not a task.
_LABEL_TITLE = re.compile(rf"(?:{_HEAD})(?:{_OFFICES})?")
# A label opens on a head's first two characters: most titles are ruled out by a set lookup.
_LABEL_OPENINGS = frozenset(head[:2] for head in (*_LEAD_HEADS, *_DUTY_HEADS, *_SUPPORT_HEADS))


def _label_parent(ctx: Context, index: int) -> int:
    """An item that is only an assignment label (（四）责任单位：A、B) assigns its parent's task."""
    path = ctx.sections.paths[index]
    if "." not in path:
        return index
    title = ctx.sections.sections[index].title.strip()
    if title[:2] in _LABEL_OPENINGS and _LABEL_TITLE.fullmatch(title):
        return ctx.sections.index_of(path.rsplit(".", 1)[0])
    return index


def _group_of_only_child(ctx: Context, index: int) -> int:
    """（三）加强X。 with one item 5．全面排查…，… under it: the group and its only item are
    one task, named by the group's heading. An item with a heading of its own (39.探索代管模式。)
    stays the task."""
    paths = ctx.sections.paths
    while "." in paths[index]:
        parent = ctx.sections.index_of(paths[index].rsplit(".", 1)[0])
        group = ctx.sections.sections[parent]
        # A chapter (一、) is a part of the document, not a task: only groups below it.
        if (
            len(group.children) != 1
            or group.depth < 2
            or _HEADING_LIKE.fullmatch(ctx.sections.sections[index].title)
        ):
            break
        index = parent
    return index


def _table_tasks(
    ctx: Context, b: Builder, doc: Target, resolve: Resolver, first_leads: bool
) -> None:
    """One Task per row of a task-division table, LED_BY / SUPPORTED_BY its columns' units."""
    for row in table_rows(ctx.text):
        tid = task_id(ctx.doc_id, f"row{row.start}")
        title = row.task[:80]
        name = f"{row.number} {title}".strip()
        props: dict[str, Value] = {
            "name": name, "number": row.number, "title": title, "section": "任务分工表",
            "text": row.text[:TASK_TEXT_CHARS], "start": row.start, "end": row_end(ctx.text, row.start),
        }  # fmt: skip
        _add_task(b, doc, tid, props)
        evidence = ctx.sentences.quote(row.start)
        duty = [t for chunk in row.duty for t in resolve.many(chunk)]
        roles = [("LED_BY", t) for chunk in row.lead for t in resolve.many(chunk)]
        roles += _duty_roles(duty, bool(row.lead), first_leads)
        roles += [("SUPPORTED_BY", t) for chunk in row.support for t in resolve.many(chunk)]
        for role, ref in roles:
            b.rel(role, ("Task", tid), resolve.make(ref), evidence, role=None)


def responsibilities(ctx: Context, b: Builder, doc: Target, parks: list[ParkMention]) -> None:
    """Tasks (sections, table rows) with LED_BY and SUPPORTED_BY units, parks or regions."""
    resolve = Resolver(ctx, b, parks)
    resolve.read_aliases()
    first_leads = _states_first_leads(ctx.text)
    _table_tasks(ctx, b, doc, resolve, first_leads)
    clauses, read = _article_duties(ctx, resolve)
    obligations, stated = article_obligations(ctx, resolve)
    # 区民政部门应当负责…: the 负责 clauses already read it.
    clauses += [d for d in obligations if not any(a <= d[0] < z for a, z in read)]
    read += stated
    for pos, role, target, span in clauses:
        node = _span_task(ctx, b, doc, span)
        b.rel(role, node, resolve.make(target), ctx.sentences.quote(pos), role=None)
    duties = sorted(
        (d for d in _duties(ctx, resolve, first_leads) if not any(a <= d[0] < z for a, z in read)),
        key=lambda d: d[0],
    )
    own = paragraph_tasks(ctx, (pos for pos, _, _ in duties))
    # A section's task, made once: most sections carry several duties, and a second task()
    # of a section adds nothing (its node and HAS_TASK are there).
    tasks: dict[int, Target] = {}
    owners: dict[int, int] = {}  # the section a duty stands in → the section that is its task
    for pos, role, target in duties:
        paragraph = own.get(paragraph_start(ctx.text, pos))
        if paragraph is not None:
            node = _span_task(ctx, b, doc, paragraph)
            b.rel(role, node, resolve.make(target), ctx.sentences.quote(pos), role=None)
            continue
        index = ctx.sections.deepest(pos)
        if index is None:
            # A text without headings: the sentence is the task, when a named organ or a
            # collective is charged (住房城乡建设部门要会同… names a kind of organ, no one).
            if not ctx.sections.sections and _named_organ(target):
                node = _sentence_task(ctx, b, doc, pos)
                b.rel(role, node, resolve.make(target), ctx.sentences.quote(pos), role=None)
            continue
        owner = owners.get(index)
        if owner is None:
            owner = owners[index] = _group_of_only_child(ctx, _label_parent(ctx, index))
        node = _task_once(ctx, b, doc, owner, tasks)
        b.rel(role, node, resolve.make(target), ctx.sentences.quote(pos), role=None)
    for index, section in enumerate(ctx.sections.sections):
        if not section.children and section.depth >= 2 and _label_parent(ctx, index) == index:
            _task_once(ctx, b, doc, index, tasks)


def _task_once(
    ctx: Context, b: Builder, doc: Target, index: int, tasks: dict[int, Target]
) -> Target:
    """task(), or the node it made for index before."""
    node = tasks.get(index)
    if node is None:
        node = tasks[index] = task(ctx, b, doc, index)
    return node
