"""Tasks from the section tree, and the units, parks and regions that lead or support them."""

from __future__ import annotations

from policykg.loaders.document import Metadata, ParsedDocument, Section
from policykg.loaders.extract import extract


def _doc(text: str, sections=(), title="鹤壁市某某若干意见", issuer="鹤壁市人民政府"):
    meta = Metadata(title=title, issuer=issuer)
    return ParsedDocument("mem.txt", "txt", "utf-8", text, meta, tuple(sections))


def _duties(extraction):
    names = {n.id: n.properties.get("name") for n in extraction.nodes}
    return {
        (names[r.start], r.type, names[r.end])
        for r in extraction.relationships
        if r.type in ("LED_BY", "SUPPORTED_BY")
    }


def test_task_is_the_section_from_the_loaders_tree():
    body = "14.加快实现基础设施互联互通。由市城市管理局牵头统筹，以淇滨区为核心。"
    text = f"二、明确协同任务\n{body}"
    item = Section("14", "加快实现基础设施互联互通", body, 9, len(text), 2)
    top = Section("二", "明确协同任务", text, 0, len(text), 1, (item,))
    extraction = extract(_doc(text, [top]))
    assert _duties(extraction) == {("14 加快实现基础设施互联互通", "LED_BY", "鹤壁市城市管理局")}
    task = next(n for n in extraction.nodes if n.label == "Task")
    assert task.properties["number"] == "14"
    assert task.properties["section"] == "二 明确协同任务 > 14 加快实现基础设施互联互通"
    units = {n.properties["full_name"] for n in extraction.nodes if n.label == "Unit"}
    assert units == {"鹤壁市城市管理局", "鹤壁市人民政府"}
    has_task = [r for r in extraction.relationships if r.type == "HAS_TASK"]
    assert [r.end for r in has_task] == [task.id]


def test_units_are_qualified_by_the_documents_region():
    text = "1.统筹推进。由市发改委牵头，市财政局配合。"
    hebi = extract(_doc(text))
    chizhou = extract(_doc(text, title="池州市某某方案", issuer="池州市人民政府"))
    units_hebi = {n.id: n.properties["full_name"] for n in hebi.nodes if n.label == "Unit"}
    units_chizhou = {n.id: n.properties["full_name"] for n in chizhou.nodes if n.label == "Unit"}
    assert "鹤壁市发展改革委" in units_hebi.values()
    assert "池州市发展改革委" in units_chizhou.values()
    assert not set(units_hebi) & set(units_chizhou)


def test_park_alias_and_district_leads():
    text = (
        "有效激发鹤壁经济技术开发区(以下简称开发区)新一轮创新发展活力。\n"
        "2.支持平台共享。由开发区牵头，淇滨区、城乡一体化示范区及市发展改革委等相关部门配合，编制规划。\n"
        "8.加快构建区域创新生态圈。支持淇滨区牵头，集聚优质创新资源。\n"
    )
    duties = _duties(extract(_doc(text)))
    assert ("2 支持平台共享", "LED_BY", "鹤壁经济技术开发区") in duties
    assert ("2 支持平台共享", "SUPPORTED_BY", "淇滨区") in duties
    assert ("2 支持平台共享", "SUPPORTED_BY", "鹤壁市发展改革委") in duties
    assert ("8 加快构建区域创新生态圈", "LED_BY", "淇滨区") in duties


def test_headed_lists_and_office_and_cooperation():
    text = (
        "(一)强化组织领导。领导小组办公室设在市发展改革委。\n"
        "(二)加强要素保障。市自然资源和规划局会同市财政局研究制定办法。\n"
        "(三)优化服务。(牵头单位：市政务服务中心；责任单位：市发展改革委、市商务局)\n"
        "(四)抓好落实。责任单位：市科技局、市教育局\n"
    )
    duties = _duties(extract(_doc(text)))
    assert duties == {
        ("(一) 强化组织领导", "LED_BY", "鹤壁市发展改革委"),
        ("(二) 加强要素保障", "LED_BY", "鹤壁市自然资源和规划局"),
        ("(二) 加强要素保障", "SUPPORTED_BY", "鹤壁市财政局"),
        ("(三) 优化服务", "LED_BY", "鹤壁市政务服务中心"),
        # 责任单位 beside a named 牵头单位 are responsible too (ANNOTATION.md): they lead.
        ("(三) 优化服务", "LED_BY", "鹤壁市发展改革委"),
        ("(三) 优化服务", "LED_BY", "鹤壁市商务局"),
        ("(四) 抓好落实", "LED_BY", "鹤壁市科技局"),
        # Every listed 责任单位 leads unless the document says the first listed leads.
        ("(四) 抓好落实", "LED_BY", "鹤壁市教育局"),
    }


def test_generic_units_are_not_nodes():
    text = "1.抓好落实。由市民政局牵头、相关部门配合。"
    extraction = extract(_doc(text))
    assert _duties(extraction) == {("1 抓好落实", "LED_BY", "鹤壁市民政局")}
    assert [n.properties["name"] for n in extraction.nodes if n.label == "Unit"] == [
        "鹤壁市人民政府",
        "鹤壁市民政局",
    ]


def test_issued_by_the_park_committee():
    doc = _doc("正文。", title="某某通知", issuer="安徽亳州高新技术产业开发区管理委员会")
    extraction = extract(doc)
    names = {n.id: n.properties.get("name") for n in extraction.nodes}
    issued = [names[r.end] for r in extraction.relationships if r.type == "ISSUED_BY"]
    assert issued == ["亳州高新技术产业开发区管委会"]
    own = next(n for n in extraction.nodes if n.id == extraction.document_id)
    assert own.properties["level"] == "park"


def test_bracketed_units_closing_an_item():
    text = "3.完善配套政策。研究出台支持措施。（市发展改革委、市财政局负责）"
    assert _duties(extract(_doc(text))) == {
        ("3 完善配套政策", "LED_BY", "鹤壁市发展改革委"),
        ("3 完善配套政策", "SUPPORTED_BY", "鹤壁市财政局"),
    }


def _parsed(tmp_path, text: str, name: str = "plan.txt"):
    """A text file read by the loaders, so the section tree is the real one."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    from policykg.loaders import parse

    return parse(path)


def test_a_group_with_one_item_is_one_task_named_by_its_heading(tmp_path):
    """（二）X。 with only 3．… under it: the assignment after the item is the group's."""
    text = (
        "某省人民政府办公厅关于印发某省优化营商环境行动方案的通知\n"
        "一、重点任务\n"
        "（一）推行涉企事项清单管理。\n"
        "1．全面梳理涉企行政事项，编制全省统一的事项清单。\n"
        "牵头单位：省发展改革委\n"
        "2．动态更新事项清单，按季度向社会公布。\n"
        "牵头单位：省司法厅\n"
        "（二）建立惠企政策兑现机制。\n"
        "3．各地各部门梳理已出台的惠企政策，明确兑现条件和流程。\n"
        "牵头单位：省财政厅\n"
        "参与单位：省税务局\n"
        "（三）优化审批服务。\n"
        "4．推行容缺受理。对基本条件具备、次要材料欠缺的事项先行受理。\n"
        "牵头单位：省政务服务中心\n"
    )
    duties = _duties(extract(_parsed(tmp_path, text)))
    tasks = {task for task, _, _ in duties}
    assert any("建立惠企政策兑现机制" in task for task in tasks)
    assert not any("梳理已出台的惠企政策" in task for task in tasks)
    # Two items under one group stay two tasks.
    assert any("全面梳理涉企行政事项" in task for task in tasks)
    assert any("动态更新事项清单" in task for task in tasks)
    # An only item with a heading of its own stays the task.
    assert any("推行容缺受理" in task for task in tasks)


def test_an_organ_after_a_list_of_places_belongs_to_each_of_them(tmp_path):
    """杨凌示范区、西咸新区管委会: both committees, not the park 杨凌示范区 itself."""
    text = (
        "陕西省人民政府办公厅关于印发某某行动方案的通知\n"
        "1．推进园区审批改革。在省级以上开发区推行区域评估。\n"
        "牵头单位：省商务厅\n"
        "参与单位：各设区市政府，榆林高新区、宝鸡高新区管委会\n"
    )
    duties = _duties(extract(_parsed(tmp_path, text)))
    supporters = {unit for _, role, unit in duties if role == "SUPPORTED_BY"}
    assert supporters == {
        "各设区市政府",
        "榆林高新技术产业开发区管委会",
        "宝鸡高新技术产业开发区管委会",
    }


def test_a_lower_level_organ_in_a_city_rule_is_named_as_printed(tmp_path):
    """区民政局 in a city's rules is every district's bureau, not the city's; an organ printed
    with its alternative in brackets (镇人民政府（街道办事处）) is one assignee."""
    text = (
        "佛山市人民政府关于印发佛山市养老服务管理办法的通知\n"
        "第三条 市民政局负责统筹全市养老服务工作，区民政局负责本辖区养老机构的监督管理。"
        "镇人民政府（街道办事处）负责养老服务需求评估的受理工作。\n"
    )
    duties = _duties(extract(_parsed(tmp_path, text)))
    leads = {unit for _, role, unit in duties if role == "LED_BY"}
    assert leads == {"佛山市民政局", "区民政局", "镇人民政府（街道办事处）"}


def test_every_unit_of_a_listed_subject_leads_what_it_does_with_others(tmp_path):
    """科技部、中国社科院要会同教育部…: both lead (before: only the last one named)."""
    text = (
        "国务院办公厅关于加强某某工作的意见\n"
        "（六）完善标准规范体系。国家标准委、工业和信息化部要会同国家发展改革委、商务部等部门"
        "研究制定相关标准。\n"
    )
    meta_doc = _parsed(tmp_path, text)
    duties = _duties(extract(meta_doc))
    assert {(role, unit) for _, role, unit in duties} == {
        ("LED_BY", "国家标准委"),
        ("LED_BY", "工业和信息化部"),
        ("SUPPORTED_BY", "国家发展改革委"),
        ("SUPPORTED_BY", "商务部"),
    }


def test_a_government_organ_opening_a_sentence_with_yao_is_charged_with_it(tmp_path):
    """科技部要建立…: the sentence's subject leads; a hospital's or an agency's 要 is a rule for it,
    and a kind of organ (科技计划管理部门) is no organ."""
    text = (
        "国务院办公厅关于加强某某工作的意见\n"
        "（八）健全监测预警机制。生态环境部要建立重点流域水质监测预警机制。"
        "定点医疗机构要落实自我管理主体责任。项目管理部门要加强过程管理。\n"
    )
    duties = _duties(extract(_parsed(tmp_path, text)))
    assert {(role, unit) for _, role, unit in duties} == {("LED_BY", "生态环境部")}


def test_central_bank_branches_collectives_and_vague_tails(tmp_path):
    """人民银行兰州分行 is named with the bank (before: 兰州分行); …等省级相关部门 closes a list;
    各级政府有关部门 names no one; 各级政务服务中心 is a collective assignee."""
    text = (
        "甘肃省人民政府办公厅关于印发某某行动方案的通知\n"
        "1．推广信用融资服务。建设全省统一的信用融资服务平台。\n"
        "牵头单位：省发展改革委、人民银行兰州分行\n"
        "参与单位：省财政厅、省税务局等省级相关部门，各级政府有关部门\n"
        "2．推进政策集中兑现。在政务大厅设立惠企政策兑现窗口。\n"
        "牵头单位：各级政务服务中心\n"
    )
    duties = _duties(extract(_parsed(tmp_path, text)))
    assert {(role, unit) for _, role, unit in duties} == {
        ("LED_BY", "甘肃省发展改革委"),
        ("LED_BY", "人民银行兰州分行"),
        ("SUPPORTED_BY", "甘肃省财政厅"),
        ("SUPPORTED_BY", "甘肃省税务局"),
        ("LED_BY", "各级政务服务中心"),
    }


def test_relevant_departments_of_a_level_are_no_unit(tmp_path):
    """会同省级有关部门 / 市级相关部门 name no organ (before: 省级有关部 became a unit); 省级各部门
    (every one of them) stays a collective."""
    text = (
        "甘肃省人民政府办公厅关于印发某某行动方案的通知\n"
        "（四）强化督促检查。省政府办公厅会同省级有关部门加强对行动落实情况的督促检查。\n"
        "（五）推行一网通办。\n"
        "1．完善全省统一事项库，实现同一事项同一标准。\n"
        "牵头单位：省政务服务中心\n"
        "参与单位：省级各部门\n"
    )
    duties = _duties(extract(_parsed(tmp_path, text)))
    assert {(role, unit) for _, role, unit in duties} == {
        ("LED_BY", "甘肃省人民政府办公厅"),
        ("LED_BY", "甘肃省政务服务中心"),
        ("SUPPORTED_BY", "甘肃省级各部门"),
    }


def test_organs_in_charge_and_level_names_in_a_central_rule(tmp_path):
    """X主管…工作 gives X the lead; 县级以上地方人民政府X部门 and 省级X部门 are named as printed
    (before: 级以上地方人民政府…, the 县 read as a place)."""
    text = (
        "中华人民共和国某某登记管理条例\n"
        "第五条 国务院农业农村主管部门主管全国农村土地承包经营权登记工作。"
        "县级以上地方人民政府农业农村部门主管本行政区域农村土地承包经营权登记工作。\n"
        "第六条 省级农业农村部门负责本省登记信息系统建设。\n"
    )
    duties = _duties(extract(_parsed(tmp_path, text)))
    assert {(role, unit) for _, role, unit in duties} == {
        ("LED_BY", "国务院农业农村主管部门"),
        ("LED_BY", "县级以上地方人民政府农业农村部门"),
        ("LED_BY", "省级农业农村部门"),
    }


def test_short_names_of_organs_and_rules_made_by_an_organ(tmp_path):
    """市社会保险经办机构（以下简称社保经办机构）: the short name is that organ; 由X另行制定 /
    由国务院X部门统一制定 assign the making of a rule to X."""
    text = (
        "佛山市人民政府关于印发佛山市某某保险办法的通知\n"
        "第四条 市社会保险经办机构（以下简称社保经办机构）办理参保登记。\n"
        "第九条 待遇结算办法由社保经办机构另行制定。\n"
        "第十条 证书样式由国务院人力资源社会保障行政部门统一制定。\n"
    )
    duties = _duties(extract(_parsed(tmp_path, text)))
    assert {(role, unit) for _, role, unit in duties} == {
        ("LED_BY", "佛山市社会保险经办机构"),
        ("LED_BY", "国务院人力资源社会保障行政部门"),
    }
