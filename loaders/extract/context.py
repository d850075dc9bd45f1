"""What every extractor needs to know about one document: its text, sections and jurisdiction."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from policykg.loaders.document import ParsedDocument
from policykg.loaders.extract.issuers import Issuer, issuer_of_number, level_of_issuer_name
from policykg.loaders.extract.parks import ParkMention, find_parks
from policykg.loaders.extract.regions import (
    Region,
    RegionHit,
    Spans,
    county_at_start,
    division,
    find_regions,
    name_spans,
)
from policykg.loaders.extract.sentences import SectionIndex, Sentences, halfwidth
from policykg.loaders.structure import text_sections
from policykg.ontology.organs import central_organ_pattern, national_organ

_LEVELS = {"province": "provincial", "city": "city", "county": "county"}


@dataclass(frozen=True)
class Context:
    """One document prepared for extraction."""

    doc: ParsedDocument
    doc_id: str
    text: str  # half-width copy of doc.text, same offsets
    sentences: Sentences
    sections: SectionIndex
    region: Region | None  # the jurisdiction's region (a park's region for a park document)
    park: ParkMention | None  # the park a park committee's document governs
    issuer: Issuer | None  # what the document's own 文号 says
    level: str | None  # national, provincial, city, county, park
    region_hits: tuple[RegionHit, ...]  # every division named in the text
    region_spans: Spans  # where division names stand, before province choices

    @property
    def province(self) -> str | None:
        """Adcode of the document's province, for same-name divisions."""
        return self.region.province if self.region else None


# A central document: its issuer, its title's opening or its addressees say so.
_CENTRAL_HEAD = re.compile(
    r"^(?:中共中央|国务院|全国人民代表大会|全国人大|中华人民共和国|中央|国家[\u4e00-\u9fff]{1,12}?(?:局|委|部|署|院)"
    r"|[\u4e00-\u9fff]{2,10}部(?:等[一二三四五六七八九十\d]+部门)?(?:关于|令|公告))"
)
_CENTRAL_ADDRESSEES = re.compile(
    r"各省、自治区、直辖市(?:人民政府|党委|和新疆生产建设兵团|[\u4e00-\u9fff]{0,12}(?:厅|局|委))"
)


def is_central(doc: ParsedDocument, issuer: Issuer | None, text: str | None = None) -> bool:
    """Whether a document comes from a central organ (so no place it mentions is its home);
    text is doc.text half-width, when the caller has it."""
    meta = doc.metadata
    if issuer is not None and issuer.level == "national":
        return True
    for companion in doc.companions:
        # The plan a 国发 notice issues is as central as the notice.
        if is_central(companion, issuer_of_number(companion.metadata.doc_number)):
            return True
    if level_of_issuer_name(meta.issuer) == "national":
        return True
    if meta.issuer and national_organ(meta.issuer.split("、")[0].split(" ")[0]):
        return True
    title = halfwidth(meta.title or "")
    if _CENTRAL_HEAD.match(title):
        return True
    # Half-width, character by character: the opening of the text made half-width already.
    opening = text[:1500] if text is not None else halfwidth(doc.text[:1500])
    if any("关于" in line and _CENTRAL_HEAD.match(line.strip()) for line in opening.splitlines()):
        return True  # a title line such as 中共中央 国务院关于…的意见 under a site's header
    return _CENTRAL_ADDRESSEES.search(opening) is not None


# Compiled on import, before the loaders' regex cache is written (loaders/regex_cache.py), so
# later runs read it back: compiled at its first use, it was compiled again in every run.
_CENTRAL_ORGANS = central_organ_pattern()


def _names_central_organs(text: str, place_mentions: int) -> bool:
    """Three or more different central organs, named more often than any place."""
    named = _CENTRAL_ORGANS.findall(text)
    return len(set(named)) >= 3 and len(named) > place_mentions


# The 落款 of a jointly issued letter: organ lines above its date line.
_SIGNER = re.compile(r"[\u4e00-\u9fff（）()]{4,30}(?:人民政府|委员会|办公厅|办公室|[局委厅])")
_DATE_LINE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def _joint_governments(doc: ParsedDocument) -> str:
    """The governments among a joint 落款's signers (上海市科学技术委员会 / 上海市杨浦区人民政府
    / 2025年3月10日): a district government signs only for its district, so the document is
    that district's although the page names the city's commission alone."""
    out: list[str] = []
    for text in (doc.text, *(c.text for c in doc.companions)):
        lines = [line.strip() for line in text[-400:].splitlines() if line.strip()]
        if not lines or not _DATE_LINE.fullmatch(lines[-1]):
            continue
        signers: list[str] = []
        for line in reversed(lines[:-1]):
            if not _SIGNER.fullmatch(line):
                break
            signers.append(line)
        if len(signers) >= 2:
            out.extend(s for s in signers if s.endswith("人民政府"))
    return "\n".join(out)


def _placed(park: ParkMention) -> ParkMention:
    """A park named without its region lies in the county its name opens with, when that
    short name is one county's alone (平潭综合实验区 → 平潭县)."""
    if park.region is not None:
        return park
    county = county_at_start(park.name, None)
    return replace(park, region=county[0]) if county is not None else park


def _jurisdiction(
    doc: ParsedDocument, text: str, spans: Spans, issuer: Issuer | None
) -> tuple[Region | None, ParkMention | None, bool]:
    """The document's region and park, and whether it is a central document (no home)."""
    meta = doc.metadata
    if is_central(doc, issuer, text):
        return None, None, True
    head = halfwidth(f"{meta.issuer or ''}\n{meta.title or ''}\n{_joint_governments(doc)}")
    province = issuer.region.province if issuer and issuer.region else None
    parks = [_placed(p) for p in find_parks(head, None, province)]
    park = next((p for p in parks if p.region is not None), None)
    if park is not None:
        return park.region, park, False
    hits = find_regions(head, province)
    if hits:
        rank = {"province": 0, "city": 1, "county": 2}
        return max(hits, key=lambda h: rank[h.region.level]).region, None, False
    if issuer is not None and issuer.region is not None:
        return issuer.region, None, False
    hits = [h for h in find_regions(text, None, spans) if not _in_firm_name(text, h.end)]
    counts = Counter(hit.region.adcode for hit in hits)
    if hits and _PROVINCE_SPEAKS.search(text, 0, 3000):
        # 经省政府同意…全力支持我省…: a province's own notice, although it passes on what
        # central organs ask; its province is the one its text names most.
        provinces = Counter(hit.region.province for hit in hits)
        return division(provinces.most_common(1)[0][0]), None, False
    if _names_central_organs(doc.text, max(counts.values(), default=0)):
        # No place in the issuer, title or 文号, and the text tasks ministries more often
        # than it names any place: a place it mentions (北京冬奥会, a 示范县) is not its home.
        return None, None, True
    if counts:
        code = counts.most_common(1)[0][0]
        return next(h.region for h in hits if h.region.adcode == code), None, False
    return None, None, False


# A provincial government's organs speaking of their own province.
_PROVINCE_SPEAKS = re.compile(r"我省|(?:经|已经)省(?:人民)?政府同意")

# 国网山东省电力公司, 山东高速集团有限公司: a firm named after a place is not the place.
_FIRM_AFTER = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:有限公司|有限责任公司|股份公司|集团|公司|银行)")


def _in_firm_name(text: str, end: int) -> bool:
    """Whether the place name ending at end opens a firm's name."""
    return _FIRM_AFTER.match(text, end) is not None


def _same_province(issuer: Issuer, region: Region | None) -> bool:
    """Whether the 文号's issuer can be the document's: a 文号 code names places loosely
    (新政 is 新疆's, yet 新乡市人民政府 prints 新政〔2021〕20号), the named issuer decides."""
    return region is None or issuer.region is None or issuer.region.province == region.province


def build_context(doc: ParsedDocument, doc_id: str) -> Context:
    """Sentences, sections (the loaders' tree, else the loaders' reading of text) and jurisdiction."""
    text = halfwidth(doc.text)
    sections = doc.sections or text_sections(text)
    issuer = issuer_of_number(doc.metadata.doc_number)
    spans = name_spans(text)  # one scan of the text serves jurisdiction and mentions
    region, park, central = _jurisdiction(doc, text, spans, issuer)
    if central:
        level: str | None = "national"
    elif park is not None:
        # A park committee's document: the park's own text uses 本区/全区 for the park.
        level = "park"
    elif issuer is not None and issuer.level and _same_province(issuer, region):
        level = issuer.level
    else:
        level = level_of_issuer_name(doc.metadata.issuer) or (
            _LEVELS[region.level] if region else None
        )
    region_hits = tuple(find_regions(text, region.province if region else None, spans))
    return Context(
        doc, doc_id, text, Sentences.of(text), SectionIndex.of(sections), region, park, issuer,
        level, region_hits, spans,
    )  # fmt: skip
