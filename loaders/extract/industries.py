"""Industries a document sets out to develop, with their role: leading, emerging, featured."""

from __future__ import annotations

import re
from collections.abc import Iterator

from policykg.loaders.extract.builder import Builder
from policykg.loaders.extract.context import Context
from policykg.loaders.extract.ids import industry_id
from policykg.loaders.extract.sentences import clause_span, matches_at, starts_before, word_ends

_VERB = (
    r"做大做强|做优做强|培育壮大|发展壮大|重点发展|重点培育|大力发展|加快发展|积极发展|优先发展|"
    r"着力发展|聚焦发展|前瞻布局|巩固提升|改造提升|巩固|打造|围绕|聚焦|依托|壮大|做优|做强|做精|做大|布局|培育|发展|推动|促进"
)
# 围绕/依托 A、B等优势产业: what the text builds on, not what it sets out to develop.
_ALONGSIDE = re.compile(r"围绕|依托")
_ITEMS = r"[^，,。；;：:\n]{2,90}?"
# 做大做强A、B主导产业 / 打造A、B产业集群: the list ends in a role noun and starts after a verb
# of the same clause. Role nouns are found first (rare), the verb read backwards.
# 产业链 ends a list only after 等 or a count: 聚焦A、B四条产业链, not 延伸产业链. Its lookbehind
# stands after the words (same matches): every branch then opens with a character, and the
# scan skips ahead over the set of first characters (5x faster than trying each branch).
ROLE_NOUN = re.compile(
    r"(?P<role>主导产业|首位产业|支柱产业|战略性新兴产业|新兴产业|特色产业|优势产业|未来产业|"
    r"先导产业|产业集群|重点产业链(?<=[等条大]重点产业链)|产业链(?<=[等条大]产业链))"
)
# Where a ROLE_NOUN can start: at its 产业, two characters before (主导产业, 重点产业链) or five
# (战略性新兴产业).
_ROLE_NOUN_WORDS = {"产业": (0, 2, 5)}
_COUNT = r"[一二三四五六七八九十两\d]+(?:大|条|个|项)"
_LIST_END = re.compile(rf"(?:等)?(?:{_COUNT})?(?:重点)?$")
# A、B等乡村特色产业: a short word between 等 and the role noun qualifies the role.
_QUALIFIER = re.compile(r"(?<=等)[^\W\d在的和与及为对于向从把将以]{1,4}$")
# 打造A产业集群和B产业集群: the second list starts after the first role noun.
_JOIN = re.compile(r"以及|和|及|与|、|，|,")
_VERB_RE = re.compile(_VERB)
# 重点发展A、B等… / 主导产业为A、B: the list stands alone.
OPEN = re.compile(
    r"(?:(?P<verb>重点发展|大力发展|着力发展|优先发展|加快发展|积极发展|培育壮大|做大做强|发展壮大)"
    r"|(?P<role>主导产业|新兴产业|特色产业)(?:主要)?(?:为|是|包括|有|[:：]))"
    r"(?P<list>[^，,。；;：:\n]{2,90}?)(?=等|[一二三四五六七八九十两\d]+大|[，,。；;\n])"
)
# Where an OPEN list can start (its branches' first words, found by their last two
# characters): OPEN's named groups make it try every branch at every character.
_OPEN_WORDS = word_ends(
    ("重点发展", "大力发展", "着力发展", "优先发展", "加快发展", "积极发展", "培育壮大", "做大做强",
     "发展壮大", "主导产业", "新兴产业", "特色产业")
)  # fmt: skip


def _open_lists(text: str) -> Iterator[re.Match[str]]:
    """OPEN.finditer(text), trying OPEN only where one of its first words stands."""
    return matches_at(OPEN, text, starts_before(text, _OPEN_WORDS))


# 推动A、B、C产业加快发展: a list of two or more closed by 产业 and a development word.
_GROW = re.compile(
    r"(?:推动|促进|支持|引导|加快)(?P<list>[^，,。；;：:\n、等]{2,14}(?:、[^，,。；;：:\n、等]{2,14})+?)"
    r"产业(?:加快|高质量|集聚|集群|融合|协同|做大做强)?(?:化)?发展"
)
_GROW_WORDS = {"推动": (0,), "促进": (0,), "支持": (0,), "引导": (0,), "加快": (0,)}


def _grow_starts(text: str) -> list[int]:
    """Where a _GROW list can start: a verb with a 、 after its first item (2 to 14
    characters). Most verbs have none, and a try of the pattern there costs ten finds."""
    return [at for at in starts_before(text, _GROW_WORDS) if text.find("、", at + 4, at + 17) >= 0]


_ROLE = {
    "主导产业": "leading", "首位产业": "leading", "支柱产业": "leading",
    "战略性新兴产业": "emerging", "新兴产业": "emerging", "特色产业": "featured",
}  # fmt: skip
_SPLIT = re.compile(r"[、，,]")
_LEADING = re.compile(
    rf"^(?:{_VERB}|发展|培育|壮大|以|围绕|聚焦|推动|加快|大力|积极|一批|"
    r"[\d一二三四五六七八九十百千万亿]+(?:亿|万)?元?级)+"
)
_SUFFIX = re.compile(r"(?:等|产业|行业|领域|业态)$")
# Items that are phrases, not industries: 若干百亿元, 具有全球影响力的创新型, 高等教育.
_NOT_INDUSTRY = re.compile(
    r"的|若干|\d|百亿|千亿|万亿|规模|一批|体系|水平|能力|建设|提升|教育|人力资源|系列|以北|以南|"
    r"推广|事业|组织|协会|企业|[一二三四五六七八九十两]个|平台|区域|片区|产业链|分工|外包|订单|^战略性$|^生态$|首位|主导产业|"
    r"(?:和|及|与|在|将|区|类)$|^(?:和|及|与|并)|等|迎来|可能|成为|^高新|^开发|产业集群|^优势|"
    r"^(?:新|传统|优势|特色|主导|新兴|现代|先进|相关|其他|高端|重点)$"
)
_LAST_AND = re.compile(r"(.{2,}?)(?:以及|和|及|与)(.{2,})")
_PART_OF = re.compile(r"零部件|配件|配套|元器件|零配件|制品|周边|衍生")
_QUOTES = str.maketrans("", "", "“”\"'‘’「」")


def normalize_industry(raw: str) -> str:
    """Industry identity form: quotes and a trailing 产业 dropped."""
    name = raw.translate(_QUOTES).strip()
    name = _LEADING.sub("", name)
    previous = None
    while previous != name:
        previous = name
        name = _SUFFIX.sub("", name)
    return name


def _items(chunk: str) -> list[str]:
    out = []
    pieces = _SPLIT.split(chunk)
    if len(pieces) > 1:
        # A、B和C: the last item holds the conjunction; 汽车及零部件 stays one industry.
        last = _LAST_AND.fullmatch(pieces[-1])
        if last and not _PART_OF.match(last.group(2)):
            pieces[-1:] = [last.group(1), last.group(2)]
    for piece in pieces:
        name = normalize_industry(piece)
        if 2 <= len(name) <= 14 and not _NOT_INDUSTRY.search(name):
            out.append(name)
    return out


def find_industries(text: str) -> list[tuple[int, str, str | None]]:
    """(offset, industry, role) for every industry in a development list."""
    found: list[tuple[int, str, str | None]] = []
    seen_spans: list[tuple[int, int]] = []
    last_role_end = -1
    # Each pattern is tried only where its words stand (matches_at): opening on a character
    # set, it was checked at every character of the text (0.7 % of a run each).
    for m in matches_at(ROLE_NOUN, text, starts_before(text, _ROLE_NOUN_WORDS)):
        clause = clause_span(text, max(0, m.start() - 90), m.start(), 2)
        if clause is None:
            continue
        verb_end = -1
        alongside = False
        for verb in _VERB_RE.finditer(text, clause[0], m.start()):
            verb_end = verb.end()
            alongside = bool(_ALONGSIDE.fullmatch(verb.group()))
        if verb_end < 0 or m.start() - verb_end < 2:
            continue
        if alongside and m.group("role") == "优势产业":
            continue
        role = _ROLE.get(m.group("role"))
        begin = verb_end
        if verb_end < last_role_end <= m.start():
            joined = _JOIN.match(text, last_role_end, m.start())
            begin = joined.end() if joined else last_role_end
        last_role_end = m.end()
        items = _LIST_END.sub("", _QUALIFIER.sub("", text[begin : m.start()]))
        found.extend((verb_end, name, role) for name in _items(items))
        seen_spans.append((verb_end - 4, m.end()))
    for m in _open_lists(text):
        if any(a <= m.start() < b for a, b in seen_spans):
            continue
        role = _ROLE.get(m.group("role") or "")
        found.extend((m.start(), name, role) for name in _items(m.group("list")))
        seen_spans.append((m.start(), m.end()))
    for m in matches_at(_GROW, text, _grow_starts(text)) if "产业" in text else ():
        if any(a <= m.start() < b for a, b in seen_spans):
            continue
        names = _items(m.group("list"))
        # A bare list without a role noun counts only when every piece reads as an industry.
        if len(names) == len(_SPLIT.split(m.group("list"))):
            found.extend((m.start(), name, None) for name in names)
    return found


def industries(ctx: Context, b: Builder, doc: tuple[str, str]) -> None:
    """Industry nodes and PROMOTES {role} from the document: one per industry."""
    found = find_industries(ctx.text)
    # An industry listed twice promotes once, with the role any list gave it.
    roles: dict[str, str | None] = {}
    for _, name, role in found:
        if roles.get(name) is None:
            roles[name] = role
    done: set[str] = set()
    for pos, name, _ in found:
        if name in done:
            continue
        done.add(name)
        iid = b.node("Industry", industry_id(name), {"name": name})
        b.rel("PROMOTES", doc, ("Industry", iid), ctx.sentences.quote(pos), role=roles[name])
