"""Issue 10: right facts on documents beyond the demo (home region, organ identity, forms)."""

from __future__ import annotations

from pathlib import Path

from policykg.graph import Store
from policykg.graph.writer import write_extraction
from policykg.loaders import parse
from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.queries import get_query

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus" / "docs"

NATIONAL_TEXT = (
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    "一、推进农业现代化示范县建设\n"
    "（一）建设示范县。依托北京冬奥会场馆开展冰雪运动。由农业农村部牵头，市场监管总局、"
    "商务部、体育总局配合。到2025年，建成示范县100个以上。\n"
)


def _national_doc() -> ParsedDocument:
    meta = Metadata(title="国务院办公厅关于推进农业现代化示范县建设的意见", issuer="国务院办公厅")
    return ParsedDocument("mem.txt", "txt", "utf-8", NATIONAL_TEXT, meta)


def test_a_national_document_files_no_ministry_or_target_under_a_place() -> None:
    """Before: 示范县 read as the county 范县 (范县农业农村部) and 北京冬奥会 made every ministry
    北京市体育总局 and scoped the national targets to 北京市."""
    extraction = extract(_national_doc())
    units = {n.properties["full_name"] for n in extraction.nodes if n.label == "Unit"}
    assert {"农业农村部", "市场监管总局", "商务部", "体育总局"} <= units
    assert not any(name.startswith(("范县", "北京", "濮阳")) for name in units)
    targets = [n for n in extraction.nodes if n.label == "Target"]
    assert [t.properties["year"] for t in targets] == [2025]
    scoped = [r for r in extraction.relationships if r.type == "FOR"]
    assert scoped == []  # a national target is the country's, not a place's
    places = {n.properties["name"] for n in extraction.nodes if n.label == "Region"}
    assert "范县" not in places  # 示范县 names no county


def test_a_central_document_from_the_corpus_has_no_home_region() -> None:
    """中共中央 国务院 意见 printed under a site's header with a 新华社北京 dateline (real text)."""
    extraction = extract(parse(CORPUS / "c04.txt"))
    applies = [r for r in extraction.relationships if r.type == "APPLIES_TO"]
    assert applies == []
    assert all(r.end_label != "Region" for r in extraction.relationships if r.type == "FOR")


def test_spellings_of_one_organ_are_one_unit() -> None:
    """Before: 发改委, 发展改革委 and 发展和改革委员会 of one city were three units."""
    text = (
        "1.推进项目。由市发改委牵头。\n2.加强保障。市发展和改革委员会负责，市财政局配合。\n"
        "3.优化服务。（责任单位：市发展改革委）\n"
    )
    meta = Metadata(title="郑州市某某实施方案", issuer="郑州市人民政府")
    extraction = extract(ParsedDocument("mem.txt", "txt", "utf-8", text, meta))
    names = {n.properties["full_name"] for n in extraction.nodes if n.label == "Unit"}
    assert "郑州市发展改革委" in names
    assert not {"郑州市发改委", "郑州市发展和改革委员会"} & names
    led = {r.start for r in extraction.relationships if r.type == "LED_BY"}
    assert len(led) == 3


def test_organs_printed_with_their_own_place_keep_it() -> None:
    """Before: 合肥海关 became 合肥市海关 and 安徽银保监局 安徽省银保监局."""
    text = "5.优化口岸环境。牵头单位：合肥海关、安徽银保监局；配合单位：省经济和信息化厅。"
    meta = Metadata(title="合肥市某某行动方案", issuer="合肥市人民政府")
    extraction = extract(ParsedDocument("mem.txt", "txt", "utf-8", text, meta))
    names = {n.properties["full_name"] for n in extraction.nodes if n.label == "Unit"}
    assert {"合肥海关", "安徽银保监局", "安徽省经济和信息化厅"} <= names
    assert "安徽省信息化厅" not in names


def test_every_listed_responsible_unit_leads_unless_the_document_says_the_first_does() -> None:
    text = "（三）推进改革。（责任单位：市科技局、市教育局，市财政局）\n"
    meta = Metadata(title="某市某某方案", issuer="无锡市人民政府")

    def roles(body: str) -> set[tuple[str, str]]:
        ex = extract(ParsedDocument("mem.txt", "txt", "utf-8", body, meta))
        names = {n.id: n.properties.get("full_name") for n in ex.nodes}
        return {
            (str(names[r.end]), r.type)
            for r in ex.relationships
            if r.type in ("LED_BY", "SUPPORTED_BY")
        }

    assert roles(text) == {
        ("无锡市科技局", "LED_BY"), ("无锡市教育局", "LED_BY"), ("无锡市财政局", "LED_BY"),
    }  # fmt: skip
    ruled = text + "列第一位者为牵头单位，下同。\n"
    assert roles(ruled) == {
        ("无锡市科技局", "LED_BY"), ("无锡市教育局", "SUPPORTED_BY"),
        ("无锡市财政局", "SUPPORTED_BY"),
    }  # fmt: skip


def test_a_spaced_doc_number_is_still_a_citation_and_its_stub_has_an_issuer() -> None:
    """Before: 豫政办 〔2017〕13号 (a space, common in PDF text) lost the citation."""
    meta = Metadata(title="郑州市某某实施方案", issuer="郑州市人民政府")
    text = "根据豫政办 〔2017〕13号文件精神，结合我市实际，制定本方案。"
    extraction = extract(ParsedDocument("mem.txt", "txt", "utf-8", text, meta))
    nodes = {n.id: n for n in extraction.nodes}
    cites = [r for r in extraction.relationships if r.type == "CITES"]
    assert [nodes[r.end].properties["doc_number"] for r in cites] == ["豫政办〔2017〕13号"]
    issued = {
        nodes[r.start].properties.get("doc_number"): nodes[r.end].properties["full_name"]
        for r in extraction.relationships
        if r.type == "ISSUED_BY"
    }
    assert issued["豫政办〔2017〕13号"] == "河南省人民政府办公厅"


def test_documents_by_issuing_province_include_the_cited_provincial_stubs(store: Store) -> None:
    meta = Metadata(title="亳州市某某实施方案", issuer="亳州市人民政府")
    text = (
        "为贯彻落实《中共安徽省委办公厅 安徽省人民政府办公厅关于完善城市功能的意见》"
        "（皖办发〔2024〕11号）和《安徽省人民政府关于某某的通知》（皖政〔2023〕5号），制定本方案。"
    )
    write_extraction(store, extract(ParsedDocument("mem.txt", "txt", "utf-8", text, meta)), 1000)
    named = get_query("documents_by_issuer_region")
    rows = store.read(named.cypher, named.bind({"region": "安徽省"})).rows
    numbers = {row[1] for row in rows}
    assert {"皖办发〔2024〕11号", "皖政〔2023〕5号"} <= numbers
    assert any(row[0] == "亳州市某某实施方案" for row in rows)  # 亳州市 is part of 安徽省


def test_an_enumeration_gives_one_target_per_item() -> None:
    """Before: 花生、油菜…分别达到65%和55% gave one garbled target (收获机械化率分别和55%)."""
    meta = Metadata(title="某省农业机械化实施方案", issuer="河南省人民政府")
    text = "到2025年，花生、油菜收获机械化率分别达到65%和55%。"
    extraction = extract(ParsedDocument("mem.txt", "txt", "utf-8", text, meta))
    targets = sorted(
        (n.properties["metric"], n.properties["value"])
        for n in extraction.nodes
        if n.label == "Target"
    )
    assert targets == [("油菜收获机械化率", 55.0), ("花生收获机械化率", 65.0)]


def test_targets_carry_a_comparable_metric_and_caps_are_not_targets() -> None:
    """Before: 400 亿元 and a 7.5 % growth rate shared one axis; 最高300万元 was a target."""
    meta = Metadata(title="某市某某行动计划（2025—2027年）", issuer="亳州市人民政府")
    text = (
        "到2027年，地区生产总值突破400亿元，年均增长7.5%。"
        "对新建项目给予最高300万元奖励，投资1000万元及以上的项目优先支持。"
    )
    extraction = extract(ParsedDocument("mem.txt", "txt", "utf-8", text, meta))
    targets = {
        (n.properties["value"], n.properties.get("metric_key"), n.properties.get("dimension"))
        for n in extraction.nodes
        if n.label == "Target"
    }
    assert targets == {(400.0, "地区生产总值", "亿元"), (7.5, "地区生产总值增速", "%")}


def test_export_headers_are_metadata_not_the_title(tmp_path: Path) -> None:
    """Before: a pkulaw export's 原文链接：https://… header became part of the title."""
    path = tmp_path / "pku.txt"
    path.write_text(
        "原文链接：https://www.pkulaw.com/lar/abc.html\n法宝引证码：CLI.12.345678\n"
        "**发布机构**: 河南省人民政府\n"
        "河南省人民政府关于加快推进数字经济发展的实施意见\n豫政〔2022〕5号\n各市、县人民政府：\n"
        "一、总体要求\n到2025年，数字经济规模达到2万亿元。\n",
        encoding="utf-8",
    )
    meta = parse(path).metadata
    assert meta.title == "河南省人民政府关于加快推进数字经济发展的实施意见"
    assert meta.doc_number == "豫政〔2022〕5号"
    assert meta.issuer == "河南省人民政府"
    assert meta.extra["原文链接"] == "https://www.pkulaw.com/lar/abc.html"
