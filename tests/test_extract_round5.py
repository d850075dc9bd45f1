"""Extraction round 5, responsibilities: flattened pages, label lines, 责任单位 lists, lists that
share a level, central-bank branches (ANNOTATION.md: who leads what)."""

from __future__ import annotations

from pathlib import Path

from policykg.loaders import parse
from policykg.loaders.clean import clean
from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.loaders.extract.regions import find_regions
from policykg.loaders.extract.units import qualify


def _doc(text: str, title: str = "三明市某某行动方案", issuer: str = "三明市人民政府办公室"):
    meta = Metadata(title=title, issuer=issuer)
    return ParsedDocument("mem.txt", "txt", "utf-8", text, meta, ())


def _duties(extraction) -> set[tuple[str, str, str]]:
    nodes = {n.id: n.properties for n in extraction.nodes}
    return {
        (str(nodes[r.start].get("title")), r.type, str(nodes[r.end].get("name")))
        for r in extraction.relationships
        if r.type in ("LED_BY", "SUPPORTED_BY")
    }


def _parse_text(tmp_path: Path, text: str) -> ParsedDocument:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return parse(path)


# An archived page flattened to one line: headings and assignments only by their numbering.
_ITEMS = "".join(
    f"{n}.{task}。{body}，{'加强' * 200}统筹。（责任单位：市{unit}）"
    for n, task, body, unit in [
        (1, "建立信用信息分类管理制度", "制定信用信息目录", "发展改革委、市统计局"),
        (2, "加快信用信息标准体系建设", "统一信用信息采集标准", "市场监管局"),
        (3, "建立统一的社会信用代码制度", "按照国家要求建立代码", "公安局"),
    ]
)
FLAT_PAGE = (
    "当前位置：首页政务公开三明市人民政府办公室关于印发三明市社会信用体系建设任务分工方案的通知"
    "三明市社会信用体系建设任务分工方案为加快推进我市社会信用体系建设，制定本方案。"
    f"一、加强信用标准体系建设 （一）加强信用相关制度建设。{_ITEMS}"
    "二、保障措施（二）加强组织领导。各单位要高度重视，长1.5公里，3、5个项目按第（二）项办理。"
)


def test_a_flattened_page_is_cut_at_its_counting_headings():
    paragraphs = [p.text for p in clean(FLAT_PAGE).paragraphs]
    assert paragraphs[0].startswith("当前位置")
    assert [p[:5] for p in paragraphs[1:]] == [
        "一、加强信",
        "（一）加强",
        "1.建立信",
        "2.加快信",
        "3.建立统",
        "二、保障措",
        "（二）加强",
    ]
    # Numbers that count nothing stay inside their sentence.
    assert paragraphs[-1].endswith("长1.5公里，3、5个项目按第（二）项办理。")


def test_a_short_paragraph_with_an_inline_list_keeps_its_shape():
    text = "主要任务：（一）加强领导；（二）完善制度；（三）强化考核。"
    assert [p.text for p in clean(text).paragraphs] == [text]


def test_tasks_of_a_flattened_page(tmp_path: Path):
    duties = _duties(extract(_parse_text(tmp_path, FLAT_PAGE)))
    assert ("建立信用信息分类管理制度", "LED_BY", "三明市发展改革委") in duties
    assert ("建立信用信息分类管理制度", "LED_BY", "三明市统计局") in duties
    assert ("加快信用信息标准体系建设", "LED_BY", "三明市市场监管局") in duties
    assert ("建立统一的社会信用代码制度", "LED_BY", "三明市公安局") in duties


def test_an_item_glued_to_the_label_line_above_it():
    text = (
        "（二）建立林业碳汇项目开发机制\n"
        "1.加强林业碳汇计量评估。开展碳汇计量评估监测。\n"
        "牵头单位：市林业局\n"
        "责任单位：市发改委，各县（市、区）人民政府2.创新林业碳汇方法学。探索开发新的方法学。\n"
        "牵头单位：市林业局\n"
        "责任单位：市生态环境局\n"
    )
    paragraphs = [p.text for p in clean(text).paragraphs]
    assert "2.创新林业碳汇方法学。探索开发新的方法学。" in paragraphs
    assert "责任单位：市发改委，各县（市、区）人民政府" in paragraphs


def test_an_item_glued_after_labels_at_the_end_of_its_sentences():
    text = (
        "3.实施森林增效固碳工程。实施林分改造提升行动，完成松林改造提升120万亩。"
        "牵头单位：市林业局责任单位：各县（市、区）人民政府4.实施森林减灾保护工程。减少森林病虫害。"
    )
    assert [p.text[:2] for p in clean(text).paragraphs] == ["3.", "4."]


def test_labels_without_punctuation_between_them():
    text = (
        "1.实施森林增效固碳工程。完成松林改造提升。\n"
        "牵头单位：市林业局责任单位：各县（市、区）人民政府\n"
        "2.实施森林减灾保护工程。减少森林病虫害。\n"
        "牵头单位：市林业局\n"
    )
    duties = _duties(extract(_doc(text)))
    assert ("实施森林增效固碳工程", "LED_BY", "三明市林业局") in duties
    # The collective keeps the levels it covers, printed in brackets.
    assert ("实施森林增效固碳工程", "LED_BY", "各县（市、区）人民政府") in duties


def test_responsible_units_beside_a_named_lead_also_lead():
    # ANNOTATION.md: every listed 责任单位 leads unless the text says the first listed leads;
    # a 牵头单位 named beside them does not make them supporters (配合单位 would).
    text = (
        "（一）核算排放数据。全面摸清能源消费量。（牵头单位：市发改委、市统计局；"
        "责任单位：市经信局、市生态环境局）\n"
        "（二）编制市级评估报告。明确碳达峰路线图。（牵头单位：市生态环境局；配合单位：市财政局）\n"
    )
    duties = _duties(extract(_doc(text, title="武汉市碳排放达峰评估工作方案", issuer="")))
    assert duties == {
        ("核算排放数据", "LED_BY", "武汉市发展改革委"),
        ("核算排放数据", "LED_BY", "武汉市统计局"),
        ("核算排放数据", "LED_BY", "武汉市经济和信息化局"),
        ("核算排放数据", "LED_BY", "武汉市生态环境局"),
        ("编制市级评估报告", "LED_BY", "武汉市生态环境局"),
        ("编制市级评估报告", "SUPPORTED_BY", "武汉市财政局"),
    }


def test_organs_listed_after_one_with_its_level_share_the_level():
    text = (
        "1.探索碳汇加生态司法。建立工作机制。\n牵头单位：市法院、检察院\n"
        "2.建立碳汇知识普及机制。开展宣传。\n牵头单位：市委宣传部，市发改委、科协\n"
        "3.建立碳汇研究合作机制。依托高校。\n牵头单位：市科技局、长三角区域合作办公室\n"
    )
    duties = _duties(extract(_doc(text)))
    assert ("探索碳汇加生态司法", "LED_BY", "三明市检察院") in duties
    assert ("建立碳汇知识普及机制", "LED_BY", "三明市科协") in duties
    # A body for an area of several provinces is no organ of the city's level.
    assert ("建立碳汇研究合作机制", "LED_BY", "长三角区域合作办公室") in duties


def test_market_regulation_is_no_city_prefix():
    city = find_regions("三明市", None)[0].region
    unit = qualify("市场监管局", city, None, city.province)
    assert unit is not None and unit.full_name == "三明市市场监管局"


def test_central_bank_branches_are_units_as_printed():
    city = find_regions("青岛市", None)[0].region
    for name in ("人民银行青岛市中心支行", "人行合肥中心支行", "人民银行平潭支行"):
        unit = qualify(name, city, None, city.province)
        assert unit is not None and unit.full_name == name


RULE = (
    "第十条 区民政部门应当建立本区长者饭堂及运营机构的名册清单，并向社会公布。"
    "长者饭堂运营机构应当按照协议约定建立健全管理制度。\n"
    "第十一条 镇人民政府（街道办事处）应当及时将本辖区内长者饭堂的基本信息录入平台。\n"
    "第十二条 市民政部门应当会同市财政部门适时调整资助标准。有关部门应当加强指导。\n"
)


def test_a_rules_obligations_of_named_organs_are_their_tasks():
    # ANNOTATION.md (round 5): in a rule's articles, X应当… is X's duty, the sentence its task.
    doc = _doc(RULE, title="广州市老年人助餐配餐服务管理办法", issuer="广州市民政局")
    duties = _duties(extract(doc))
    assert duties == {
        (
            "区民政部门应当建立本区长者饭堂及运营机构的名册清单，并向社会公布",
            "LED_BY",
            "区民政部门",
        ),
        (
            "镇人民政府（街道办事处）应当及时将本辖区内长者饭堂的基本信息录入平台",
            "LED_BY",
            "镇人民政府（街道办事处）",
        ),
        ("市民政部门应当会同市财政部门适时调整资助标准", "LED_BY", "广州市民政部门"),
        ("市民政部门应当会同市财政部门适时调整资助标准", "SUPPORTED_BY", "广州市财政部门"),
    }


def test_obligations_outside_articles_are_not_read_as_duties():
    plan = RULE.replace("第十条 ", "1.").replace("第十一条 ", "2.").replace("第十二条 ", "3.")
    duties = _duties(extract(_doc(plan, title="广州市某某工作方案", issuer="广州市民政局")))
    assert not any(title.startswith("区民政部门应当") for title, _, _ in duties)


def test_a_short_name_introduced_with_yixiacheng():
    text = (
        "第三条 广州市住房保障办公室（以下称市住房保障部门）负责公共租赁住房的资格审核工作。\n"
        "第九条 市住房保障部门应每月将住房租赁补贴存入保障对象的账号。\n"
    )
    doc = _doc(text, title="广州市公共租赁住房管理办法", issuer="广州市人民政府办公厅")
    duties = _duties(extract(doc))
    assert (
        "市住房保障部门应每月将住房租赁补贴存入保障对象的账号",
        "LED_BY",
        "广州市住房保障办公室",
    ) in duties


def test_a_measure_after_the_closing_assignment_bracket_of_the_one_before(tmp_path: Path):
    text = (
        "青岛市某某行动计划\n"
        "（二）优化产业园区布局\n"
        "根据园区产业性质实施重点监管与减排。（责任单位：市生态环境局，各区、市政府）"
        "落实亩产效益评价规则，根据园区定位精准招商。（责任单位：市工业和信息化局）\n"
    )
    paragraphs = [p.text for p in clean(text).paragraphs]
    assert (
        paragraphs[-1]
        == "落实亩产效益评价规则，根据园区定位精准招商。（责任单位：市工业和信息化局）"
    )
    duties = _duties(extract(_parse_text(tmp_path, text)))
    assert (
        "落实亩产效益评价规则，根据园区定位精准招商",
        "LED_BY",
        "青岛市工业和信息化局",
    ) in duties
    assert ("根据园区产业性质实施重点监管与减排", "LED_BY", "青岛市生态环境局") in duties
    assert not any(
        title.startswith("根据") and unit == "青岛市工业和信息化局" for title, _, unit in duties
    )


def test_companies_named_with_their_group_keep_it():
    text = (
        "（三）实施交通运输节能减排工程。推进铁路电气化改造。"
        "（省交通运输厅牵头，国网山东省电力公司配合）\n"
    )
    duties = _duties(extract(_doc(text, title="山东省某某行动计划", issuer="山东省人民政府")))
    assert ("实施交通运输节能减排工程", "SUPPORTED_BY", "国网山东省电力公司") in duties


def test_an_obligation_after_an_opening_condition_is_the_whole_sentence():
    text = (
        "第三条 县级以上地方人民政府承担市场主体登记工作的部门（以下称登记机关）负责市场主体登记。\n"
        "第十八条 申请材料不齐全的，登记机关应当一次性告知申请人需要补正的材料。\n"
        "第十九条 申请人提交材料后，并要求镇人民政府应当及时审核。\n"
    )
    doc = _doc(text, title="中华人民共和国市场主体登记管理条例", issuer="国务院")
    duties = _duties(extract(doc))
    described = "县级以上地方人民政府承担市场主体登记工作的部门"
    assert (
        "申请材料不齐全的，登记机关应当一次性告知申请人需要补正的材料",
        "LED_BY",
        described,
    ) in duties
    # Only a condition may stand before the subject.
    assert not any(title.startswith("申请人提交材料后") for title, _, _ in duties)


def test_a_heading_title_running_into_its_first_numbered_item():
    filler = "加强统筹。" * 120
    text = (
        f"现将实施方案提出如下：一、主要目标{filler}二、市政提升五千工程1.排水管网实施项目：完成管网建设。{filler}"
        f"2.雨水管网实施项目：完成雨污分流。{filler}"
    )
    starts = [p.text[:6] for p in clean(text).paragraphs]
    assert starts == ["现将实施方案", "一、主要目标", "二、市政提升", "1.排水管网", "2.雨水管网"]
