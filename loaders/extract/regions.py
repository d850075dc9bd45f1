"""Administrative divisions from cpca's national table, matched by Aho-Corasick."""

from __future__ import annotations

import csv
import importlib.util
import marshal
import re
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import ahocorasick_rs

from policykg.errors import ExtractError
from policykg.loaders.cache_files import cache_dir, write_whole
from policykg.loaders.native import stamp


@dataclass(frozen=True)
class Region:
    """One administrative division."""

    adcode: str  # 6 digits
    name: str  # full name: 亳州市
    level: str  # province, city, county
    parent: str | None  # adcode of the division it is part of
    lon: float | None
    lat: float | None

    @property
    def province(self) -> str:
        """Adcode of the province it lies in."""
        return self.adcode[:2] + "0000"

    @property
    def short(self) -> str:
        """The name without its division suffix: 亳州市 → 亳州."""
        return short_name(self.name)


_SUFFIXES = (
    "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
    "地区", "新区", "林区", "特区", "省", "市", "区", "县", "盟", "旗",
)  # fmt: skip
# The suffixes by their last character, longest first: the longest a name ends with goes.
_SUFFIXES_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(sorted((s for s in _SUFFIXES if s.endswith(last)), key=len, reverse=True))
    for last in {s[-1] for s in _SUFFIXES}
}
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # raw: mypyc cannot compile surrogate literals
# Names that are also common words; only matched in their full form.
_NO_SHORT = frozenset({"城区", "郊区", "矿区", "新区", "市辖区", "高新区", "开发区"})


@cache
def _nationalities() -> dict[str, tuple[str, ...]]:
    """The nationality words (two characters or more: 苗族, 土家族) by their last two
    characters, longest first: a name's ending is compared with the few that can match it."""
    path = _table_path().parent / "56_nations.csv"
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    out: dict[str, list[str]] = {}
    for nation in sorted((n for n in names if n), key=len, reverse=True):
        out.setdefault(nation[-2:], []).append(nation)
    return {tail: tuple(nations) for tail, nations in out.items()}


@cache  # asked for the same few thousand names again and again (Region.short, _names)
def short_name(name: str) -> str:
    """Division name without its suffix and nationality words: 恩施土家族苗族自治州 → 恩施."""
    short = name
    for suffix in _SUFFIXES_BY_LAST.get(name[-1:], ()):
        if name.endswith(suffix):
            short = name[: -len(suffix)]
            break
    if name.endswith(("自治州", "自治县", "自治旗", "自治区")):
        nationalities = _nationalities()
        stripped = True
        while stripped:
            stripped = False
            for nation in nationalities.get(short[-2:], ()):
                if short.endswith(nation) and len(short) > len(nation) + 1:
                    short, stripped = short[: -len(nation)], True
                    break
    return short


def _table_path() -> Path:
    # cpca's package __init__ imports pandas; locate its data file without importing it.
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ExtractError("the division table (package cpca) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


# A division's row of the table: name, level, parent's adcode, longitude, latitude, short name.
Row = tuple[str, str, str | None, float | None, float | None, str]
# The rows by adcode, and every name the automaton matches with the adcodes it may denote.
_Tables = tuple[dict[str, Row], dict[str, tuple[str, ...]]]
KEEP = 8  # table files kept (other checkouts' and trees', as regex_cache keeps its own)


def division_rows() -> dict[str, Row]:
    """Every division's row by 6-digit adcode (市辖区/省直辖 placeholders left out)."""
    return _tables()[0]


@cache
def _tables() -> _Tables:
    """The rows and names, read back from the file an earlier run wrote: reading the table and
    making its short names and names took ~1 % of a run over 150 documents."""
    path = _tables_file()
    try:
        rows, names = marshal.loads(path.read_bytes())
        return rows, names
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no file yet, or not one of ours: made again
    rows = _read_rows()
    tables = (rows, _names_of(rows))
    write_whole(path, marshal.dumps(tables), KEEP)
    return tables


def _tables_file() -> Path:
    """The file under $XDG_CACHE_HOME/policykg named after the interpreter, this module and
    the data files as they are now: an edited rule or table starts a new one. The tables are
    made here alone, so this module's file (its compiled build's, when built) stands for the
    rules: stat-ing every loader's source as native.source_key does took ~2 ms."""
    table = _table_path()
    key = stamp(sys.version, [Path(__file__), table, table.parent / "56_nations.csv"])
    return cache_dir() / f"regions-{key}.marshal"


def _read_rows() -> dict[str, Row]:
    rows: dict[str, tuple[str, float | None, float | None]] = {}
    with _table_path().open(encoding="utf-8") as fh:
        # csv.reader and the header's positions: DictReader's dict per row took twice as long.
        table = csv.reader(fh)
        header = {field: i for i, field in enumerate(next(table))}
        code_at, name_at, lon_at, lat_at = (
            header[k] for k in ("adcode", "name", "longitude", "latitude")
        )
        for row in table:
            if not row:
                continue  # a blank line, as DictReader skips it
            code = row[code_at][:6]
            lon = float(row[lon_at]) if row[lon_at] else None
            lat = float(row[lat_at]) if row[lat_at] else None
            rows[code] = (row[name_at], lon, lat)
    out: dict[str, Row] = {}
    for code, (name, lon, lat) in rows.items():
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        level = _level(code)
        parent = None
        if level == "city":
            parent = code[:2] + "0000"
        elif level == "county":
            city = code[:4] + "00"
            parent = (
                city
                if city in rows
                and rows[city][0] not in ("市辖区", "县")
                and not (rows[city][0].endswith("直辖县级行政区划"))
                else code[:2] + "0000"
            )
        out[code] = (name, level, parent, lon, lat, short_name(name))
    return out


# Regions made so far: a run names a few hundred of the table's 3,219 divisions, and a frozen
# dataclass is slow to make (its generated __init__ sets each field through object.__setattr__).
_MADE: dict[str, Region] = {}


def division(code: str) -> Region:
    """The division of a 6-digit adcode (KeyError when the table has none)."""
    region = _MADE.get(code)
    if region is None:
        name, level, parent, lon, lat, _ = division_rows()[code]
        region = _MADE[code] = Region(code, name, level, parent, lon, lat)
    return region


@cache
def regions() -> dict[str, Region]:
    """Every division by 6-digit adcode (市辖区/省直辖 placeholders left out)."""
    return {code: division(code) for code in division_rows()}


@dataclass(frozen=True)
class RegionHit:
    """A division named in text."""

    start: int
    end: int
    region: Region


def _names() -> dict[str, tuple[str, ...]]:
    """Every name a division is known by (full; short for provinces and cities) → adcodes."""
    return _tables()[1]


def _names_of(rows: dict[str, Row]) -> dict[str, tuple[str, ...]]:
    names: dict[str, list[str]] = {}
    for code, (name, level, _, _, _, short) in rows.items():
        if name in _NO_SHORT:
            continue  # 高新区, 城区: common nouns first, divisions only in their city's tables
        names.setdefault(name, []).append(code)
        # Counties' short forms clash with ordinary words (东区, 和平, 合作): full names only.
        # County-level cities keep their short form (义乌); find_regions only accepts it
        # inside the document's own province.
        if level == "county" and not name.endswith("市"):
            continue
        if len(short) < 2 or short == name:
            continue
        names.setdefault(short, []).append(code)
        if name.endswith("自治州"):
            names.setdefault(f"{short}州", []).append(code)  # 恩施州
    return {name: tuple(codes) for name, codes in names.items()}


@cache
def _automaton() -> tuple[ahocorasick_rs.AhoCorasick, list[tuple[str, ...]]]:
    # Leftmost-longest, non-overlapping matching is the automaton's own mode (in Rust: several
    # times faster than collecting every overlapping match and choosing in Python). A DFA
    # builds in 30 ms (a contiguous NFA in 11 ms) and scans a policy text twice as fast (17 ms
    # against 36 ms per million characters, whole texts): 150 documents repay the build.
    names = _names()
    patterns = list(names)
    automaton = ahocorasick_rs.AhoCorasick(
        patterns,
        matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
        implementation=ahocorasick_rs.Implementation.DFA,
    )
    return automaton, [names[p] for p in patterns]


_RANK = {"province": 0, "city": 1, "county": 2}


@cache
def _choose(codes: tuple[str, ...], province: str | None) -> Region | None:
    """One division for a name: in the document's province first, then the highest level."""
    found = [division(c) for c in codes]
    if len(found) == 1:
        return found[0]
    if province:
        local = [r for r in found if r.province == province]
        if len(local) == 1:
            return local[0]
    found.sort(key=lambda r: _RANK[r.level])
    if _RANK[found[0].level] < _RANK[found[1].level]:
        return found[0]
    return None  # same-name divisions of one level elsewhere: ambiguous


def _spans(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Leftmost-longest, non-overlapping name matches as (start, end, adcodes)."""
    automaton, codes = _automaton()
    try:
        found = automaton.find_matches_as_indexes(text)
    except UnicodeEncodeError:
        # A lone surrogate cannot go to the automaton as UTF-8; one U+FFFD for each keeps the
        # offsets, and no name holds either.
        found = automaton.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text))
    return [(start, end, codes[i]) for i, start, end in found]


Spans = list[tuple[int, int, tuple[str, ...]]]

# Common words whose last character opens a two-character county name: 示范县 is no 范县,
# 贸易县 no 易县, 信息县 no 息县.
_WORDS_BEFORE_COUNTY = frozenset(
    [
        "示范",
        "规范",
        "防范",
        "模范",
        "师范",
        "典范",
        "贸易",
        "容易",
        "交易",
        "贡献",
        "奉献",
        "英雄",
        "简单",
        "名单",
        "清单",
        "菜单",
        "订单",
        "消息",
        "信息",
        "利息",
        "休息",
        "气息",
    ]
)


# 天大山东路, 南京东路, 中山大道, 四川路桥: a place name that names a street (or a firm named
# after one) is no mention of the place; nor is 新建区 in 新建区域 (an area).
_STREET_AFTER = re.compile(
    r"[东南西北中]?[一二三四五六七八九十]?(?:路(?![线径网])|街|大道|巷|弄|胡同)"
)


_STREET_FIRST = frozenset("东南西北中一二三四五六七八九十路街大巷弄胡域")


def _street_or_word(text: str, start: int, end: int, name: str) -> bool:
    """A division name at text[start:end] that is part of a street's name or of 区域."""
    if text[end : end + 1] not in _STREET_FIRST:
        return False  # most names: no regex needed
    if _STREET_AFTER.match(text, end):
        return True
    return name.endswith("区") and text[end : end + 1] == "域" and text[start:end] == name


def name_spans(text: str) -> Spans:
    """Where division names stand in text (before choosing among same-name divisions)."""
    return _spans(text)


# Names, clauses and titles are asked about over and over (4,000 calls, 1,200 different over
# the speed bench's files): answers for short texts are kept, up to a bound.
_SHORT = 200


def find_regions(
    text: str, province: str | None = None, spans: Spans | None = None
) -> list[RegionHit]:
    """Divisions named in text, longest match first, same-name ones resolved by province."""
    if spans is None and len(text) <= _SHORT:
        return list(_short_regions(text, province))
    return _find_regions(text, province, spans)


@lru_cache(maxsize=4096)
def _short_regions(text: str, province: str | None) -> tuple[RegionHit, ...]:
    return tuple(_find_regions(text, province, None))


def _find_regions(text: str, province: str | None, spans: Spans | None) -> list[RegionHit]:
    hits: list[RegionHit] = []
    previous: RegionHit | None = None
    for start, end, codes in _spans(text) if spans is None else spans:
        region = _choose(codes, province)
        if region is None:
            continue
        short_form = end - start < len(region.name)
        if text and _street_or_word(text, start, end, region.name):
            continue
        if region.level == "county" and short_form and region.province != province:
            continue  # a county-level city's short name (义乌) is a word elsewhere
        if (
            region.level == "county"
            and end - start == 2
            and 0 < start <= len(text)
            and text[start - 1 : start + 1] in _WORDS_BEFORE_COUNTY
            and not (previous is not None and previous.end == start)
        ):
            continue  # 示范县 is no 范县: a two-character county name inside a word
        if region.level == "county":
            # 鹤壁东区: a county name glued to a city is only one if it lies in that city.
            glued = previous is not None and previous.end == start
            if glued and previous is not None and region.parent != previous.region.adcode:
                continue
            if (
                not glued
                and province
                and region.province != province
                and (len(codes) > 1 or len(region.name) < 3)
            ):
                continue  # 和县 in 有关部门和县区: two-character names elsewhere are words
        hit = RegionHit(start, end, region)
        hits.append(hit)
        previous = hit
    return hits


@cache
def _county_shorts() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for code, (name, level, _, _, _, short) in division_rows().items():
        if level == "county" and name.endswith(("县", "市")) and len(short) >= 2 and short != name:
            out.setdefault(short, []).append(code)
    return {k: tuple(v) for k, v in out.items()}


def county_at_start(text: str, province: str | None) -> tuple[Region, int] | None:
    """A county's short name opening text (濉溪经济开发区 → 濉溪县), within the province."""
    shorts = _county_shorts()
    for size in (4, 3, 2):
        codes = shorts.get(text[:size])
        if codes:
            region = _choose(codes, province)
            if region is not None and (province is None or region.province == province):
                return region, size
    return None


@cache
def _district_shorts(city: str) -> dict[str, Region]:
    """Short names of a city's districts: 武进 → 武进区 for 常州."""
    out = {}
    for code, (name, _, parent, _, _, _) in division_rows().items():
        if parent == city and name.endswith("区") and len(name) >= 3:
            out[name[:-1]] = division(code)
    return out


def district_at_start(text: str, city: Region) -> tuple[Region, int] | None:
    """A district of the document's own city opening text by its short name (武进国家高新区)."""
    shorts = _district_shorts(city.adcode)
    for size in (4, 3, 2):
        region = shorts.get(text[:size])
        if region is not None:
            return region, size
    return None


def lookup(name: str, province: str | None = None) -> Region | None:
    """The division a name (full or short) denotes."""
    codes = _names().get(name)
    return _choose(codes, province) if codes else None


def ancestors(region: Region) -> list[Region]:
    """The divisions a region is part of, nearest first."""
    table = division_rows()
    out = []
    code = region.parent
    while code and code in table:
        out.append(division(code))
        code = table[code][2]
    return out
