"""Unit names in one document's sentences: lists (A、B和C), shared levels (市、区财政部门),
subjects (科技部、中国社科院要…) and the nodes they denote."""

from __future__ import annotations

import re

from policykg.loaders.extract.builder import Builder
from policykg.loaders.extract.context import Context
from policykg.loaders.extract.ids import region_id, unit_id
from policykg.loaders.extract.parks import ParkMention, find_parks
from policykg.loaders.extract.regions import Region, find_regions, lookup
from policykg.loaders.extract.sentences import clause_span, matches_at, starts_before
from policykg.loaders.extract.units import (
    COLLECTIVE,
    COLLECTIVE_KINDS,
    CROSS_AREA,
    GENERIC,
    UNIT,
    UnitName,
    qualify,
)
from policykg.ontology.organs import national_organ
from policykg.ontology.records import Value

# A rule's article number opens its first clause: 第三条 市民政局负责….
ARTICLE = re.compile(r"^第[一二三四五六七八九十百零]+条\s*")
# An item's own number before its subject: （一）镇人民政府（街道办事处）负责…, 3.市财政局负责….
ITEM = r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．])"
ITEM_NUMBER = re.compile(rf"{ITEM}\s*")
SUBJECT_TAIL = re.compile(r"(?:分别|共同|具体|主要|要|应当|应|还要|统一)+$")
CLAUSE = re.compile(r"[，,。；;：:\n(（]")
TAIL = re.compile(
    r"(?:按职责分工|按职责|按照职责|根据职责|分别|共同|等)*"
    r"(?:等(?:[省市县区]级)?(?:相关|有关)?(?:主管)?(?:部门|单位)?|(?:相关|有关)(?:部门|单位))?$"
)
# Every TAIL word ends on one of these: a piece ending on another (局, 委, 府 …) has none to drop
# (a closing line break is left to TAIL's $).
_TAIL_LAST = frozenset("工责别同等级关管门位\n")


def drop_tail(piece: str) -> str:
    """TAIL.sub("", piece): 按职责分工, 等相关部门 … dropped from the end of a piece."""
    return TAIL.sub("", piece) if piece[-1:] in _TAIL_LAST else piece


_COLLECTIVE_SPAN = re.compile(
    # 各市、县、区政府 is one collective; 各相关单位、各区政府 two pieces (a list of units ends
    # at 单位 or 部门).
    rf"(?:各|地方各级)(?:(?!单位|部门)[\u4e00-\u9fff（）()、]){{0,14}}?{COLLECTIVE_KINDS}"
    r"(?!有关|相关|所属)"
)
SPLIT = re.compile(r"[、，,/]")
AND = re.compile(r"以及|及|与|和")
_TRIM = re.compile(
    r"^(?:由|支持|鼓励|请|要|并|将|按照|分别|其中|和|及|与|以及)|(?:要|应|负责|具体|统筹|牵头)$"
)
# The characters _TRIM's words open and close on: a piece with neither at its edges keeps all.
_TRIM_FIRST = frozenset("由支鼓请要并将按分其和及与以")
_TRIM_LAST = frozenset("要应责体筹头\n")


def _trim(piece: str) -> str:
    """_TRIM.sub("", piece): a verb or conjunction at either end dropped (由…, …负责)."""
    if piece[:1] in _TRIM_FIRST or piece[-1:] in _TRIM_LAST:
        return _TRIM.sub("", piece)
    return piece  # the pattern, its second branch tried at every offset, would match nothing


_ORGAN_CONTINUES = frozenset("组宣统办政秘")
# Words an organ's name runs through: 发展改革部|门, 人力资源社|会保障局, 中国社|科院, 住房城乡|建设部
# are no names.
_RUNS_ON = frozenset({"部门", "社会", "社科", "机关", "乡建"})
# 税务总局等国务院相关部门以及各地区: after 等 the list closes with no one in particular.
_ETC_VAGUE = re.compile(
    r"等(?=(?:国务院|中央和国家机关|省直|市直|区直|县直)?(?:[省市县区]级)?(?:相关|有关|各))"
)
_GOVERNMENT = re.compile(r"国务院|[省市县区]?(?:人民)?政府")
VAGUE_HEAD = re.compile(r"(?:[市县区省]级)?(?:有关|相关)|同级|本级")
_SAME_LEVEL = re.compile(r"同级|本级")
_VAGUE = re.compile(r"(?:有关|相关)(?:部门|单位)$")
_UNIT_ALIAS = re.compile(
    r"[（(](?:(?:以下|下)?简称|以下称)[“\"]?(?P<short>[^，,。；;）)”\"]{2,12})[”\"]?[)）]"
)
# Where _UNIT_ALIAS can start: its bracket stands 2 to 4 characters before 称 (（简称, （以下简称).
_ALIAS_WORDS = {"称": (2, 3, 4)}
_DESCRIBED_ORGAN = re.compile(
    r"(?:县级以上|设区的市级以上|省级|市级|县级)(?:地方)?(?:各级)?人民政府[\u4e00-\u9fff]{2,20}(?:部门|机关)$"
)
_CENTRAL_BANK = re.compile(r"(?:中国)?人民银行|人行")
_COMPANY_HEAD = re.compile(r"国网|中国(?=[\u4e00-\u9fff]{2,20}(?:公司|集团)$)")
# A park's mention ends where a kind word (开发区, 产业园 …) or a free trade zone's name does:
# on 区 or 园. Only a piece ending so can be a park's name from end to end.
_PARK_LAST = ("区", "园")
_LEVEL_WORDS = frozenset("省市县区镇乡")
BOTH_LEVELS = re.compile(r"^([省市县区])[（(]([市县区镇])[)）](.{2,})$")
_PLACE_ORGAN = re.compile(r"(?:管委会|管理委员会|人民政府|政府|党工委)$")
_QUALIFIED_ANYWHERE = re.compile(r"省|市|县|区|中共|国家|国务院")
_REGION_WORD = re.compile(r"区域")
# A list item printed with its level (市发展改革委) and the organs of a level that follow it.
_PREFIX_LEVEL = re.compile(r"^[省市县区](?![级场])(?=[\u4e00-\u9fff]{2})")
_SHARES_LEVEL = re.compile(
    r"(?:局|委|办|厅|委员会|办公室|法院|检察院|科协|文联|侨联|妇联|残联|工商联|社科联|总工会|团委)$"
)

Target = tuple[str, str]


Ref = ParkMention | Region | UnitName


class Resolver:
    """Names of units, parks and regions in one document; nodes are made only when used."""

    def __init__(self, ctx: Context, b: Builder, parks: list[ParkMention]):
        self.ctx, self.b = ctx, b
        self.parks = {p.surface: p for p in parks}
        self.aliases: dict[str, UnitName] = {}
        # A document asks about the same clauses and names many times over (each cue, each
        # list): answers are kept until an alias changes what a name denotes.
        self._found: dict[str, Ref | None] = {}
        self._suffixes: dict[str, tuple[Ref, int] | None] = {}
        self._lists: dict[str, list[Ref]] = {}
        self._pieces: dict[str, list[Ref]] = {}
        self.subjects: dict[str, list[Ref]] = {}  # subject_units' answers

    def read_aliases(self) -> None:
        """市医疗保险经办机构（以下简称医保经办机构）: the short name is that organ."""
        text = self.ctx.text
        # Tried before each 称 alone (found with str.find; most texts give no short names):
        # sre checked the pattern's opening bracket set at every character.
        for m in matches_at(_UNIT_ALIAS, text, starts_before(text, _ALIAS_WORDS)):
            span = clause_span(text, max(0, m.start() - 30), m.start())
            full = text[span[0] : span[1]] if span else None
            found = self.suffix(full) if full is not None else None
            described = _DESCRIBED_ORGAN.search(full) if full is not None else None
            if described is not None:
                # 县级以上地方人民政府承担市场主体登记工作的部门（以下称登记机关）: an organ a
                # rule describes by its level and function is named as described.
                name = described.group()
                owner = self.ctx.park or self.ctx.region
                found = (UnitName(owner, name, name, "department"), len(name))
            if found is not None and isinstance(found[0], UnitName):
                self.aliases[m.group("short")] = found[0]
                self._found.clear()
                self._suffixes.clear()
                self._lists.clear()
                self._pieces.clear()
                self.subjects.clear()

    def find(self, raw: str) -> Ref | None:
        """What a name denotes, without touching the graph."""
        if raw not in self._found:
            self._found[raw] = self._find(raw)
        return self._found[raw]

    def _find(self, raw: str) -> Ref | None:
        # 上海市科学技术委员会（以下简称市科委）负责…: the organ, without its short name.
        # Only a name holding 称 can hold its short name (以下简称…).
        named = _UNIT_ALIAS.sub("", raw) if "称" in raw else raw
        piece = _trim(_trim(named.strip()))
        if len(piece) < 2:
            return None
        if piece in self.aliases:
            return self.aliases[piece]
        park = self.parks.get(piece)
        if park is None and piece.endswith(_PARK_LAST):
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
            owner = self.b.park(ref.owner)  # it may add the alias the park is printed with
        elif ref.owner is not None:
            owner = ("Region", region_id(ref.owner.adcode))
        uid = unit_id(owner[1] if owner else "national", ref.name)
        if uid in self.b.nodes:
            # A unit's node is only ever added with its region's node and its BELONGS_TO: a
            # unit named again adds nothing (a plan names its organs hundreds of times).
            return ("Unit", uid)
        if isinstance(ref.owner, Region):
            self.b.region(ref.owner)
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
        clause = drop_tail(clause.strip())[-24:]
        # Names begin with 省/市/县/区, a division's name or a park alias; try those first.
        # 长三角区域合作办公室: the 区 of 区域 is no level, 区域合作办公室 no name of its own.
        starts = {
            m.start()
            for m in _QUALIFIED_ANYWHERE.finditer(clause)
            if not _REGION_WORD.match(clause, m.start())
        }
        # 人民银行西安分行, 人行合肥中心支行: a branch of the central bank is named with it.
        starts.update(m.start() for m in _CENTRAL_BANK.finditer(clause))
        # 国网山东省电力公司, 中国国家铁路集团有限公司: the company's name holds its place.
        starts.update(m.start() for m in _COMPANY_HEAD.finditer(clause))
        # 由各片区开发管理局负责: the collective, not the 区开发管理局 inside it.
        starts.update(m.start() for m in _COLLECTIVE_SPAN.finditer(clause))
        starts.update(hit.start for hit in find_regions(clause, self.ctx.province))
        starts.update(i for alias in self.parks if (i := clause.rfind(alias)) >= 0)
        for i in sorted(starts):
            found = self.find(clause[i:])
            if found is not None:
                return found, len(clause) - i
        found = self.find(clause)
        return (found, len(clause)) if found is not None else None

    def many(self, chunk: str) -> list[Ref]:
        """Every unit in a list: 淇滨区、城乡一体化示范区及市发展改革委等相关部门 (a list the
        caller must not change: a table repeats its lists row after row)."""
        if chunk not in self._lists:
            self._lists[chunk] = self._many(chunk)
        return self._lists[chunk]

    def _many(self, chunk: str) -> list[Ref]:
        out: list[Ref] = []
        for piece in self._shared_prefix(self._shared_organs(pieces(chunk.strip()))):
            if piece not in self._pieces:
                self._pieces[piece] = self._piece_units(piece)
            out.extend(self._pieces[piece])
        return out

    def _piece_units(self, piece: str) -> list[Ref]:
        """The units one piece of a list names (市教育局和市科技局: two), once per document:
        lists name the same organs over and over."""
        if _VAGUE.search(piece):
            head = drop_tail(piece)
            if COLLECTIVE.match(head) or _GOVERNMENT.fullmatch(head):
                return []  # 各级政府有关部门, 国务院相关部门: some departments of a government
        etc = _ETC_VAGUE.search(piece)
        piece = drop_tail(piece[: etc.start()] if etc else piece)
        if COLLECTIVE.match(piece):
            group = qualify(piece, self.ctx.region, self.ctx.park, self.ctx.province)
            return [group] if group is not None else []
        if GENERIC.search(_trim(piece)):
            return []
        parts = [self.suffix(part) for part in AND.split(piece)]
        if len(parts) > 1 and all(
            p is not None and p[1] >= len(s) - 1
            for p, s in zip(parts, AND.split(piece), strict=True)
        ):
            # 市教育局和市科技局: two units; 市住房和城乡建设局 stays one.
            return [p[0] for p in parts if p is not None]
        found = self.suffix(piece)
        if found is not None and len(piece) - 4 <= found[1]:
            return [found[0]]
        out: list[Ref] = []
        for part in AND.split(piece):
            found = self.suffix(part)
            if found is not None:
                out.append(found[0])
        return out

    def _shared_prefix(self, pieces: list[str]) -> list[str]:
        """市法院、检察院; 区市场监督管理局、经济发展局: organs listed after one printed with its
        level share that level, as a list written out in full would print it."""
        out = list(pieces)
        level = ""
        for i, piece in enumerate(out):
            piece = piece.strip()
            head = _PREFIX_LEVEL.match(piece)
            if head is not None:
                level = head.group()
            elif (
                level
                and _SHARES_LEVEL.search(piece)
                and not _QUALIFIED_ANYWHERE.match(piece)
                and not _CENTRAL_BANK.match(piece)
                and not COLLECTIVE.match(piece)
                and not find_regions(piece, self.ctx.province)
                and not CROSS_AREA.match(piece)
                and national_organ(piece) is None
                and isinstance(self.find(level + piece), UnitName)
            ):
                out[i] = level + piece
            else:
                level = ""
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


def pieces(chunk: str) -> list[str]:
    """A list split at its separators, a collective (各市、县、区政府) kept whole."""
    out: list[str] = []
    last = 0
    for m in _COLLECTIVE_SPAN.finditer(chunk):
        out.extend(SPLIT.split(chunk[last : m.start()]))
        out.append(m.group())
        last = m.end()
    out.extend(SPLIT.split(chunk[last:]))
    return [piece for piece in out if piece.strip()]


def subject_opening(clause: str) -> str:
    """A clause without the article (第五条) and the item number (（一）, 3.) it opens with."""
    head = ARTICLE.sub("", clause.strip())
    item = ITEM_NUMBER.match(head)
    return head[item.end() :] if item else head


# Everything up to the last CLAUSE mark: .* runs to the end and backs off to the mark, one
# match where finditer made one per mark.
_UP_TO_LAST_MARK = re.compile(r".*[，,。；;：:\n(（]", re.DOTALL)


def clause_before(text: str, pos: int, reach: int = 40) -> str:
    """The clause that ends at pos (at most reach characters back)."""
    start = max(0, pos - reach)
    cut = _UP_TO_LAST_MARK.match(text, start, pos)
    return text[cut.end() if cut else start : pos]


def lead_of(resolve: Resolver, clause: str) -> Ref | None:
    """The unit a clause ends with (由市商务局 → 市商务局), if any."""
    found = resolve.suffix(clause)
    return found[0] if found else None


def shared_level(parts: list[str]) -> list[str]:
    """市、区财政部门: the organ after the last level is every listed level's (市财政部门,
    区财政部门); 市人力资源和社会保障、民政部门: the last 部门 is every listed one's, at the
    first one's level (市人力资源和社会保障部门, 市民政部门)."""
    out = []
    for piece in parts:
        both = BOTH_LEVELS.match(piece.strip())
        # 市（区）公安机关: the city's and each district's.
        out.extend([f"{both[1]}{both[3]}", f"{both[2]}{both[3]}"] if both else [piece.strip()])
    if len(out) == 1:
        return out  # one name (most subjects): nothing is shared
    for i in range(len(out) - 2, -1, -1):
        following = out[i + 1]
        if out[i] in _LEVEL_WORDS and following[:1] in _LEVEL_WORDS and len(following) > 2:
            out[i] = out[i] + following[1:]
    if len(out) > 1 and out[-1].endswith("部门") and out[0][:1] in _LEVEL_WORDS:
        level = out[0][0]
        for i, piece in enumerate(out):
            if not piece.endswith("部门") and not UNIT.fullmatch(piece):
                piece = f"{piece}部门"
            if piece[:1] not in _LEVEL_WORDS:
                piece = f"{level}{piece}"
            out[i] = piece
        return out
    if len(out) > 1 and out[0].startswith("各级") and out[-1].endswith("部门"):
        # 各级人社、财政部门: every level's department of each sector, a collective each.
        return [
            f"{'' if p.startswith('各级') else '各级'}{p}{'' if p.endswith('部门') else '部门'}"
            for p in out
        ]
    return _levels_by_sectors(out)


def _levels_by_sectors(parts: list[str]) -> list[str]:
    """市、区民政、残联 (parts 市民政, 区民政, 残联 once levels are joined): every listed level's
    department of every listed sector (市民政部门, 区民政部门, 市残联, 区残联); a sector that is
    no organ by itself gets 部门. Lists of whole names are left as they are."""
    levels: list[str] = []
    for piece in parts:
        if piece[:1] not in _LEVEL_WORDS or piece[:1] in levels or UNIT.fullmatch(piece):
            break
        levels.append(piece[:1])
    if not levels or any(p[1:] != parts[0][1:] for p in parts[: len(levels)]):
        return parts  # no level printed first, or levels of different sectors (市民政、区财政)
    sectors = [parts[0][1:], *parts[len(levels) :]]
    if (len(levels) == 1 and len(sectors) == 1) or any(s[:1] in _LEVEL_WORDS for s in sectors):
        return parts
    # 财政部门和残联: two sectors when what follows 和 names an organ at the level (市残联);
    # 人力资源和社会保障 stays one.
    sectors = [
        part
        for sector in sectors
        for part in (
            AND.split(sector)
            if all(UNIT.fullmatch(f"{levels[0]}{p}") for p in AND.split(sector))
            else [sector]
        )
    ]
    if any(_NOT_SECTOR.search(s) or not 2 <= len(s) <= 8 for s in sectors):
        return parts
    return [
        f"{level}{sector}" if UNIT.fullmatch(f"{level}{sector}") else f"{level}{sector}部门"
        for sector in sectors
        for level in levels
    ]


# Words that make a piece of a list something other than a sector (民政, 残联, 财政部门).
_NOT_SECTOR = re.compile(r"[级等各有相其]|政府|办事处|[省市县区]$")
_LISTED_SECTORS_TAIL = re.compile(r"等(?:相关|有关)?部门(?:[（(]单位[)）])?$")


def subject_units(resolve: Resolver, clause: str) -> list[Ref]:
    """The units a clause is made of (科技部、中国社科院要 → both), or [] when anything else is
    in it (a list the caller must not change: a plan's sentences open on the same subjects)."""
    if clause not in resolve.subjects:
        resolve.subjects[clause] = _subject_units(resolve, clause)
    return resolve.subjects[clause]


def _subject_units(resolve: Resolver, clause: str) -> list[Ref]:
    clause = SUBJECT_TAIL.sub("", ARTICLE.sub("", clause.strip()))
    if not clause:
        return []
    # 市发展改革、财政、…、统计等相关部门（单位）: the listed sectors' departments, at the first
    # one's level (shared_level); the 等相关部门 after them is no one in particular.
    clause = _LISTED_SECTORS_TAIL.sub("部门", clause) if "、" in clause else clause
    if "、" in clause and COLLECTIVE.match(clause):
        # 各市、县（区）政府要…: one collective, its levels listed inside it.
        whole = resolve.find(clause)
        return [whole] if whole is not None else []
    named: list[Ref] = []
    for piece in shared_level(SPLIT.split(clause)):
        # 工业和信息化部 is one organ; 科技部和教育部, 镇人民政府和街道办事处 two.
        parts = [resolve.find(part) for part in AND.split(piece)]
        whole = resolve.find(piece) if len(parts) > 1 else parts[0]
        units = [part for part in parts if isinstance(part, UnitName)]
        if len(units) == len(parts):
            named.extend(units)
        elif isinstance(whole, UnitName):
            named.append(whole)
        else:
            return []  # a piece that names no unit: the clause is more than units
    return named


# 会同工业和信息化、商务、交通运输等部门: sectors named without their organs.
_SECTOR = r"(?:(?!等)[\u4e00-\u9fff]){2,10}"
_SECTOR_LIST = re.compile(rf"(?P<sectors>{_SECTOR}(?:、{_SECTOR})+)等?(?:相关|有关)?部门")


def sector_departments(resolve: Resolver, chunk: str, level: str) -> list[Ref]:
    """省发展改革委会同工业和信息化、商务等部门: the departments of the listed sectors at the
    level the lead is printed with (省工业和信息化部门, 省商务部门); [] unless every one is."""
    listed = _SECTOR_LIST.match(chunk)
    if listed is None or level not in _LEVEL_WORDS:
        return []
    sectors = listed.group("sectors").split("、")
    if any(UNIT.fullmatch(sector) for sector in sectors):
        return []  # a list of organs (省财政厅、省商务厅) is read as one
    return _departments(resolve, sectors, level)


def _departments(resolve: Resolver, sectors: list[str], level: str) -> list[Ref]:
    """The department of each sector at level (省, or "" for the document's own); [] unless
    every sector is a sector printed without a level and names a department."""
    out: list[Ref] = []
    for sector in sectors:
        if sector[:1] in _LEVEL_WORDS or _NOT_SECTOR.search(sector):
            return []
        found = resolve.find(f"{level}{sector}部门")
        if not isinstance(found, UnitName):
            return []
        out.append(found)
    return out


# 发改、财政、工信、科技等部门: sectors listed with no level, closed by 等(相关)部门.
_UNLEVELLED_SECTORS = re.compile(rf"(?P<sectors>{_SECTOR}(?:、{_SECTOR})+)等(?:相关|有关)?部门")


def listed_sectors(resolve: Resolver, clause: str) -> list[Ref]:
    """发改、财政、工信等部门 as a sentence's subject: the document's own department of each
    listed sector; [] unless every piece is a sector printed without a level."""
    listed = _UNLEVELLED_SECTORS.fullmatch(subject_opening(clause))
    if listed is None:
        return []
    sectors = listed.group("sectors").split("、")
    if any(not 2 <= len(sector) <= 8 for sector in sectors):
        return []
    return _departments(resolve, sectors, "")


def prefix_units(chunk: str, resolve: Resolver) -> list[Ref]:
    """Units at the head of a phrase: 市财政局研究制定 → 市财政局; lists split first."""
    if _SAME_LEVEL.match(chunk):
        return []  # 同级规划和自然资源、住房城乡建设等部门: the whole list is no one in particular
    out = []
    for piece in SPLIT.split(chunk):
        for part in AND.split(piece):
            if VAGUE_HEAD.match(part):
                continue  # 会同省级有关部门加强…: no unit in particular
            for end in range(2, len(part) + 1):
                # Shortest name first (市财政局研究制定办法 → 市财政局), but 市委 is only the
                # head of 市委组织部 or 市委办公室.
                if part[end : end + 1] in _ORGAN_CONTINUES and part[end - 1] == "委":
                    continue
                if part[end - 1 : end + 1] in _RUNS_ON:
                    continue
                found = resolve.find(part[:end])
                if found is not None:
                    out.append(found)
                    break
    return out
