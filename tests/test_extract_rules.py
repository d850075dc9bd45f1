"""General rules that keep parks, industries, citations and units apart from look-alike text."""

from __future__ import annotations

import pytest

from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.loaders.extract.citations import find_citations
from policykg.loaders.extract.industries import find_industries


def _extract(text: str, issuer: str = "常州市人民政府"):
    doc = ParsedDocument("mem.txt", "txt", "utf-8", text, Metadata("某某实施方案", issuer=issuer))
    return extract(doc)


def _parks(text: str, issuer: str = "常州市人民政府") -> list[str]:
    return sorted(n.properties["name"] for n in _extract(text, issuer).nodes if n.label == "Park")


def _promoted(text: str) -> dict[str, str | None]:
    extraction = _extract(text)
    names = {n.id: n.properties["name"] for n in extraction.nodes if n.label == "Industry"}
    out: dict[str, str | None] = {}
    for rel in extraction.relationships:
        if rel.type == "PROMOTES":
            assert names[rel.end] not in out, "one PROMOTES per industry"
            out[names[rel.end]] = rel.properties.get("role")
    return out


def _duties(text: str, issuer: str) -> set[tuple[str, str]]:
    extraction = _extract(text, issuer)
    names = {n.id: n.properties.get("name") for n in extraction.nodes}
    return {
        (names[r.end], r.type)
        for r in extraction.relationships
        if r.type in ("LED_BY", "SUPPORTED_BY")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("做优茶叶、竹木加工等乡村特色产业。", {"茶叶": "featured", "竹木加工": "featured"}),
        ("聚焦数字安防、集成电路两条产业链，实施链长制。", {"数字安防": None, "集成电路": None}),
        (
            "打造千亿级绿色化工产业集群和五百亿级新能源电池产业集群。",
            {"绿色化工": None, "新能源电池": None},
        ),
        (
            "推动现代金融、商贸物流、文化创意产业加快发展。",
            {"现代金融": None, "商贸物流": None, "文化创意": None},
        ),
        (
            "巩固提升石油化工、有色金属两大支柱产业。",
            {"石油化工": "leading", "有色金属": "leading"},
        ),
        (
            "重点发展计算机、通讯类、消费类电子产品等先进制造业。",
            {"计算机": None, "消费类电子产品": None},
        ),
        ("围绕智能制造、光电子等优势产业，不定期举办对接活动。", {}),
        ("加强产业链供应链安全稳定，延伸产业链。", {}),
        ("推动和支撑战略性新兴产业规模不断迈上新台阶。", {}),
        ("加快提升汽车电子、新材料、智能制造等特色优势产业协同发展水平。", {}),
    ],
)
def test_industry_lists(text, expected):
    assert _promoted(text) == expected


def test_an_industry_listed_twice_keeps_the_role_one_list_gave_it():
    text = (
        "大力发展汽车电子、新材料等战略性新兴产业。支持汽车电子、机器人协同发展。加快发展汽车电子。"
    )
    assert _promoted(text)["汽车电子"] == "emerging"
    assert [name for _, name, _ in find_industries(text)].count("汽车电子") >= 2


@pytest.mark.parametrize(
    ("text", "issuer", "expected"),
    [
        # A zone the text sets out to build is a goal, not a park, unless named elsewhere.
        ("建设产教融合示范区。支持建设产教融合示范区。", "鹤壁市人民政府", []),
        ("争创国家自主创新示范区，争创国家自主创新示范区。", "襄阳市人民政府", []),
        ("城乡一体化示范区重点发展计算机。支持城乡一体化示范区牵头。", "鹤壁市人民政府",
         ["鹤壁城乡一体化示范区"]),
        # A name glued to the park before it is a park within that park.
        ("加快建设上海市工业综合开发区东方美谷亳州产业园。", "亳州市人民政府", ["上海工业综合开发区"]),
        # A park inside a cited title belongs to the cited document.
        ("依据《亳州经济开发区总体规划》编制。", "亳州市人民政府", []),
        ("支持东湖新技术开发区建设世界一流科技园区。", "武汉市人民政府", ["武汉东湖新技术开发区"]),
        ("支持常州国家高新区、武进国家高新区争先进位。", "常州市人民政府",
         ["常州高新技术产业开发区", "武进高新技术产业开发区"]),
        ("原则上国家级开发区重点培育主导产业，其他省级开发区要有首位产业。", "池州市人民政府", []),
        ("推进淄博高新区、齐鲁化学工业区协同发展。", "淄博市人民政府",
         ["淄博高新技术产业开发区", "淄博齐鲁化学工业区"]),
    ],
)  # fmt: skip
def test_parks(text, issuer, expected):
    assert _parks(text, issuer) == expected


def test_a_place_opening_a_schools_name_is_no_region_mention():
    extraction = _extract(
        "加强与清华大学、上海交大等高校合作，深化与上海市的合作。", "鹤壁市人民政府"
    )
    regions = [n.properties["name"] for n in extraction.nodes if n.label == "Region"]
    assert "上海市" in regions
    only_school = _extract("加强与上海交大、浙江大学等高校合作。", "鹤壁市人民政府")
    regions = [n.properties["name"] for n in only_school.nodes if n.label == "Region"]
    assert "上海市" not in regions and "浙江省" not in regions


def test_a_cue_after_a_list_of_titles_holds_for_the_whole_list():
    text = "《甲市工业用地出让管理办法》（甲政发〔2017〕12号）和《甲市工业用地弹性出让实施细则》（甲政办〔2018〕33号）自本办法施行之日起废止。"
    assert [c.relation for c in find_citations(text)] == ["repeals", "repeals"]
    text = "根据《甲市工业用地出让管理办法》，制定本细则。《乙市物流规划》同时废止。"
    assert [c.relation for c in find_citations(text)] == ["basis", "repeals"]
    assert find_citations("现决定对《绵阳市城市绿化管理办法》作如下修正。")[0].relation == "amends"


@pytest.mark.parametrize(
    ("text", "issuer", "expected"),
    [
        ("（三）实施企业上云行动。市工信局牵头，市财政局配合。", "无锡市人民政府",
         {("无锡市工业和信息化局", "LED_BY"), ("无锡市财政局", "SUPPORTED_BY")}),
        ("（五）开展招商引资攻坚。市投资促进局为主责单位，各区政府配合落实。", "烟台市人民政府",
         {("烟台市投资促进局", "LED_BY")}),
        ("（九）完善创新平台体系。市科技局牵头，常州国家高新区管委会参与。", "常州市人民政府",
         {("常州市科技局", "LED_BY"), ("常州高新技术产业开发区管委会", "SUPPORTED_BY")}),
        # A city has many 开发区: the bare word's committee is no particular unit; 高新区 is one.
        # 各县区政府 is a collective assignee; every listed 责任单位 leads.
        ("5.实施技改升级行动。（责任单位：市工信局、市财政局，各县区政府、开发区管委会）",
         "南昌市人民政府",
         {("南昌市工业和信息化局", "LED_BY"), ("南昌市财政局", "LED_BY"), ("各县区政府", "LED_BY")}),
        ("6.建设平台。牵头单位：市经信局。配合单位：高新区管委会、市科技局。", "界首市人民政府",
         {("界首市经济和信息化局", "LED_BY"), ("界首高新技术产业开发区管委会", "SUPPORTED_BY"),
          ("界首市科技局", "SUPPORTED_BY")}),
    ],
)  # fmt: skip
def test_units(text, issuer, expected):
    assert _duties(text, issuer) == expected
