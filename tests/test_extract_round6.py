"""Issue 10, round 6: citations as the spent sealed parts print them. Sentences are shaped as
printed in those documents; each test fails without its rule."""

from __future__ import annotations

from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.loaders.extract.citations import find_citations

Cited = tuple[str | None, str | None, str]


def _cites(text: str, title: str = "某市关于促进产业发展的实施意见") -> set[Cited]:
    """(title, 文号, relation) of every CITES the whole extraction makes."""
    document = ParsedDocument("mem.txt", "txt", "utf-8", text, Metadata(title=title))
    extraction = extract(document)
    nodes = {n.id: n for n in extraction.nodes}
    out: set[Cited] = set()
    for rel in extraction.relationships:
        if rel.type == "CITES":
            props = nodes[rel.end].properties
            number = props.get("doc_number")
            out.add(
                (
                    str(props.get("title")),
                    str(number) if number else None,
                    rel.properties["relation"],
                )
            )
    return out


def _relations(text: str) -> dict[str | None, str]:
    return {c.title: c.relation for c in find_citations(text)}


def test_deep_implementation_is_implements() -> None:
    text = "深入实施《国务院关于印发“十四五”节能减排综合工作方案的通知》（国发〔2021〕33号），大力推进节能减排。"
    assert _relations(text) == {"国务院关于印发“十四五”节能减排综合工作方案的通知": "implements"}


def test_void_after_the_title_repeals() -> None:
    text = "本办法自发布之日起施行，《徐汇区节能减排专项资金管理办法》（徐府办发〔2017〕38号）同时作废。"
    assert _relations(text) == {"徐汇区节能减排专项资金管理办法": "repeals"}


def test_implementation_cue_after_the_list() -> None:
    text = "全面推动《巴中市促进文化旅游产业发展扶持奖励措施》《巴中市文旅康养首位产业发展补充扶持措施》等政策落实。"
    assert _relations(text) == {
        "巴中市促进文化旅游产业发展扶持奖励措施": "implements",
        "巴中市文旅康养首位产业发展补充扶持措施": "implements",
    }
    # A report on how a measure is carried out does not implement it.
    assert _relations("定期通报《某市促进消费若干措施》落实情况。") == {
        "某市促进消费若干措施": "reference"
    }


def test_an_before_the_title_is_basis() -> None:
    text = "区科技行政主管部门向区财政局申请拨付资金，并按《广州南沙本级部门预算支出管理办法》规定程序申请办理。"
    assert _relations(text) == {"广州南沙本级部门预算支出管理办法": "basis"}


def test_items_under_a_basis_heading_are_basis() -> None:
    text = (
        "2017年度专利质押融资贴息办事指南\n一、政策依据\n"
        "1.《广州南沙新区（自贸片区）促进科技创新产业发展扶持办法》（穗南开管办〔2017〕1号）第二十五条\n"
        "2.《广州南沙新区（自贸片区）促进科技创新产业发展扶持办法实施细则》（穗南开工科信〔2017〕13号）第三十九条\n"
        "二、申请条件\n"
    )
    assert set(_relations(text).values()) == {"basis"}


def test_forms_to_fill_submit_or_obtain_are_not_citations() -> None:
    text = (
        "主体结构封顶后至取得《工程竣工验收报告》前，按进度予以审核拨付。"
        "开发企业向第三方成本审核机构提供《商品住房成本审核所需资料清单》及相关资料。"
        "全面真实提供价格申报相关材料（《国有建设用地使用权出让合同》《鸟瞰图》《房屋建筑面积预测报告》）。"
        "各有关部门按照要求填写完成《武汉市碳达峰评估工作方案数据清单》中相关表格。"
    )
    assert _relations(text) == {}
    # A report the text names as a document of its own is still cited.
    assert _relations("其中，“1”为《武汉市碳达峰评估报告》，由市生态环境局牵头编制。") == {
        "武汉市碳达峰评估报告": "reference"
    }


def test_standards_and_principles_are_documents() -> None:
    text = "指导建设单位按照《建设工程文件归档规范》规定要求收集文件。依托单位应遵循《新一代人工智能治理原则》。"
    assert _relations(text) == {
        "建设工程文件归档规范": "basis",
        "新一代人工智能治理原则": "reference",
    }


def test_the_notice_title_line_issues_its_plan() -> None:
    text = "重庆市人民政府办公厅关于\n印发《重庆市提振消费若干措施》的通知\n各区县（自治县）人民政府：\n"
    assert _relations(text) == {}


def test_the_document_naming_itself_after_ben() -> None:
    assert _relations("为确保竞价活动公开、公平、公正，特制定本《竞价指引》。") == {}


def test_a_plan_and_the_notice_issuing_it_are_one_citation() -> None:
    text = (
        "为深入贯彻落实《国务院关于印发新一代人工智能发展规划的通知》（国发〔2017〕35号），"
        "充分发挥领军企业的引领作用。\n开放创新平台应围绕《新一代人工智能发展规划》重点任务组织建设。\n"
        "根据《国务院关于印发新一代人工智能发展规划的通知》（国发〔2017〕35号）统筹布局创新平台。\n"
    )
    assert _cites(text) == {
        ("国务院关于印发新一代人工智能发展规划的通知", "国发〔2017〕35号", "implements")
    }


def _duties(
    text: str,
    title: str = "关于贯彻执行《关于促进房地产市场平稳健康发展的若干措施》的实施细则",
    issuer: str = "宿州市房管中心",
) -> set[tuple[str, str, str]]:
    document = ParsedDocument("mem.txt", "txt", "utf-8", text, Metadata(title=title, issuer=issuer))
    extraction = extract(document)
    nodes = {n.id: n for n in extraction.nodes}
    return {
        (str(nodes[r.start].properties["title"]), str(nodes[r.end].properties["name"]), r.type)
        for r in extraction.relationships
        if r.type in ("LED_BY", "SUPPORTED_BY")
    }


def test_a_label_item_assigns_its_heading_and_offices_are_not_units() -> None:
    text = (
        "为深入贯彻《若干措施》，特制定如下实施细则。\n"
        "一、 优化土地出让方式\n（一） 适用范围：热点区域的重点地块。\n"
        "（二） 办理流程：编制出让方案时，采取拍卖方式进行出让。\n"
        "（三） 责任单位及承办科室：市自然资源局，储备中心。\n"
        "二、 强化金融政策支持\n（一） 保持房地产贷款平稳增长。引导金融机构加大信贷投放。\n"
        "（二） 责任单位：市地方金融监管局、市房管中心。\n"
    )
    assert _duties(text) == {
        ("优化土地出让方式", "宿州市自然资源局", "LED_BY"),
        ("强化金融政策支持", "宿州市地方金融监管局", "LED_BY"),
        ("强化金融政策支持", "宿州市房管中心", "LED_BY"),
    }


def test_a_newly_amended_law_is_not_amended_by_the_citing_text() -> None:
    text = "新修改的《四川省人口与计划生育条例》正式施行，延长婚假、生育假。"
    assert _relations(text) == {"四川省人口与计划生育条例": "reference"}
    assert _relations("对《某市专项资金管理办法》进行修订。") == {"某市专项资金管理办法": "amends"}


def test_the_collective_after_deng_closes_the_list() -> None:
    text = (
        "一、优化营商环境\n"
        "2.进一步压缩企业开办时间，减并工商、税务、刻章、社保等流程。（市场监管总局牵头，公安部、"
        "税务总局等国务院相关部门以及各地区按职责分工负责）\n"
        "3.优化企业银行开户服务，完成取消企业银行开户行政许可试点。（人民银行牵头，国务院相关部门按职责分工负责）\n"
    )
    duties = _duties(text, "国务院办公厅关于进一步优化营商环境的通知", "国务院办公厅")
    assert {(unit, role) for _, unit, role in duties} == {
        ("市场监管总局", "LED_BY"),
        ("公安部", "SUPPORTED_BY"),
        ("税务总局", "SUPPORTED_BY"),
        ("人民银行", "LED_BY"),
    }
