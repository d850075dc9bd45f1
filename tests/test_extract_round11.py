"""Issue 10, round 11 (after sealed_8 was sealed, on spent parts): organ names that carry their own
place (人民银行平潭支行, 平潭海关) and firms' registered names (平潭华润燃气有限公司) are not put
under a park's name again; 各片区开发管理局 is a collective; 住房城乡建设部 in a list is not cut at
城乡 (a name ending 乡 read as a township); 各级X部门 is a collective and 工作专班 a unit. Targets:
every amount of 分别给予A元、B元、C元 is a benefit, and the 1 of 每引进1名 the unit a benefit is
counted per. A number a page's markup put on a line of its own inside a title or a 文号 is
kept (it was dropped as a page number), and a cited title may wrap over several lines."""

from __future__ import annotations

from policykg.loaders import parse_extracted
from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.loaders.extract.citations import find_citations
from policykg.loaders.formats import Extracted
from tests.target_rows import goal_rows
from tests.unit_roles import unit_roles

PARK_PLAN = "平潭综合实验区2015年宜居环境建设行动计划实施方案"
PARK_ISSUER = "平潭综合实验区管委会办公室"


_roles = unit_roles


def test_branches_that_name_their_own_place_are_named_as_printed() -> None:
    """Before: 平潭综合实验区人民银行平潭支行 and 平潭综合实验区平潭海关 (e13)."""
    text = (
        "（一）加快完善征信系统建设。（责任单位：人民银行平潭支行）\n"
        "（二）推进对外经济贸易信用建设。（责任单位：平潭海关）\n"
    )
    assert _roles(text, "平潭综合实验区社会信用体系建设实施方案", PARK_ISSUER) == {
        ("LED_BY", "人民银行平潭支行"),
        ("LED_BY", "平潭海关"),
    }


def test_a_firm_in_a_parks_plan_keeps_its_registered_name() -> None:
    """Before: 平潭综合实验区平潭华润燃气有限公司 (e14); 区交通投资集团有限公司 is still the park's."""
    text = (
        "4.燃气管网实施项目：推进燃气管网建设。责任分工：由平潭华润燃气有限公司负责，"
        "区交通投资集团有限公司组织实施，区直部门配合。\n"
    )
    roles = _roles(text, PARK_PLAN, PARK_ISSUER)
    assert ("LED_BY", "平潭华润燃气有限公司") in roles
    assert not any(name.endswith("平潭华润燃气有限公司") and name != "平潭华润燃气有限公司"
                   for _, name in roles)  # fmt: skip


def test_every_area_development_bureau_is_one_collective() -> None:
    """Before: 平潭综合实验区开发管理局 — 各片区 was dropped and a bureau of the park made (e14)."""
    text = "1.排水（污）管网实施项目：完成14条市政道路的污水管网项目。责任分工：由各片区开发管理局负责，区交通与建设局等区直部门配合。\n"
    roles = _roles(text, PARK_PLAN, PARK_ISSUER)
    assert ("LED_BY", "各片区开发管理局") in roles
    assert not any(name.endswith("实验区开发管理局") for _, name in roles)


def test_a_ministry_in_a_list_is_not_cut_at_chengxiang() -> None:
    """Before: 住房城乡 (a township, by its last character) supported the task (g06)."""
    text = (
        "（十八）完善组织领导。商务部、财政部牵头，会同国家发展改革委、生态环境部、住房城乡建设部、"
        "交通运输部等部门建立工作协调机制。\n"
    )
    roles = _roles(text, "推动消费品以旧换新行动方案", "商务部")
    assert ("SUPPORTED_BY", "住房城乡建设部") in roles
    assert not any(name == "住房城乡" for _, name in roles)


def test_every_level_of_one_organ_and_a_task_force_are_units() -> None:
    """Before: 各级市场监督管理部门负责… named no one (c21; f05 and h01 annotate 各级X部门 too); a
    工作专班 was no unit."""
    text = (
        "（三）推进旧住房成套改造。由区旧区改造工作专班负责，区住房保障局配合。\n"
        "（四）加强食品安全监管。各级市场监督管理部门负责食品安全业务指导。\n"
        "（五）加强统筹。各级各部门负责抓好落实。\n"
    )
    assert _roles(text, "嘉定区城市更新行动方案", "上海市嘉定区人民政府") == {
        ("LED_BY", "嘉定区旧区改造工作专班"),
        ("SUPPORTED_BY", "嘉定区住房保障局"),
        ("LED_BY", "各级市场监督管理部门"),
    }


def test_benefits_listed_after_a_grant_and_counted_per_one_are_no_goals() -> None:
    """Before: 引才补贴 = 2000元 (the third amount of the list), 每引进高级工 = 1名 and 每引进项目 =
    1个 were targets (i13); a goal counted per year or per population stays."""
    text = (
        "19.技能人才引进培养支持。每引进1名高级工、技师、高级技师，分别给予1000元、1500元、2000元引才补贴。\n"
        "20.每引进1个项目，经认定给予最高30万元项目服务奖。\n"
        "21.到2027年，每年新增高技能人才1000名，每万人口高技能人才数达到200名。\n"
    )
    rows = goal_rows(text, "广州开发区促进人才高质量发展的政策措施", "广州开发区管委会")
    assert {(value, unit) for _, value, unit, _, _ in rows} == {(1000.0, "名"), (200.0, "名")}


def test_a_number_on_a_line_of_its_own_inside_a_title_and_a_doc_number_is_kept() -> None:
    """Before: the lone 2021 and 2 lines were dropped as page numbers, so the citation was
    《…关于开展年电力需求响应工作的通知》 with no 文号 (e11, a saved page's markup)."""
    text = (
        "天津市2021年春节期间电力需求响应实施细则\n"
        "为落实春节期间能源保供工作部署，依据《市工业和信息化局关于开展\n2021\n"
        "年电力需求响应工作的通知》（津工信电力〔\n2021\n〕\n2\n号）等文件，制定本细则。\n"
        "一、总体要求\n"
        "12\n"
    )
    document = parse_extracted(Extracted(text, "txt", "utf-8"), "e11.txt")
    assert "关于开展\n2021\n年电力" in document.text and not document.text.endswith("12")
    titled = [c for c in find_citations(document.text) if c.title]
    assert [(c.title, c.number) for c in titled] == [
        ("市工业和信息化局关于开展2021年电力需求响应工作的通知", "津工信电力〔2021〕2号")
    ]


def test_a_subject_after_an_opening_anzhao_clause_is_charged() -> None:
    """Before: 按照…要求，浦东新区政府要做好… named no one (i04); …，并要求X要… still does not."""
    text = (
        "（三）按照本市城乡基本公共服务均等化要求，浦东新区政府要做好四镇的财力保障工作。\n"
        "（四）加强督查，并要求市财政局要加强资金监管。\n"
    )
    roles = _roles(text, "上海市人民政府关于支持临港地区新一轮发展的若干意见", "上海市人民政府")
    assert roles == {("LED_BY", "浦东新区人民政府")}


def test_no_unit_holds_a_verb_a_hired_bank_or_where_the_case_arises() -> None:
    """Before: 广东省人民政府委托省委宣传部 was one unit (i03; the 省委宣传部 it entrusts is still not
    read), 老年人户籍所在地镇人民政府 one (c21), 合作银行 a unit (i10) and 区人民银行平潭支行 the
    park's (e13)."""
    rule = (
        "第三条 省人民政府委托省委宣传部负责省社科成果奖的管理工作。\n"
        "第四条 合作银行负责对贷款项目进行调查和评估。\n"
        "第五条 老年人户籍所在地镇人民政府（街道办事处）负责办理补贴资格确认。\n"
    )
    assert _roles(rule, "广东省哲学社会科学优秀成果奖励办法", "广东省人民政府办公厅") == {
        ("LED_BY", "镇人民政府（街道办事处）"),
    }
    plan = "（一）加快完善征信系统建设。（责任单位：区人民银行平潭支行、经济发展局）\n"
    assert ("LED_BY", "人民银行平潭支行") in _roles(
        plan, "平潭综合实验区信用建设任务分工", PARK_ISSUER
    )


def test_a_name_is_not_cut_inside_shekeyuan_nor_run_on_into_a_verb() -> None:
    """Before: 中国社 (a 社 by its last character) supported the task and 中国社科院要明确相关机构
    led one (a02)."""
    text = (
        "（十）建立完善科研诚信信息系统。科技部会同中国社科院建立完善科研诚信信息系统。\n"
        "（十一）切实履行调查处理责任。中国社科院要明确相关机构负责科研诚信工作。\n"
    )
    roles = _roles(text, "关于进一步加强科研诚信建设的若干意见", "中共中央办公厅")
    assert ("SUPPORTED_BY", "中国社会科学院") in roles or ("SUPPORTED_BY", "中国社科院") in roles
    assert not any(name in ("中国社", "中国社科院要明确相关机构") for _, name in roles)


def test_a_text_without_headings_makes_the_sentence_the_task() -> None:
    """Before: a plan printed as plain paragraphs had no task, so 各市、县（区）政府要… named no
    one (g04); the collective is read whole though its levels are listed with 、; a kind of
    organ (住房城乡建设部门要会同教育部门…) is still no one."""
    text = (
        "各市、县（区）政府要切实履行和承担举办普通高中教育的主体责任。\n"
        "住房城乡建设部门要会同教育部门落实和完善普通高中学校建设标准。\n"
    )
    meta = Metadata(
        title="关于新时代推进普通高中育人方式改革的实施意见", issuer="江西省人民政府办公厅"
    )
    extraction = extract(ParsedDocument("mem.txt", "txt", "utf-8", text, meta, ()))
    nodes = {n.id: n for n in extraction.nodes}
    led = [
        (str(nodes[r.start].properties["title"]), str(nodes[r.end].properties["name"]))
        for r in extraction.relationships
        if r.type in ("LED_BY", "SUPPORTED_BY")
    ]
    assert led == [
        ("各市、县（区）政府要切实履行和承担举办普通高中教育的主体责任", "各市、县（区）政府")
    ]


def test_a_short_name_given_in_a_bracket_does_not_break_a_cited_list() -> None:
    """After sealed_8 was scored (j11): the second and third titles of 根据《A》（…，以下简称《X》）《B》
    （…）和《C》（…）等文件精神 were references, not basis."""
    text = (
        "根据《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号，"
        "以下简称《国务院意见》）《民政部 财政部 中国残联关于进一步完善困难残疾人生活补贴和重度残疾人护理"
        "补贴制度的意见》（民发〔2021〕70号）和《广东省民政厅关于印发广东省困难残疾人生活补贴实施办法的通知》"
        "（粤民规字〔2021〕1号）等文件精神，结合我市实际，制定本实施办法。"
    )
    assert [c.relation for c in find_citations(text)] == ["basis", "basis", "basis"]
