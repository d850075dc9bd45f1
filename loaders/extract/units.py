"""Unit names: recognised, normalised through an alias table and qualified by their region."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policykg.loaders.extract.parks import KIND, ParkMention, find_parks
from policykg.loaders.extract.regions import Region, ancestors, find_regions
from policykg.ontology.organs import national_organ, normalize_organ_words

_SUFFIX = (
    r"(?:管理委员会|管委会|委员会|办公室|办公厅|领导小组|人民政府|政府|党委|党工委|工委|"
    r"局|委|办|厅|部|室|中心|公司|集团|院|署|处|站|所|队|馆|社|联合会|协会|银行|分行|支行|海关|法院|"
    r"街道办事处|街道|镇|乡|支队|大队|总队|部门|经办机构|机构|机关|专班|"
    # People's organisations named by their short forms: 市科协, 区妇联, 市总工会.
    r"科协|文联|侨联|妇联|残联|工商联|社科联|工会|红十字会)"
)
# 镇人民政府（街道办事处）: an organ printed with its alternative in brackets is one name.
UNIT = re.compile(
    rf"[\u4e00-\u9fff（）()]{{1,18}}?{_SUFFIX}(?:[（(][\u4e00-\u9fff]{{2,8}}{_SUFFIX}[)）])?"
)
_BODIES = (
    r"(?:高校|高等学校|高等院校|科研院所|科研机构|金融机构|银行业金融机构|医疗机构|企业|社会组织)"
)
# Words that name no particular unit: 相关部门, 各县区.
GENERIC = re.compile(
    r"^(?:各|有关|相关|其他|其它|所在|属地|区直|市直|省直|县直|各级|一个|多个|每个)|"
    r"^[市县区省]级(?:有关|相关)|"  # but 省级各部门 is every one of them: a collective
    r"^(?:县区|区县|县市区|市县区|市县)|"
    r"^(?:[市县区省]?(?:直)?(?:有关|相关|各)?(?:部门|单位|县区|县市区|乡镇|街道|成员单位))$|"
    r"城乡$|"  # 住房城乡(建设部), 统筹城乡: urban and rural, not a township (乡)
    rf"^{_BODIES}(?:(?:和|及|与|、){_BODIES})*$|"  # 高校和科研院所: kinds of body, not organs
    r"^地方(?!各级)[\u4e00-\u9fff]{0,10}(?:部门|机关)$|"  # 地方科技行政管理部门: every place's, no one
    r"^(?:合作|商业|承办|经办|贷款|放款|托管|开户)银行$"  # the banks a scheme works with
)
_NATIONAL = re.compile(r"^(?:国家|国务院|中共中央|中央|全国|中国(?!共产党))")
# Central organs whose bare name no local organ shares.
_UNAMBIGUOUS = re.compile(
    r"^(?:国家|国务院|中国|中央|中共中央|全国|最高|共青团|中华|党中央)|(?:部|总局|总署)$|"
    r"^(?:人民银行|银保监会|银监会|保监会|证监会|审计署|新华社|中科院|社科院|工信部|人社部|住建部)$"
)
# A ministry, general administration or bureau named without any place: a central organ.
_CENTRAL_SUFFIX = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:部|总局|总署|总会)$")
# The kinds of organ a collective (各…) names, as its name ends; unit_lists finds them in text.
COLLECTIVE_KINDS = (
    r"(?:人民政府|政府|管委会|管理委员会|党委|党工委|企业|公司|银行|医院|学校|高校|服务中心|管理局)"
    r"(?:[（(]管委会[)）])?"
)
# 各市、县、区政府, 各县（市、区）人民政府, 各基础电信企业: many organs of one kind, as one node.
COLLECTIVE = re.compile(
    # 各级财政部门, 各级人民银行: the organ of that kind at every level, as one node.
    r"^各级(?!各|有关|相关|其他)[\u4e00-\u9fff]{2,10}?(?:部门|机关|人民银行)$|"
    rf"^(?:各|全省各|全市各|地方各级)[\u4e00-\u9fff（）()、]{{0,14}}?{COLLECTIVE_KINDS}$"
)
_PARK_HEAD = re.compile(
    r"^(?:本?园区|开发区|高新区|经开区|经济开发区|示范区|区)(?=管委会|管理委员会|党工委|工委)"
)


_ONE_PER_CITY = frozenset({"高新区", "经开区"})


def _home_park(word: str, region: Region | None, province: str | None) -> ParkMention | None:
    """The park a bare 高新区/开发区 names in a city's document: that city's one."""
    if region is None or word not in _ONE_PER_CITY:
        return None  # a city has many 开发区 and 园区: the bare word names none of them
    found = find_parks(f"{region.short}{word}", region, province)
    return found[0] if found else None


_DEPARTMENT = re.compile(r"(?:局|委|办|厅|委员会|办公室)$")
# 老年人户籍所在地镇人民政府, 项目所在地县级人民政府: the organ, wherever the case arises.
_LOCATED = re.compile(r"^[\u4e00-\u9fff]{1,10}?所在地?(?=[\u4e00-\u9fff]{2})")
# 省人民政府委托省委宣传部: two organs and a verb, no one name (the one charged comes after it).
# …未完成目标的市委: a name holding 的 describes which organs, it names none.
_VERB_INSIDE = re.compile(
    r"委托|会同|牵头|负责|配合|制定|依法|依规|(?<![主重需纲摘提])要(?![素闻件点])|的"
)
# 区交通与建设局等区直部门配合: the organ named; the departments after 等 are no one in particular.
_AND_OTHERS = re.compile(r"(?<=[局委办厅])等(?:[区市省县]直)?(?:有关|相关|其他)?(?:部门|单位)$")
# Branches of vertically managed organs carry their own place inside the name (人民银行平潭支行,
# 人行合肥中心支行, 平潭海关): named as printed, never under the document's region again.
_OWN_PLACE = re.compile(
    r"^(?:中国)?(?:人民银行|人行)[\u4e00-\u9fff]{2,8}?(?:中心)?(?:支行|分行)$|"
    r"^(?!直属|隶属|口岸|各|有关|相关)[\u4e00-\u9fff]{2,4}海关$|"
    r"^团[省市县区]委$"  # 团省委: the Youth League committee names its level itself
)
_FULL_PLACE = re.compile(r"(?:省|市|县|区|州|旗|盟)$")
# 省X厅, 市X局 … (but 县级以上地方人民政府 names levels, not a place).
# 长三角区域合作办公室: an office for an area of several provinces already names its area;
# 上海市长三角区域合作办公室 would read as a Shanghai name of it.
CROSS_AREA = re.compile(r"^(?:长三角|长江三角洲|京津冀|粤港澳|成渝|长江经济带|黄河流域|泛珠)")
_PREFIX = re.compile(r"^(省|市(?!场)|县|区|州|镇|乡|村)(?!级以上)(?=[\u4e00-\u9fff(（]{2})")
# Prefixes of levels below a jurisdiction: 区民政部门 in a city's document is every district's
# (kept as printed), 市财政局 in a province's every city's.
_BELOW = {
    "province": frozenset("市州县区镇乡村"),
    "city": frozenset("县区镇乡村"),
    "county": frozenset("镇乡村"),
}
_PARK_ORGAN = re.compile(r"(?:管理委员会|管委会|党工委|工委)$")


@dataclass(frozen=True)
class UnitName:
    """A recognised unit: the node it belongs to, its key name and its full name."""

    owner: Region | ParkMention | None
    name: str  # normalised, without the place: 发展改革委
    full_name: str  # 鹤壁市发展改革委
    kind: str


def normalize_unit(name: str) -> str:
    """One spelling per organ (ontology/data/organs.tsv): 发改委 → 发展改革委."""
    return normalize_organ_words(name)


def unit_kind(name: str) -> str:
    """collective, party, government, park-committee, committee, company or department."""
    if COLLECTIVE.match(name):
        return "collective"
    if name.startswith("中共") or name.endswith(("党委", "党工委", "工委", "组织部", "宣传部")):
        return "party"
    if name.endswith(("人民政府", "政府")):
        return "government"
    if name.endswith(("管委会", "管理委员会")):
        return "park-committee"
    if name.endswith(("公司", "集团")):
        return "company"
    if name.endswith(("委", "委员会", "领导小组")):
        return "committee"
    return "department"


def _below(prefix: str, region: Region | None, park: ParkMention | None) -> bool:
    """Whether 区/县/镇 … names a level below the jurisdiction (上海市 is a province: 市 is its own)."""
    if region is None or park is not None or prefix not in _BELOW.get(region.level, ()):
        return False
    return not any(r.name.endswith(prefix) for r in (region, *ancestors(region)))


def _owner_for_prefix(
    prefix: str, region: Region | None, park: ParkMention | None
) -> Region | ParkMention | None:
    """市X in a 鹤壁 document → 鹤壁市; 区X in a park committee's document → the park."""
    if prefix == "区" and park is not None:
        return park
    if region is None:
        return park
    chain = [region, *ancestors(region)]
    for candidate in chain:
        if candidate.name.endswith(prefix):
            return candidate
    return region


_FULL_BRACKETS = str.maketrans("()", "（）")
# 各级政府要…, 地方各级人民政府…: governments at every level, no one in particular (a01, c03,
# g01 and g03 annotate none); 各市人民政府 or 各级财政部门 name a collective.
_EVERY_GOVERNMENT = re.compile(r"(?:地方)?各级(?:地方)?(?:党委和|党委、)?(?:人民)?政府$")
# 镇（街）负责…: a district's township governments and street offices, printed short.
_TOWNSHIPS = re.compile(r"(?<!各)镇[（(]街道?[)）]")  # 各镇（街道）: a collective, as printed


# Documents and their resolvers ask about the same names over and over (4,000 calls, 1,300
# different over the speed bench's files, each a cascade of patterns): answers are kept, up to
# a bound. The answer depends on the arguments alone.
@lru_cache(maxsize=4096)
def qualify(
    raw: str, region: Region | None, park: ParkMention | None, province: str | None
) -> UnitName | None:
    """A unit name as written, placed in its region (or park); None for generic words."""
    raw = _LOCATED.sub("", _AND_OTHERS.sub("", raw.strip()))
    # One spelling per organ: 镇人民政府(街道办事处) as 镇人民政府（街道办事处）.
    raw = _TOWNSHIPS.sub("镇人民政府（街道办事处）", raw.translate(_FULL_BRACKETS))
    if _EVERY_GOVERNMENT.match(raw):
        return None
    central = national_organ(raw)
    if central is not None and ((region is None and park is None) or _UNAMBIGUOUS.search(raw)):
        # 农业农村部 is central wherever it is named; a bare 发展改革委 only in a central
        # document (in a city's plan it is the city's own).
        return UnitName(None, central, central, unit_kind(central))
    if COLLECTIVE.match(raw):
        # As printed, under the document's region: 各市人民政府 of a provincial document.
        return UnitName(region, raw, raw, "collective")
    if not UNIT.fullmatch(raw) or GENERIC.search(raw) or _VERB_INSIDE.search(raw) or len(raw) < 3:
        return None
    if _NATIONAL.match(raw) or (
        _CENTRAL_SUFFIX.match(raw) and not _PREFIX.match(raw) and not find_regions(raw, province)
    ):
        name = normalize_unit(raw)
        return UnitName(None, name, name, unit_kind(name))
    owner: Region | ParkMention | None
    head = _PARK_HEAD.match(raw)
    if head and len(raw) > head.end():
        # 园区管委会 in a park committee's document, 高新区管委会 in a city's: the park's organ.
        home = park or _home_park(head.group(), region, province)
        if home is not None:
            name = normalize_unit(raw[head.end() :])
            return UnitName(home, name, f"{home.name}{name}", unit_kind(name))
        return None  # 开发区管委会 in a city's document: which park's is not said
    organ = _PARK_ORGAN.search(raw)
    if organ and KIND.search(raw, 0, organ.start()):
        # 常州国家高新区管委会: the organ of a park named in full.
        parks = find_parks(raw[: organ.start()], region, province)
        if parks and parks[0].start == 0 and parks[0].end == organ.start():
            home = parks[0]
            name = normalize_unit(organ.group())
            return UnitName(home, name, f"{home.name}{name}", unit_kind(name))
    hits = find_regions(raw, province)
    printed: str | None = None  # the place as printed, when it is a short form (上海海关)
    if hits and hits[0].start == 0:
        last = hits[0]
        for hit in hits[1:]:
            if hit.start != last.end:
                break
            last = hit
        owner, rest = last.region, raw[last.end :]
        if not _FULL_PLACE.search(raw[: last.end]):
            printed = raw[: last.end]
    else:
        prefix = _PREFIX.match(raw)
        if prefix and _OWN_PLACE.match(raw[1:]):
            raw = raw[1:]  # 区人民银行平潭支行: the branch names its place already
            prefix = None
        if prefix and _below(prefix.group(1), region, park):
            owner, rest, printed = region, raw, ""
        elif prefix:
            owner, rest = _owner_for_prefix(prefix.group(1), region, park), raw[1:]
            if owner is None:  # 省级医保行政部门 in a central document: every province's
                rest, printed = raw, ""
        elif _OWN_PLACE.match(raw):
            owner, rest, printed = region, raw, ""
        else:
            # No place at all: a government department (发展改革委, 住建局) is the
            # jurisdiction's own and carries its name; any other body (申康医院发展中心) is
            # named as printed, under the document's region.
            owner, rest = (park or region), raw
            if (park is None and not _DEPARTMENT.search(raw)) or CROSS_AREA.match(raw):
                printed = ""
            elif unit_kind(raw) == "company":
                printed = ""  # 平潭华润燃气有限公司 in a park's plan: a firm's name as registered
    if len(rest) < 2:
        return None
    name = normalize_unit(rest)
    place = owner.name if owner is not None else ""
    if printed is not None:
        place = printed
    full = f"中共{place}{name[2:]}" if name.startswith("中共") and place else f"{place}{name}"
    return UnitName(owner, name, full, unit_kind(name))
