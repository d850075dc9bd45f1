"""Citations, 文号 issuers and document levels."""

from __future__ import annotations

import pytest

from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.loaders.extract.citations import find_citations
from policykg.loaders.extract.issuers import issuer_of_number
from policykg.ontology.records import validate_node, validate_relationship


def make_doc(text: str, title: str = "某市某某实施方案", number: str | None = None, **meta):
    """A ParsedDocument built directly, without the loaders."""
    return ParsedDocument("mem.txt", "txt", "utf-8", text, Metadata(title, number, **meta))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "根据《安徽省某某意见》(皖办发〔2024〕11号)要求",
            [("安徽省某某意见", "皖办发〔2024〕11号", "basis")],
        ),
        (
            "为贯彻落实《河南省某某指导意见》（豫政〔2019〕19号），提出",
            [("河南省某某指导意见", "豫政〔2019〕19号", "implements")],
        ),
        ("依据《某某规划》(鄂政发[2020]３号)", [("某某规划", "鄂政发〔2020〕3号", "basis")]),
        ("按照《某某通知》(渝府发【２０２１】５号)", [("某某通知", "渝府发〔2021〕5号", "basis")]),
        ("参照《某某管理办法》执行", [("某某管理办法", None, "applies")]),
        ("《某某暂行办法》同时废止。", [("某某暂行办法", None, "repeals")]),
        ("废止《某某规定》。", [("某某规定", None, "repeals")]),
        ("修订《某某条例》。", [("某某条例", None, "amends")]),
        ("详见《某某工作要点》。", [("某某工作要点", None, "reference")]),
        (
            "深入落实《亳州市优化营商环境条例》《亳州市十条举措》，",
            [
                ("亳州市优化营商环境条例", None, "implements"),
                ("亳州市十条举措", None, "implements"),
            ],
        ),
        (
            "根据《A市某某意见》(皖办发〔2024〕11号)和《B市某某实施意见》《B市工作要点》(亳政秘〔2024〕58号)要求",
            [
                ("A市某某意见", "皖办发〔2024〕11号", "basis"),
                ("B市某某实施意见", None, "basis"),
                ("B市工作要点", "亳政秘〔2024〕58号", "basis"),
            ],
        ),
        (
            "贯彻落实《安徽省新型城镇化规划(2021-2035 年)》和"
            "《安徽省县\n城新型城镇化建设试点工作方案》",
            [
                ("安徽省新型城镇化规划(2021-2035年)", None, "implements"),
                ("安徽省县城新型城镇化建设试点工作方案", None, "implements"),
            ],
        ),
        ("按照国办发〔2020〕1号文件精神", [(None, "国办发〔2020〕1号", "basis")]),
        ("刊登于《人民日报》。认真学习《通知》精神", []),
        ("本方案所称《方案》", []),
        # Issue 10: kinds of documents that were missed.
        ("适时修订《某省重点保护野生植物名录》。", [("某省重点保护野生植物名录", None, "amends")]),
        ("《金砖国家数字经济伙伴关系框架倡议》得到积极响应", [("金砖国家数字经济伙伴关系框架倡议", None, "reference")]),
        ("审议《某省国土空间总体规划草案》。", [("某省国土空间总体规划草案", None, "reference")]),
        # The 文号 in brackets with an abbreviation after it belongs to the title.
        (
            "依据《某省人民政府关于印发某省医疗救助办法的通知》（某府〔2022〕8号，以下简称省《办法》）",
            [("某省人民政府关于印发某省医疗救助办法的通知", "某府〔2022〕8号", "basis")],
        ),
        # 见 before the 文号 in the brackets points to it; it is no part of the issuer code.
        (
            "落实《2030年前碳达峰行动方案》（见国发〔2021〕23号）及《北京市碳达峰实施方案》（见京政发〔2022〕31号）相关要求",
            [
                ("2030年前碳达峰行动方案", "国发〔2021〕23号", "implements"),
                ("北京市碳达峰实施方案", "京政发〔2022〕31号", "implements"),
            ],
        ),
        # A short name given with 以下简称 is the same document, wherever it is used later.
        (
            "编制《某市涉企收费项目清单》（以下简称《收费清单》）。未列入《收费清单》的一律不得收取。",
            [("某市涉企收费项目清单", None, "reference")],
        ),
        # The document a notice issues (its attachment) is not cited by it.
        ("各区人民政府：《某市养老服务补贴办法》已经市政府同意，现印发给你们，请遵照执行。", []),
        (
            "《某省甲专项方案》《某省乙专项方案》等2个方案已经省政府同意，现印发给你们。",
            [],
        ),
        ("区文旅局制定《某区文物保护单位名录》（以下简称《名录》，见附件）。", []),
        (
            "为贯彻落实《某省乡村振兴促进条例》，经区政府同意，现将《某区实施方案》印发给你们。",
            [("某省乡村振兴促进条例", None, "implements")],
        ),
        # Round 3 (a district's 实施意见): an 操作规程 is a document too.
        (
            "根据《上海市城市更新条例》《上海市城市更新工作指引》《上海市城市更新操作规程》及其配套制度，制定本实施意见。",
            [
                ("上海市城市更新条例", None, "basis"),
                ("上海市城市更新工作指引", None, "basis"),
                ("上海市城市更新操作规程", None, "basis"),
            ],
        ),
    ],
)  # fmt: skip
def test_citation_patterns(text, expected):
    found = [(c.title, c.number, c.relation) for c in find_citations(text)]
    assert found == expected


def test_self_reference_is_left_out():
    text = "根据《某市某某实施方案》制定本方案。"
    assert find_citations(text, "某市某某实施方案") == []


def test_the_own_document_number_is_not_a_citation_even_without_its_city_prefix():
    """穗建规字〔2024〕5号 printed again in the body is the document itself."""
    text = "发布机关：某市某局 文号：沪建规字〔2024〕5号"
    assert find_citations(text, "某市某某通知", "沪建规字〔2024〕5号") == []
    assert find_citations("建规字〔2024〕5号", None, "沪建规字〔2024〕5号") == []


def test_a_revised_version_amends_the_version_cited_by_its_number():
    """现将修订后的《X》印发: the notice issues X anew and amends the X of an earlier 文号."""
    doc = make_doc(
        "《关于支持某某产业发展的若干措施》（某科规〔2019〕2号）将于2024年底到期。"
        "经评估，现将修订后的《关于支持某某产业发展的若干措施》印发给你们。",
        title="关于印发《关于支持某某产业发展的若干措施》的通知",
        number="某科规〔2024〕9号",
    )
    cites = [r for r in extract(doc).relationships if r.type == "CITES"]
    assert [(r.end, r.properties["relation"]) for r in cites] == [
        ("doc:某科规〔2019〕2号", "amends")
    ]


@pytest.mark.parametrize(
    ("number", "organ", "region", "level"),
    [
        ("皖办发〔2024〕11号", "中共安徽省委办公厅", "安徽省", "provincial"),
        ("豫政〔2019〕19号", "河南省人民政府", "河南省", "provincial"),
        ("亳政秘〔2024〕58号", "亳州市人民政府", "亳州市", "city"),
        ("国办发〔2020〕1号", "国务院办公厅", None, "national"),
        ("国发〔2020〕1号", "国务院", None, "national"),
        ("渝府发〔2021〕5号", "重庆市人民政府", "重庆市", "provincial"),
        ("粤府〔2021〕5号", "广东省人民政府", "广东省", "provincial"),
        ("鄂政办发〔2021〕5号", "湖北省人民政府办公厅", "湖北省", "provincial"),
    ],
)
def test_issuer_code(number, organ, region, level):
    issuer = issuer_of_number(number)
    assert issuer is not None
    assert (issuer.organ, issuer.region.name if issuer.region else None, issuer.level) == (
        organ,
        region,
        level,
    )


def test_extract_makes_valid_stub_documents_with_cites():
    doc = make_doc(
        "为贯彻落实《安徽省某某意见》（皖办发〔2024〕11号），根据《亳州市某某规划》，制定本方案。",
        title="亳州市某某实施方案",
        number="亳政〔2024〕3号",
    )
    extraction = extract(doc)
    for node in extraction.nodes:
        validate_node(node)
    for rel in extraction.relationships:
        validate_relationship(rel)
    own = next(n for n in extraction.nodes if n.id == extraction.document_id)
    assert own.properties["level"] == "city" and not own.weak
    stubs = {n.id: n for n in extraction.nodes if n.label == "Document" and n.weak}
    stub = stubs["doc:皖办发〔2024〕11号"]
    assert stub.properties["stub"] is True
    assert stub.properties["level"] == "provincial"
    assert stub.properties["issuer"] == "中共安徽省委办公厅"
    assert "doc:亳州市某某规划" in stubs
    cites = {
        (r.end, r.properties["relation"]) for r in extraction.relationships if r.type == "CITES"
    }
    assert cites == {("doc:皖办发〔2024〕11号", "implements"), ("doc:亳州市某某规划", "basis")}
    assert all(r.properties["evidence"] for r in extraction.relationships if r.type == "CITES")


def test_a_notice_does_not_cite_the_plan_it_forwards():
    doc = make_doc(
        "各街道：现将《某区城市更新年度计划》转发给你们，请遵照执行。",
        title="某区人民政府办公室关于转发区住房城乡建设委制订的《某区城市更新年度计划》的通知",
    )
    assert [r for r in extract(doc).relationships if r.type == "CITES"] == []


def test_a_notice_does_not_cite_the_plan_it_issues():
    """Issue 10, item 7: 关于印发《X》的通知 issues X (its attachment); it does not cite it."""
    doc = make_doc(
        "各有关单位：现将《池州市某某工作方案》印发给你们。",
        title="关于印发《池州市某某工作方案》的通知",
    )
    assert [r for r in extract(doc).relationships if r.type == "CITES"] == []


def test_an_interpretation_cites_the_document_it_explains():
    doc = make_doc("现就有关内容解读如下。", title="解读《池州市某某工作方案》")
    cites = [r for r in extract(doc).relationships if r.type == "CITES"]
    assert [(r.end, r.properties["relation"]) for r in cites] == [
        ("doc:池州市某某工作方案", "reference")
    ]


def test_title_identity_ignores_the_circle_used_for_zero():
    from policykg.loaders.docnumber import normalize_title

    assert normalize_title("规划和二○三五年远景目标纲要") == normalize_title(
        "规划和二〇三五年远景目标纲要"
    )


def test_title_identity_ignores_how_zero_is_written_between_numerals():
    from policykg.loaders.docnumber import normalize_title

    forms = {normalize_title(f"远景目标和二{z}三五年纲要") for z in "〇○0O"}
    assert len(forms) == 1
    assert normalize_title("2035年远景目标") == "2035年远景目标"


def test_a_stub_cited_by_title_reads_its_issuer_and_level_from_the_title():
    doc = make_doc("为贯彻落实《河南省人民政府关于支持某某的指导意见》和《亳州市营商环境条例》，")
    nodes = extract(doc).nodes
    stubs = {n.properties["title"]: n.properties for n in nodes if n.label == "Document" and n.weak}
    henan = stubs["河南省人民政府关于支持某某的指导意见"]
    assert (henan["issuer"], henan["level"]) == ("河南省人民政府", "provincial")
    assert stubs["亳州市营商环境条例"]["level"] == "city"


def test_a_stub_whose_title_opens_with_a_park_is_a_park_document() -> None:
    from policykg.loaders.extract.documents import _issuer_from_title

    assert _issuer_from_title("亳州高新区城市功能品质活力提升实施意见", "340000") == (None, "park")
    assert _issuer_from_title("亳州市优化营商环境条例", "340000") == (None, "city")
