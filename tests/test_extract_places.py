"""Regions (cpca division table), parks and industries."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.loaders.extract.industries import find_industries, normalize_industry
from policykg.loaders.extract.regions import find_regions, lookup
from policykg.loaders.extract.sentences import halfwidth
from policykg.loaders.extract.units import normalize_unit


def _extract(text: str, issuer: str):
    doc = ParsedDocument("mem.txt", "txt", "utf-8", text, Metadata("某某意见", issuer=issuer))
    return extract(doc)


def test_region_table_short_forms_hierarchy_and_coordinates():
    bozhou = lookup("亳州")
    assert bozhou is not None and (bozhou.name, bozhou.adcode, bozhou.level) == (
        "亳州市", "341600", "city",
    )  # fmt: skip
    assert bozhou.lon and bozhou.lat
    assert lookup("恩施州").name == "恩施土家族苗族自治州"


def test_same_name_counties_resolve_by_the_documents_province():
    assert lookup("朝阳区", "110000").adcode == "110105"
    assert lookup("朝阳区", "220000").adcode == "220104"
    assert [h.region.name for h in find_regions("鹤壁东区和淇滨区", "410000")] == [
        "鹤壁市", "淇滨区",
    ]  # fmt: skip


def test_jurisdiction_applies_and_other_places_are_mentioned_with_part_of():
    extraction = _extract("我市将推进淇县与郑州协同发展。", "鹤壁市人民政府")
    names = {n.id: n.properties["name"] for n in extraction.nodes}
    rels = {(r.type, names[r.start], names[r.end]) for r in extraction.relationships}
    assert ("APPLIES_TO", "某某意见", "鹤壁市") in rels
    assert ("MENTIONS", "某某意见", "淇县") in rels
    assert ("MENTIONS", "某某意见", "郑州市") in rels
    assert ("PART_OF", "淇县", "鹤壁市") in rels
    assert ("PART_OF", "鹤壁市", "河南省") in rels
    applies = next(r for r in extraction.relationships if r.type == "APPLIES_TO")
    assert applies.properties["evidence"] == "我市将推进淇县与郑州协同发展。"


def test_park_forms_are_one_node_with_alias_level_and_region():
    text = "支持国家级亳州高新技术产业开发区建设，亳州高新区要发挥引领作用。"
    extraction = _extract(text, "亳州市人民政府")
    parks = [n for n in extraction.nodes if n.label == "Park"]
    assert len(parks) == 1
    park = parks[0]
    assert park.properties["name"] == "亳州高新技术产业开发区"
    assert park.properties["level"] == "national"
    assert park.properties["kind"] == "高新区"
    assert "亳州高新区" in park.properties["aliases"]
    located = [r.end for r in extraction.relationships if r.type == "LOCATED_IN"]
    assert located == ["region:341600"]


def test_in_document_alias_resolves_to_the_park():
    text = "激发鹤壁经济技术开发区(以下简称开发区)活力。开发区要加快发展。"
    extraction = _extract(text, "鹤壁市人民政府")
    assert [n.properties["name"] for n in extraction.nodes if n.label == "Park"] == [
        "鹤壁经济技术开发区"
    ]


def test_industry_lists_and_roles():
    text = (
        "围绕做大做强现代中医药、绿色食品主导产业，培育壮大新能源、新能源汽车及零部件新兴产业，"
        "大力发展文化旅游、康养特色产业。"
    )
    found = [(name, role) for _, name, role in find_industries(text)]
    assert found == [
        ("现代中医药", "leading"), ("绿色食品", "leading"), ("新能源", "emerging"),
        ("新能源汽车及零部件", "emerging"), ("文化旅游", "featured"), ("康养", "featured"),
    ]  # fmt: skip


@given(st.text(alphabet="０１２３ａｂ（）〔〕【】［］中文市局委发改 \u3000", max_size=30))
def test_normalisations_are_idempotent(text):
    assert len(halfwidth(text)) == len(text)
    assert halfwidth(halfwidth(text)) == halfwidth(text)
    assert normalize_unit(normalize_unit(text)) == normalize_unit(text)
    assert normalize_industry(normalize_industry(text)) == normalize_industry(text)
