"""Who leads and who supports each task: 由A牵头，B配合; 责任单位：A、B; A会同B …"""

from __future__ import annotations

import re
from dataclasses import replace

from policykg.loaders.extract.builder import Builder
from policykg.loaders.extract.context import Context
from policykg.loaders.extract.ids import task_id, unit_id
from policykg.loaders.extract.parks import ParkMention, find_parks
from policykg.loaders.extract.regions import Region, find_regions, lookup
from policykg.loaders.extract.tables import table_rows
from policykg.loaders.extract.units import (
    COLLECTIVE,
    GENERIC,
    UNIT,
    UnitName,
    normalize_unit,
    qualify,
    unit_kind,
)
from policykg.ontology.records import Value

_C = r"[^，,。；;：:\n]"  # one clause's characters
_SUPPORT_VERB = r"(?:配合|参与|协同|协助|按职责分工负责|按职责负责|分工负责)"
_LEAD_CUE = re.compile(
    rf"牵头(?!单位)(?:统筹|负责|组织|抓总)?(?:[，,、]?(?P<sup>{_C}{{2,80}}?){_SUPPORT_VERB})?"
)
# 市财政局负责，市税务局协助: 负责 only counts with a supporting clause after it.
_CHARGE_SUPPORT = re.compile(rf"(?<!由)负责[，,、](?P<sup>{_C}{{2,80}}?){_SUPPORT_VERB}")
_COOPERATE = re.compile(rf"会同(?P<sup>{_C}{{2,400}})")
# 科技部和中国社科院分别负责…, 国家医保局负责…: the clause before 负责 is nothing but units.
_SUBJECT_CHARGE = re.compile(
    r"(?<!由)(?:分别|共同|具体|主要)?(?:负责|主管(?!部门|单位|机关|领导|[局委厅办]))(?![，,、]|人|同志)"
)
# A rule's article number opens its first clause: 第三条 市民政局负责….
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零]+条\s*")
_SUBJECT_CLAUSE = re.compile(r"[^，,。；;：:\n]+$")
# 科技部要建立…, 各级党委（党组）要…: the units a sentence opens with are charged with it.
_GOVERNING = re.compile(
    r"(?:局|委|办|厅|(?<!部)部|署|政府|办公室|科学院|工程院|社科院|科协|党组[)）]?|管委会)$"
)
_SUBJECT_MUST = re.compile(r"(?<![需只不])要(?![求素件点])")
_SUBJECT_TAIL = re.compile(r"(?:分别|共同|具体|主要|要|应|还要|统一)+$")
_IN_CHARGE = re.compile(
    rf"由(?P<lead>{_C}{{2,30}}?)(?:具体)?(?:负责|另行制定|统一制定|协调推进|组织实施)"
    rf"(?:[，,、](?P<sup>{_C}{{2,80}}?){_SUPPORT_VERB})?"
)
# （市发展改革委、市财政局负责）closing an item: the first named leads.
_BRACKET_DUTY = re.compile(
    r"[（(](?P<list>[^（）()\n牵配]{2,80}?)(?:按职责分工|分别|共同)?负责[)）]"
)
_OFFICE = re.compile(rf"办公室设在(?P<lead>{_C}{{2,30}})")
# 市投资促进局为主责单位 / 为牵头单位: the unit before 为 leads.
_NAMED_LEAD = re.compile(r"为(?:主责|牵头|责任主体)单位|为第一责任单位")
# 牵头单位：A、B；配合单位：C / （责任部门：A、B）/ 牵头考核单位：A: the head names the role.
_LEAD_HEADS = ("牵头单位", "牵头部门", "牵头考核单位", "主责单位", "主办单位", "负责考核部门")
_DUTY_HEADS = ("责任单位", "责任部门", "责任处室")
_SUPPORT_HEADS = (
    "配合单位", "配合部门", "参与单位", "参与部门", "协办单位", "支撑单位", "协同单位",
    "协同部门", "支持单位",
)  # fmt: skip
_HEAD = "|".join(sorted((*_LEAD_HEADS, *_DUTY_HEADS, *_SUPPORT_HEADS), key=len, reverse=True))
_HEADED = re.compile(
    rf"(?P<head>{_HEAD})\s*[:：]\s*"
    rf"(?P<list>(?:(?![，,；;]\s*(?:{_HEAD})\s*[:：])(?:[^；;。\n)）(（]|[(（]牵头[)）]))+)"
)
# The document's own convention for lists of responsible units.
_FIRST_LEADS = re.compile(
    r"(?:列|排|排在|排名|位列)第一(?:位|个)?(?:的|者)?(?:单位|部门)?(?:为|是)牵头|首位(?:的)?为牵头"
)
_LEAD_MARK = re.compile(r"[(（]牵头[)）]")
_INLINE_ROLE = re.compile(r"(?<![(（])牵头(?![)）])|配合|协助|参与")
_CLAUSE = re.compile(r"[，,。；;：:\n(（]")
_TAIL = re.compile(
    r"(?:按职责分工|按职责|按照职责|根据职责|分别|共同|等)*"
    r"(?:等(?:[省市县区]级)?(?:相关|有关)?(?:部门|单位)?|(?:相关|有关)(?:部门|单位))?$"
)
_COLLECTIVE_SPAN = re.compile(
    r"(?:各|地方各级)[\u4e00-\u9fff（）()、]{0,14}?"
    r"(?:人民政府|政府|管委会|管理委员会|党委|党工委|企业|公司|银行|医院|学校|高校|服务中心)"
    r"(?:[（(]管委会[)）])?(?!有关|相关|所属)"
)
_SPLIT = re.compile(r"[、，,/]")
_AND = re.compile(r"以及|及|与|和")
_TRIM = re.compile(
    r"^(?:由|支持|鼓励|请|要|并|将|按照|分别|其中|和|及|与|以及)|(?:要|应|负责|具体|统筹|牵头)$"
)
_ORGAN_CONTINUES = frozenset("组宣统办政秘")
_VAGUE_HEAD = re.compile(r"(?:[市县区省]级)?(?:有关|相关)")
_VAGUE = re.compile(r"(?:有关|相关)(?:部门|单位)$")
_UNIT_ALIAS = re.compile(
    r"[（(](?:以下|下)?简称[“\"]?(?P<short>[^，,。；;）)”\"]{2,12})[”\"]?[)）]"
)
_CENTRAL_BANK = re.compile(r"(?:中国)?人民银行|人行")
_PARKISH = re.compile(r"区|园|示范")
# A short title without a list or a clause break reads as a heading, not as a sentence.
_HEADING_LIKE = re.compile(r"[^、，,；;]{1,20}")
_PLACE_ORGAN = re.compile(r"(?:管委会|管理委员会|人民政府|政府|党工委)$")
_QUALIFIED_ANYWHERE = re.compile(r"省|市|县|区|中共|国家|国务院")

Target = tuple[str, str]


Ref = ParkMention | Region | UnitName


class _Resolver:
    """Names of units, parks and regions in one document; nodes are made only when used."""

    def __init__(self, ctx: Context, b: Builder, parks: list[ParkMention]):
        self.ctx, self.b = ctx, b
        self.parks = {p.surface: p for p in parks}
        self.aliases: dict[str, UnitName] = {}
        # A document asks about the same clauses and names many times over (each cue, each
        # list): answers are kept until an alias changes what a name denotes.
        self._found: dict[str, Ref | None] = {}
        self._suffixes: dict[str, tuple[Ref, int] | None] = {}

    def read_aliases(self) -> None:
        """市医疗保险经办机构（以下简称医保经办机构）: the short name is that organ."""
        text = self.ctx.text
        for m in _UNIT_ALIAS.finditer(text):
            full = _SUBJECT_CLAUSE.search(text, max(0, m.start() - 30), m.start())
            found = self.suffix(full.group()) if full else None
            if found is not None and isinstance(found[0], UnitName):
                self.aliases[m.group("short")] = found[0]
                self._found.clear()
                self._suffixes.clear()

    def find(self, raw: str) -> Ref | None:
        """What a name denotes, without touching the graph."""
        if raw not in self._found:
            self._found[raw] = self._find(raw)
        return self._found[raw]

    def _find(self, raw: str) -> Ref | None:
        piece = _TRIM.sub("", _TRIM.sub("", raw.strip()))
        if len(piece) < 2:
            return None
        if piece in self.aliases:
            return self.aliases[piece]
        park = self.parks.get(piece)
        if park is None and _PARKISH.search(piece):
            found = find_parks(piece, self.ctx.region, self.ctx.province)
            if found and found[0].start == 0 and found[0].end == len(piece):
                park = found[0]
        if park is not None:
            return park
        if piece.endswith(("省", "市", "区", "县", "旗", "州")):
            region = lookup(piece, self.ctx.province)
            if region is not None and region.name == piece:
                return region
        return qualify(piece, self.ctx.region, self.ctx.park, self.ctx.province)

    def make(self, ref: Ref) -> Target:
        """The node a reference denotes, added to the graph (units with BELONGS_TO)."""
        if isinstance(ref, ParkMention):
            return self.b.park(ref)
        if isinstance(ref, Region):
            return self.b.region(ref)
        owner: Target | None = None
        if isinstance(ref.owner, ParkMention):
            owner = self.b.park(ref.owner)
        elif ref.owner is not None:
            owner = self.b.region(ref.owner)
        uid = unit_id(owner[1] if owner else "national", ref.name)
        props: dict[str, Value] = {"name": ref.full_name, "full_name": ref.full_name}
        props["kind"] = ref.kind
        self.b.node("Unit", uid, props)
        if owner is not None:
            self.b.rel("BELONGS_TO", ("Unit", uid), owner)
        return ("Unit", uid)

    def suffix(self, clause: str) -> tuple[Ref, int] | None:
        """The longest tail of a clause that names a unit (支持淇滨区 → 淇滨区), and its length."""
        if clause not in self._suffixes:
            self._suffixes[clause] = self._suffix(clause)
        return self._suffixes[clause]

    def _suffix(self, clause: str) -> tuple[Ref, int] | None:
        clause = _TAIL.sub("", clause.strip())[-24:]
        # Names begin with 省/市/县/区, a division's name or a park alias; try those first.
        starts = {m.start() for m in _QUALIFIED_ANYWHERE.finditer(clause)}
        # 人民银行西安分行, 人行合肥中心支行: a branch of the central bank is named with it.
        starts.update(m.start() for m in _CENTRAL_BANK.finditer(clause))
        starts.update(hit.start for hit in find_regions(clause, self.ctx.province))
        starts.update(i for alias in self.parks if (i := clause.rfind(alias)) >= 0)
        for i in sorted(starts):
            found = self.find(clause[i:])
            if found is not None:
                return found, len(clause) - i
        found = self.find(clause)
        return (found, len(clause)) if found is not None else None

    def many(self, chunk: str) -> list[Ref]:
        """Every unit in a list: 淇滨区、城乡一体化示范区及市发展改革委等相关部门."""
        out: list[Ref] = []
        for piece in self._shared_organs(_pieces(chunk.strip())):
            if _VAGUE.search(piece) and COLLECTIVE.match(_TAIL.sub("", piece)):
                continue  # 各级政府有关部门: some departments of every government, no one
            piece = _TAIL.sub("", piece)
            if COLLECTIVE.match(piece):
                group = qualify(piece, self.ctx.region, self.ctx.park, self.ctx.province)
                if group is not None:
                    out.append(group)
                continue
            if GENERIC.search(_TRIM.sub("", piece)):
                continue
            parts = [self.suffix(part) for part in _AND.split(piece)]
            if len(parts) > 1 and all(
                p is not None and p[1] >= len(s) - 1
                for p, s in zip(parts, _AND.split(piece), strict=True)
            ):
                # 市教育局和市科技局: two units; 市住房和城乡建设局 stays one.
                out.extend(p[0] for p in parts if p is not None)
                continue
            found = self.suffix(piece)
            if found is not None and len(piece) - 4 <= found[1]:
                out.append(found[0])
                continue
            for part in _AND.split(piece):
                found = self.suffix(part)
                if found is not None:
                    out.append(found[0])
        return out

    def _shared_organs(self, pieces: list[str]) -> list[str]:
        """杨凌示范区、西咸新区管委会: the organ after the last place is every listed place's."""
        out = list(pieces)
        shared: str | None = None
        for i in range(len(out) - 1, -1, -1):
            piece = out[i].strip()
            organ = _PLACE_ORGAN.search(piece)
            if organ is not None:
                place = piece[: organ.start()]
                shared = organ.group() if len(place) >= 2 and not UNIT.fullmatch(place) else None
            elif shared is not None and isinstance(self.find(piece), ParkMention | Region):
                out[i] = piece + shared
            else:
                shared = None
        return out


def _pieces(chunk: str) -> list[str]:
    """A list split at its separators, a collective (各市、县、区政府) kept whole."""
    out: list[str] = []
    last = 0
    for m in _COLLECTIVE_SPAN.finditer(chunk):
        out.extend(_SPLIT.split(chunk[last : m.start()]))
        out.append(m.group())
        last = m.end()
    out.extend(_SPLIT.split(chunk[last:]))
    return [piece for piece in out if piece.strip()]


def _clause_before(text: str, pos: int) -> str:
    start = max(0, pos - 40)
    window = text[start:pos]
    cut = list(_CLAUSE.finditer(window))
    return window[cut[-1].end() :] if cut else window


def _lead(resolve: _Resolver, clause: str) -> Ref | None:
    found = resolve.suffix(clause)
    return found[0] if found else None


def _duty_roles(units: list[Ref], led: bool, first_leads: bool) -> list[tuple[str, Ref]]:
    """Roles of the units listed as 责任单位: each leads, unless a lead was named beside them
    (then they support it) or the document says the first listed leads (列第一位者为牵头单位)."""
    return [
        ("SUPPORTED_BY" if led or (first_leads and j > 0) else "LED_BY", unit)
        for j, unit in enumerate(units)
    ]


def _duties(ctx: Context, resolve: _Resolver, first_leads: bool) -> list[tuple[int, str, Ref]]:
    text = ctx.text
    out: list[tuple[int, str, Ref]] = []
    for m in _LEAD_CUE.finditer(text):
        clause = _clause_before(text, m.start())
        # 由市商务局、市邮政管理局牵头: several leads.
        leads = resolve.many(clause) if "、" in clause else []
        lead = _lead(resolve, clause)
        if not leads:
            if lead is None:
                continue
            leads = [lead]
        out.extend((m.start(), "LED_BY", t) for t in leads)
        if m.group("sup"):
            out.extend((m.start(), "SUPPORTED_BY", t) for t in resolve.many(m.group("sup")))
    for m in _COOPERATE.finditer(text):
        subject = _clause_before(text, m.start())
        listed = _subject_units(resolve, subject) if "、" in subject else []
        if len(listed) > 1:
            # 科技部、中国社科院要会同教育部…: every unit of the subject leads.
            out.extend((m.start(), "LED_BY", t) for t in listed)
            first = _CLAUSE.split(m.group("sup"))[0]
            out.extend((m.start(), "SUPPORTED_BY", t) for t in _prefix_units(first, resolve))
            continue
        lead = _lead(resolve, subject)
        if lead is None and not subject.strip():
            # 市国土资源规划局统筹安排…，会同“三区”: the subject heads the previous clause.
            previous = _clause_before(text, max(0, m.start() - 1))
            heads = _prefix_units(_SPLIT.split(previous)[0], resolve)
            lead = heads[0] if heads else None
        if lead is None:
            continue
        out.append((m.start(), "LED_BY", lead))
        first = _CLAUSE.split(m.group("sup"))[0]
        out.extend((m.start(), "SUPPORTED_BY", t) for t in _prefix_units(first, resolve))
    for m in _IN_CHARGE.finditer(text):
        lead = _lead(resolve, m.group("lead"))
        if lead is not None:
            out.append((m.start(), "LED_BY", lead))
            if m.group("sup"):
                out.extend((m.start(), "SUPPORTED_BY", t) for t in resolve.many(m.group("sup")))
    for m in _SUBJECT_CHARGE.finditer(text):
        before = _clause_before(text, m.start())
        opener = m.start() - len(before) - 1
        if opener >= 0 and text[opener] in "（(":
            # 镇人民政府（街道办事处）负责: an organ with its alternative in brackets; else
            # （A、B负责）, the first leads, read by _BRACKET_DUTY.
            wide = _SUBJECT_CLAUSE.search(text, max(0, m.start() - 40), m.start())
            if wide is None or not before.endswith(("）", ")")):
                continue
            before = wide.group()
        clause = _SUBJECT_TAIL.sub("", _ARTICLE.sub("", before.strip()))
        if not clause:
            continue
        named = [resolve.find(part) for piece in _SPLIT.split(clause) for part in _AND.split(piece)]
        if named and all(isinstance(ref, UnitName) for ref in named):
            out.extend((m.start(), "LED_BY", ref) for ref in named if ref is not None)
    for m in _SUBJECT_MUST.finditer(text):
        before = _clause_before(text, m.start())
        mark = text[max(0, m.start() - len(before) - 1) : m.start() - len(before)]
        if mark not in ("", "。", "；", ";", "\n") and not _ARTICLE.match(before.strip()):
            continue  # only a sentence's subject: not …，并要求市财政局要…
        units = _subject_units(resolve, before)
        if not all(_GOVERNING.search(ref.name) for ref in units):
            continue  # 定点医药机构要…, 科技计划管理部门要…: rules for bodies, or a kind of organ
        out.extend((m.start(), "LED_BY", ref) for ref in units)
    for m in _CHARGE_SUPPORT.finditer(text):
        lead = _lead(resolve, _clause_before(text, m.start()))
        if lead is not None:
            out.append((m.start(), "LED_BY", lead))
            out.extend((m.start(), "SUPPORTED_BY", t) for t in resolve.many(m.group("sup")))
    for m in _BRACKET_DUTY.finditer(text):
        for j, t in enumerate(resolve.many(m.group("list"))):
            out.append((m.start(), "SUPPORTED_BY" if j else "LED_BY", t))
    for m in _OFFICE.finditer(text):
        heads = _prefix_units(m.group("lead"), resolve)
        if heads:
            out.append((m.start(), "LED_BY", heads[0]))
    for m in _NAMED_LEAD.finditer(text):
        lead = _lead(resolve, _clause_before(text, m.start()))
        if lead is not None:
            out.append((m.start(), "LED_BY", lead))
    headed = list(_HEADED.finditer(text))
    for i, m in enumerate(headed):
        items = m.group("list")
        if _LEAD_MARK.search(items):
            # 责任单位：市住建局（牵头）、市财政局: the marked ones lead.
            for piece in _SPLIT.split(items):
                role = "LED_BY" if _LEAD_MARK.search(piece) else "SUPPORTED_BY"
                out.extend((m.start(), role, t) for t in resolve.many(_LEAD_MARK.sub("", piece)))
            continue
        if _INLINE_ROLE.search(items):
            continue  # 责任单位：市工信局牵头，市发展改革委配合: the cue patterns read it
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


def _subject_units(resolve: _Resolver, clause: str) -> list[Ref]:
    """The units a clause is made of (科技部、中国社科院要 → both), or [] when anything else is
    in it."""
    clause = _SUBJECT_TAIL.sub("", _ARTICLE.sub("", clause.strip()))
    if not clause:
        return []
    named: list[Ref | None] = []
    for piece in _SPLIT.split(clause):
        whole = resolve.find(piece)  # 工业和信息化部 is one organ, 科技部和教育部 two
        named.extend(
            [whole] if isinstance(whole, UnitName) else map(resolve.find, _AND.split(piece))
        )
    if all(isinstance(ref, UnitName) for ref in named):
        return [ref for ref in named if ref is not None]
    return []


def _prefix_units(chunk: str, resolve: _Resolver) -> list[Ref]:
    """Units at the head of a phrase: 市财政局研究制定 → 市财政局; lists split first."""
    out = []
    for piece in _SPLIT.split(chunk):
        for part in _AND.split(piece):
            if _VAGUE_HEAD.match(part):
                continue  # 会同省级有关部门加强…: no unit in particular
            for end in range(2, len(part) + 1):
                # Shortest name first (市财政局研究制定办法 → 市财政局), but 市委 is only the
                # head of 市委组织部 or 市委办公室.
                if part[end : end + 1] in _ORGAN_CONTINUES and part[end - 1] == "委":
                    continue
                found = resolve.find(part[:end])
                if found is not None:
                    out.append(found)
                    break
    return out


def organ_unit(ctx: Context, b: Builder, name: str) -> Target | None:
    """The Unit node of an issuing organ (中共安徽省委办公厅, 国务院办公厅), with BELONGS_TO."""
    resolve = _Resolver(ctx, b, [])
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
    resolve = _Resolver(ctx, b, parks)
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
        "section": ctx.sections.heading_paths[index], "text": section.text[:2000],
    }  # fmt: skip
    b.node("Task", tid, props, weak=False)
    b.rel("HAS_TASK", doc, ("Task", tid), name)
    return ("Task", tid)


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
    ctx: Context, b: Builder, doc: Target, resolve: _Resolver, first_leads: bool
) -> None:
    """One Task per row of a task-division table, LED_BY / SUPPORTED_BY its columns' units."""
    for row in table_rows(ctx.text):
        tid = task_id(ctx.doc_id, f"row{row.start}")
        title = row.task[:80]
        name = f"{row.number} {title}".strip()
        props: dict[str, Value] = {
            "name": name, "number": row.number, "title": title, "section": "任务分工表",
            "text": row.text[:2000],
        }  # fmt: skip
        b.node("Task", tid, props, weak=False)
        b.rel("HAS_TASK", doc, ("Task", tid), name)
        evidence = ctx.sentences.at(row.start)
        duty = [t for chunk in row.duty for t in resolve.many(chunk)]
        roles = [("LED_BY", t) for chunk in row.lead for t in resolve.many(chunk)]
        roles += _duty_roles(duty, bool(row.lead), first_leads)
        roles += [("SUPPORTED_BY", t) for chunk in row.support for t in resolve.many(chunk)]
        for role, ref in roles:
            b.rel(role, ("Task", tid), resolve.make(ref), evidence, role=None)


def responsibilities(ctx: Context, b: Builder, doc: Target, parks: list[ParkMention]) -> None:
    """Tasks (sections, table rows) with LED_BY and SUPPORTED_BY units, parks or regions."""
    resolve = _Resolver(ctx, b, parks)
    resolve.read_aliases()
    first_leads = _FIRST_LEADS.search(ctx.text) is not None
    _table_tasks(ctx, b, doc, resolve, first_leads)
    for pos, role, target in sorted(_duties(ctx, resolve, first_leads), key=lambda d: d[0]):
        index = ctx.sections.deepest(pos)
        if index is None:
            continue
        index = _group_of_only_child(ctx, index)
        node = task(ctx, b, doc, index)
        b.rel(role, node, resolve.make(target), ctx.sentences.at(pos), role=None)
    for index, section in enumerate(ctx.sections.sections):
        if not section.children and section.depth >= 2:
            task(ctx, b, doc, index)
