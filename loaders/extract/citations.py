"""Citations of other documents: 《title》 with or without a 文号, bare 文号, and the relation."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from policykg.loaders.docnumber import normalize_doc_number, normalize_title, parse_doc_number
from policykg.loaders.extract.issuers import NATIONAL, PROVINCES, resolve_issuer
from policykg.loaders.extract.sentences import halfwidth, matches_at, starts_before

# A title may wrap over a few lines (a page's markup puts 2021 on a line of its own); it holds no
# other 《》 of its own.
_TITLE = r"《(?P<title>[^《》\n]{2,150}(?:\n[^《》\n]{1,150}){0,3})》"
_OPENERS = "[(（【〔［﹝"
_OPEN = f"[{re.escape(_OPENERS)}]"
_CLOSE = r"[\])）】〕］﹞]"
_NUMBER = (
    rf"[\u4e00-\u9fff]{{1,12}}?\s*{_OPEN}\s*(?:19|20)\d{{2}}\s*{_CLOSE}\s*第?\s*\d{{1,5}}\s*号"
)
# The 文号 in brackets after the title, perhaps pointed to with 见 or followed by an abbreviation:
# (见国发〔2021〕23号), (粤府办〔2021〕4号, 以下简称省《办法》).
TITLED = re.compile(
    rf"{_TITLE}(?:\s*[（(]\s*(?:详见|参见|见)?\s*(?P<number>{_NUMBER})\s*(?:[)）]|[,，;；](?=[^()（）\n]{{0,30}}[)）])))?"
)
# A 文号 standing alone: found by its bracketed year, its issuer code read backwards.
BARE = re.compile(rf"{_OPEN}\s*(?:19|20)\d{{2}}\s*{_CLOSE}\s*第?\s*\d{{1,5}}\s*号")
_BARE_STARTS = {opener: (0,) for opener in _OPENERS}  # BARE opens on a bracket
# PDF text often breaks or spaces a 文号 after its code: 豫政办 〔2017〕13号.
_CODE_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,8}\s{0,2}$")
# Cue words before a citation, nearest one wins; longer alternatives first.
_CUES = re.compile(
    r"贯彻落实|深入落实|认真落实|深入实施|全面实施|认真实施|参照执行|同时废止|根据|依据|按照|遵照|依照|贯彻|落实|参照|比照|废止|"
    r"修订|修改|修正"
)
_RELATION = {
    "根据": "basis", "依据": "basis", "按照": "basis", "遵照": "basis", "依照": "basis",
    "贯彻落实": "implements", "深入落实": "implements", "认真落实": "implements",
    "深入实施": "implements", "全面实施": "implements", "认真实施": "implements",
    "贯彻": "implements", "落实": "implements",
    "参照执行": "applies", "参照": "applies", "比照": "applies",
    "废止": "repeals", "同时废止": "repeals", "修订": "amends", "修改": "amends",
    "修正": "amends",
}  # fmt: skip
_AFTER_REPEAL = re.compile(r"^[^。；\n]{0,12}?(同时废止|废止|同时作废|作废|停止执行|不再执行)")
_AFTER_APPLY = re.compile(r"^[^。；\n]{0,12}?参照执行")
_AFTER_AMEND = re.compile(
    r"^[^。；\n《》]{0,8}?(?:进行|作出|作如下|予以)(修订|修改|修正)|^(修订|修改|修正)"
)
# 推动《A》《B》等政策落实: the cue follows the list (not 落实情况, a report on it).
_AFTER_IMPLEMENT = re.compile(r"^(?:等[^。；;，,《》\n]{0,6}?)?(?:的)?(?:贯彻)?落实(?!情况)")
# 以《A》和《B》为依据: the cue follows the list.
_AFTER_BASIS = re.compile(r"(?:\s*[和及、与]\s*《[^《》\n]{1,80}》)*\s*为(?:依据|根据)")
# 按《X》规定: 按 right before the title is 按照 (按时, 按期 elsewhere in the clause are not).
_BY = re.compile(r"按\s*$")
# Items listed under a heading 政策依据 / 制定依据 / 法律依据 are the documents it rests on.
_BASIS_HEADING = re.compile(r"(?:^|\n)[^\n]{0,12}依据[:：]?\s*\n(?:[^\n]*\n){0,6}[^\n]*$")
_DESCRIBED = re.compile(r"后?的")
_CLAUSE_START = re.compile(r"[。；;\n！？，,]")
_AFTER_CUED = frozenset({"repeals", "applies", "amends", "implements"})
# Titles that are not documents: newspapers, books, journals.
_NOT_DOCUMENT = re.compile(
    r"(日报|晚报|时报|报社|杂志|周刊|学报|全集|文选|选集|文集|论丛|词典|字典)$"
)
KINDS = (
    "实施方案", "工作方案", "行动方案", "行动计划", "实施意见", "指导意见", "实施细则",
    "工作要点", "管理办法", "暂行办法", "意见", "方案", "通知", "规划", "纲要", "条例", "办法",
    "规定", "决定", "细则", "要点", "计划", "措施", "举措", "政策", "法", "指引", "指南",
    "标准", "清单", "目录", "批复", "函", "报告", "公告", "通报", "规则", "章程", "决议",
    "战略", "路线图", "白皮书", "守则", "导则", "公报", "若干规定", "名录", "倡议", "草案",
    "规程", "规范", "原则",
)  # fmt: skip
_KIND = re.compile("(" + "|".join(sorted(KINDS, key=len, reverse=True)) + ")$")
# Trailing span or status in brackets: (2021-2035年), (征求意见稿), (试行).
_TRAILER = re.compile(r"\s*[（(][^（）()]{1,20}[)）]\s*$")
_SELF = re.compile(r"^(本|该|此)")
# 特制定本《竞价指引》: 本 before the brackets, the document naming itself.
_SELF_BEFORE = re.compile(r"(?:本|该|此)\s*$")
# Forms, reports and certificates a party fills in, submits or obtains are not documents it
# cites: 填写《…申请书》, 提供《…资料清单》, 取得《工程竣工验收报告》, 报送《…评估报告》.
_FORM = re.compile(
    r"(报告|清单|申请书|申请表|登记表|[^规]表|证书|证明|声明|承诺书|合同)(?:[（(][^（）()]{1,8}[)）])?$"
)
_SUBMIT = re.compile(
    r"(填写|填报|提供|提交|报送|上报|出具|取得|获得|形成|撰写|签订|附上|附)[^。；;]{0,30}$"
)
_TITLES = re.compile(r"《[^《》]*》")


def _is_form(text: str, start: int, title: str) -> bool:
    """A form or report the sentence has someone submit or obtain (other titles of its list
    between the verb and this one skipped)."""
    if not _FORM.search(title):
        return False
    before = _TITLES.sub("", text[max(0, start - 200) : start])
    return _SUBMIT.search(before) is not None


_SPACES = re.compile(r"\s+")
_KNOWN_HEADS = tuple(PROVINCES) + tuple(NATIONAL)
_LIST_GAP = re.compile(r"\s*(?:、|，|,|和|及|与|以及|或)?\s*")
# 《A》（国发〔2015〕52号，以下简称《国务院意见》）《B》: the short name given in A's bracket stands
# between two titles of one list.
_ALIAS_ASIDE = re.compile(
    r"^\s*(?:[（(])?[^《》()（）]{0,20}?(?:以下简称|下称|简称)\s*《[^《》]{1,30}》\s*[)）]"
)


def _in_one_list(text: str, end: int, start: int) -> bool:
    """Nothing but a list's joint (and perhaps a short-name aside) between two titles."""
    gap = text[end:start]
    return bool(_LIST_GAP.fullmatch(_ALIAS_ASIDE.sub("", gap, count=1)))


# The document a notice issues is its attachment, not a citation: 现将《X》印发给你们, 《X》已经
# 区政府同意，现印发实施, 制定《X》(…见附件). Other titles of the same list may stand between.
_ISSUED = re.compile(
    r"(?:\s*[、，,和及与]?\s*《[^《》]{2,150}》)*"
    r"(?:[^《》。；;]{0,40}?(?:印发给|转发给|现予?印发|予以印发|印发实施|现予?发布|现予?公布|一并印发)"
    r"|\s*[（(][^（）()]{0,40}见附件)"
)
# A notice's title line in the text (…关于印发《X》的通知, no 文号 after it) issues X with this file.
_NOTICE_LINE = re.compile(r"(?:印发|转发|颁布|发布)\s*$")
# 《X》政策解读 / 《X》图解: a link to a reading of X that a page prints under its text.
_READING_AFTER = re.compile(r"\s*(?:政策)?(?:解读|图解|一图读懂)")
_NOTICE_END = re.compile(r"\s*的通知\s*(?:\n|$)")
# 修订后的《X》: the notice issues a new version of X, which amends the one cited by its 文号.
_REVISED = re.compile(r"修订后的\s*$")
# （以下简称《通用目录》）: a short name for the title just cited, not another document.
_ALIAS = re.compile(r"简称\s*[\u4e00-\u9fff]{0,4}$")


@dataclass(frozen=True)
class Citation:
    """One cited document."""

    title: str | None
    number: str | None  # normalised 文号
    relation: str
    start: int
    end: int
    kind: str | None


def clean_title(raw: str) -> str:
    """A title as printed, line breaks and stray spaces between characters removed."""
    return _SPACES.sub("", raw)


def document_kind(title: str) -> str | None:
    """The kind word a title ends with (意见, 实施方案 …), trailing brackets ignored."""
    core = title
    while True:
        stripped = _TRAILER.sub("", core)
        if stripped == core:
            break
        core = stripped
    match = _KIND.search(core)
    return match.group(1) if match else None


def _bare_number(number: str) -> str | None:
    """按照国办发〔2020〕1号: the longest tail of the code that names a known issuer."""
    parsed = parse_doc_number(number)
    if parsed is None:
        return None
    code, year, serial = parsed
    # Province and central codes first: in 和皖政, 皖 is the issuer, not 和县.
    for known in (True, False):
        for i in range(len(code) - 1):
            tail = code[i:]
            if known and not tail.startswith(_KNOWN_HEADS):
                continue
            if resolve_issuer(tail).level is not None:
                return f"{tail}〔{year}〕{serial}号"
    return None


def _relation(text: str, start: int, end: int) -> str:
    after = text[end : end + 20]
    if _AFTER_REPEAL.search(after):
        return "repeals"
    if _AFTER_APPLY.search(after):
        return "applies"
    if _AFTER_AMEND.search(after):
        return "amends"
    if _AFTER_IMPLEMENT.search(after):
        return "implements"
    if _AFTER_BASIS.match(text, end, end + 200):
        return "basis"
    window_start = max(0, start - 80)
    window = text[window_start:start]
    clause = list(_CLAUSE_START.finditer(window))
    if clause:
        window = window[clause[-1].end() :]
    # 新修订的《X》正式施行 describes X as amended by someone else; the citing text amends nothing.
    cues = [
        c
        for c in _CUES.finditer(window)
        if not (_RELATION[c.group()] == "amends" and _DESCRIBED.match(window, c.end()))
    ]
    if cues:
        return _RELATION[cues[-1].group()]
    if _BY.search(window) or _BASIS_HEADING.search(text, max(0, start - 400), start):
        return "basis"
    return "reference"


def find_citations(
    text: str,
    own_title: str | None = None,
    own_number: str | None = None,
    *,
    body: bool = True,
) -> list[Citation]:
    """Cited documents in text, self-references and non-documents left out.

    `body` is False for a title searched on its own: 关于印发《X》的通知 there names what it
    issues, which the caller needs to know.
    """
    return find_citations_halfwidth(halfwidth(text), own_title, own_number, body=body)


def find_citations_halfwidth(
    text: str,
    own_title: str | None = None,
    own_number: str | None = None,
    *,
    body: bool = True,
) -> list[Citation]:
    """find_citations over text already half-width (a Context's text): no second pass."""
    own = normalize_title(own_title) if own_title else None
    out: list[Citation] = []
    previous: Citation | None = None
    found: list[tuple[int, int, str | None, str | None]] = []
    for m in TITLED.finditer(text):
        found.append((m.start(), m.end(), m.group("title"), m.group("number")))
    covered = [(a, b) for a, b, _, _ in found]
    # Tried at the brackets alone (found with str.find): sre checked BARE's opening character
    # set at every character of the text (0.7 % of a run).
    for m in matches_at(BARE, text, starts_before(text, _BARE_STARTS)):
        if any(a <= m.start() < b for a, b in covered):
            continue
        code = _CODE_BEFORE.search(text, max(0, m.start() - 10), m.start())
        if code is not None:
            found.append((code.start(), m.end(), None, code.group() + m.group()))
    found.sort()
    own_number = normalize_doc_number(own_number) if own_number else None
    aliases = {
        clean_title(title)
        for start, _, title, number in found
        if title is not None and number is None and _ALIAS.search(text, max(0, start - 12), start)
    }
    revised: set[str] = set()
    for start, end, raw_title, raw_number in found:
        if raw_title is not None and raw_number is None:
            if _ALIAS.search(text, max(0, start - 12), start) or clean_title(raw_title) in aliases:
                continue
            if (
                body
                and _NOTICE_END.match(text, end)
                and _NOTICE_LINE.search(text, max(0, start - 4), start)
            ):
                continue
            if _ISSUED.match(text, end):
                if _REVISED.search(text, max(0, start - 8), start):
                    revised.add(normalize_title(clean_title(raw_title)))
                continue
        number = normalize_doc_number(raw_number) if raw_number else None
        if raw_title is None and number:
            number = _bare_number(number)
            if number:
                start += text[start:end].find(number[: number.index("〔")])
        title = clean_title(raw_title) if raw_title else None
        kind = document_kind(title) if title else None
        if title is not None:
            if (
                _NOT_DOCUMENT.search(title)
                or _SELF.match(title)
                or _SELF_BEFORE.search(text, max(0, start - 2), start)
                or _READING_AFTER.match(text, end)
            ):
                continue
            if number is None and _is_form(text, start, title):
                continue
            if kind is None and number is None and "关于" not in title:
                continue
            # 《通知》《方案》 alone: the document speaking of itself.
            if kind is not None and len(title) <= len(kind) + 1 and number is None:
                continue
            # The own title with another 文号 is an earlier version of this document.
            if own and normalize_title(title) == own and number is None:
                continue
        if number is not None and own_number and own_number.endswith(number):
            continue
        if title is None and number is None:
            continue
        relation = _relation(text, start, end)
        # 《A》《B》、《C》 share the cue that opens the list.
        if (
            relation == "reference"
            and previous is not None
            and _in_one_list(text, previous.end, start)
        ):
            relation = previous.relation
        previous = Citation(title, number, relation, start, end, kind)
        out.append(previous)
    for i, cited in enumerate(out):
        if cited.number and cited.title and normalize_title(cited.title) in revised:
            out[i] = replace(cited, relation="amends")
    # 《A》和《B》同时废止: a cue after the list's last title holds for the whole list.
    for i in range(len(out) - 2, -1, -1):
        later = out[i + 1]
        if (
            out[i].relation == "reference"
            and later.relation in _AFTER_CUED
            and _in_one_list(text, out[i].end, later.start)
        ):
            out[i] = replace(out[i], relation=later.relation)
    return out
