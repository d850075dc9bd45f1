"""文号 issuer codes: who issued a document and where, so a cited stub knows its level."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from policykg.loaders.docnumber import parse_doc_number
from policykg.loaders.extract.regions import Region, division, division_rows, lookup

# Province abbreviations as used in 文号 (皖政办〔2024〕3号).
PROVINCES: dict[str, str] = {
    "京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "内蒙": "150000",
    "蒙": "150000", "辽": "210000", "吉": "220000", "黑": "230000", "沪": "310000",
    "苏": "320000", "浙": "330000", "皖": "340000", "闽": "350000", "赣": "360000",
    "鲁": "370000", "豫": "410000", "鄂": "420000", "湘": "430000", "粤": "440000",
    "桂": "450000", "琼": "460000", "渝": "500000", "川": "510000", "蜀": "510000",
    "黔": "520000", "贵": "520000", "滇": "530000", "云": "530000", "藏": "540000",
    "陕": "610000", "甘": "620000", "陇": "620000", "青": "630000", "宁": "640000",
    "新": "650000",
}  # fmt: skip

# Central organs: code prefix → organ. Longest prefix wins.
NATIONAL: dict[str, str] = {
    "国发": "国务院", "国函": "国务院", "国办发": "国务院办公厅", "国办函": "国务院办公厅",
    "中发": "中共中央", "中办发": "中共中央办公厅", "厅字": "中共中央办公厅",
    "发改": "国家发展改革委", "工信部": "工业和信息化部", "国科发": "科技部",
    "财": "财政部", "商": "商务部", "人社部": "人力资源社会保障部", "自然资": "自然资源部",
    "建": "住房和城乡建设部", "交": "交通运输部", "农": "农业农村部", "教": "教育部",
    "民发": "民政部", "环": "生态环境部", "国土资": "国土资源部", "署": "海关总署",
}  # fmt: skip

# What follows the place abbreviation: organ suffix. Longest first.
_ORGANS: tuple[tuple[str, str], ...] = (
    ("政办秘", "人民政府办公室"), ("政办发", "人民政府办公室"), ("政办函", "人民政府办公室"),
    ("政办", "人民政府办公室"), ("府办", "人民政府办公室"), ("办发", "委办公室"),
    ("办", "委办公室"), ("政秘", "人民政府"), ("政发", "人民政府"), ("政", "人民政府"),
    ("府发", "人民政府"), ("府", "人民政府"), ("委发", "委"), ("委", "委"),
    ("发改", "发展改革委"), ("发", "委"),
)  # fmt: skip
_PROVINCIAL_OFFICE = {"人民政府办公室": "人民政府办公厅", "委办公室": "委办公厅"}
LEVEL_OF_REGION = {"province": "provincial", "city": "city", "county": "county"}


@dataclass(frozen=True)
class Issuer:
    """What a 文号's issuer code tells: organ, region and level."""

    code: str
    organ: str | None
    region: Region | None
    level: str | None  # national, provincial, city, county


@cache
def _city_codes() -> dict[str, list[str]]:
    """City and county abbreviations: short name (亳州) and its first character (亳)."""
    out: dict[str, list[str]] = {}
    for code, (_, level, _, _, _, short) in division_rows().items():
        if level == "province":
            continue
        keys = ({short} if len(short) >= 2 else set()) | ({short[0]} if level == "city" else set())
        for key in keys:
            out.setdefault(key, []).append(code)
    return out


def _organ(region: Region, rest: str) -> str | None:
    for suffix, organ in _ORGANS:
        if rest.startswith(suffix):
            if region.level == "province":
                organ = _PROVINCIAL_OFFICE.get(organ, organ)
            if organ.startswith("委"):
                return f"中共{region.name}{organ}"
            return f"{region.name}{organ}"
    return None


def _place(code: str, province: str | None) -> tuple[Region, str] | None:
    """The region an issuer code starts with, and what follows it."""
    for size in (2, 1):
        head = code[:size]
        if head in PROVINCES:
            return division(PROVINCES[head]), code[size:]
    cities = _city_codes()
    for size in (4, 3, 2, 1):
        head = code[:size]
        candidates = cities.get(head)
        if not candidates:
            continue
        found = [division(c) for c in candidates]
        if province:
            local = [r for r in found if r.province == province]
            found = local or found
        cities_only = [r for r in found if r.level == "city"]
        found = cities_only or found
        if len(found) == 1:
            return found[0], code[size:]
    return None


def resolve_issuer(code: str, province: str | None = None) -> Issuer:
    """Issuer of a 文号 code (皖办发 → 中共安徽省委办公厅, 安徽省, provincial)."""
    for size in range(len(code), 0, -1):
        organ = NATIONAL.get(code[:size])
        if organ:
            return Issuer(code, organ, None, "national")
    place = _place(code, province)
    if place is None:
        return Issuer(code, None, None, None)
    region, rest = place
    return Issuer(code, _organ(region, rest), region, LEVEL_OF_REGION[region.level])


def issuer_of_number(number: str | None, province: str | None = None) -> Issuer | None:
    """Issuer of a normalised 文号, or None when it is not one."""
    if not number:
        return None
    parsed = parse_doc_number(number)
    if parsed is None:
        return None
    return resolve_issuer(parsed[0], province)


_PARK_ISSUER = re.compile(r"开发区|高新区|园区|管委会|管理委员会|示范区|试验区|集聚区|保税区")
# The place an issuer's name opens with: 安徽省…, 中共池州市委….
_HEAD_PLACE = re.compile(r"(?:中共)?([\u4e00-\u9fff]{2,8}?(?:省|自治区|市|县|区|旗))")


def level_of_issuer_name(name: str | None) -> str | None:
    """Level from an issuer's name: 国务院 national, 安徽省… provincial, 池州市… city."""
    if not name:
        return None
    if _PARK_ISSUER.search(name):
        return "park"
    if name.startswith(("国务院", "中共中央", "国家", "全国")) or name.endswith("部"):
        return "national"
    head = _HEAD_PLACE.match(name)
    if head:
        region = lookup(head.group(1))
        if region:
            return LEVEL_OF_REGION[region.level]
    return None
