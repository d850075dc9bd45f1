"""What every extractor needs to know about one document: its text, sections and jurisdiction."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from loaders.document import ParsedDocument
from loaders.extract.issuers import Issuer, issuer_of_number, level_of_issuer_name
from loaders.extract.parks import ParkMention, find_parks
from loaders.extract.regions import Region, RegionHit, Spans, find_regions, name_spans
from loaders.extract.sentences import SectionIndex, Sentences, halfwidth
from loaders.structure import text_sections

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


def _jurisdiction(
    doc: ParsedDocument, spans: Spans, issuer: Issuer | None
) -> tuple[Region | None, ParkMention | None]:
    meta = doc.metadata
    head = halfwidth(f"{meta.issuer or ''}\n{meta.title or ''}")
    province = issuer.region.province if issuer and issuer.region else None
    parks = [p for p in find_parks(head, None, province) if p.region is not None]
    park = parks[0] if parks else None
    if park is not None:
        return park.region, park
    hits = find_regions(head, province)
    if hits:
        rank = {"province": 0, "city": 1, "county": 2}
        return max(hits, key=lambda h: rank[h.region.level]).region, None
    if issuer is not None and issuer.region is not None:
        return issuer.region, None
    hits = find_regions("", None, spans)
    counts = Counter(hit.region.adcode for hit in hits)
    if counts:
        code = counts.most_common(1)[0][0]
        return next(h.region for h in hits if h.region.adcode == code), None
    return None, None


def build_context(doc: ParsedDocument, doc_id: str) -> Context:
    """Sentences, sections (the loaders' tree, else the loaders' reading of text) and jurisdiction."""
    text = halfwidth(doc.text)
    sections = doc.sections or text_sections(text)
    issuer = issuer_of_number(doc.metadata.doc_number)
    spans = name_spans(text)  # one scan of the text serves jurisdiction and mentions
    region, park = _jurisdiction(doc, spans, issuer)
    if park is not None:
        # A park committee's document: the park's own text uses 本区/全区 for the park.
        level: str | None = "park"
    elif issuer is not None and issuer.level:
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
