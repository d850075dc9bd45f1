"""Issue 10, round 12 (after sealed_9 was sealed, on spent parts): who a local rule charges
with a duty when it lists levels and sectors (市、区民政、残联要…, 区民政、财政部门应…), a
district's or township's organ printed by its level (区民政部门, 镇（街）), and the closing
clause that says who interprets a rule (本办法由市民政局负责解释), which assigns no task."""

from __future__ import annotations

from tests.unit_roles import unit_roles

CITY_RULE = "广州市困难群众生活补贴实施办法"
CITY_ISSUER = "广州市民政局"


def _roles(text: str, title: str = CITY_RULE, issuer: str = CITY_ISSUER) -> set[tuple[str, str]]:
    return unit_roles(text, title, issuer)


def test_who_interprets_a_rule_is_no_assignment() -> None:
    """Before: 本细则由市科委负责解释 made 市科委 lead a task (j04, j08, i09 annotate none)."""
    text = (
        "第一条 为规范补贴发放，制定本办法。\n"
        "第二条 本办法由市民政局负责解释。\n"
        "第三条 本办法自印发之日起施行，由市财政局、市民政局负责解释。\n"
    )
    assert _roles(text) == set()


def test_a_named_organ_that_interprets_and_does_more_still_leads() -> None:
    """Only interpreting is excepted: an organ 负责 anything else still leads it."""
    text = "第二条 市民政局负责组织实施本办法。\n"
    assert ("LED_BY", "广州市民政局") in _roles(text)


def test_levels_listed_before_the_sectors_give_each_level_each_sector() -> None:
    """Before: 市、区民政、残联要… named no one (j11)."""
    text = "一、职责分工\n（一）市、区民政、残联要充分利用门户网站宣传补贴制度，营造良好氛围。\n"
    roles = _roles(text)
    assert {
        ("LED_BY", "广州市民政部门"),
        ("LED_BY", "区民政部门"),
        ("LED_BY", "广州市残疾人联合会"),
        ("LED_BY", "区残疾人联合会"),
    } <= roles


def test_a_districts_departments_listed_with_a_shared_suffix_lead() -> None:
    """Before: 区民政、财政部门应… and 区民政部门、区残联要… named no one (j11)."""
    text = (
        "一、职责分工\n"
        "（一）区民政、财政部门应于每年1月底报送补贴资金使用清算报告。\n"
        "（二）区民政部门、区残联要按相关规定做好政策衔接，核准发放对象。\n"
    )
    roles = _roles(text)
    assert {
        ("LED_BY", "区民政部门"),
        ("LED_BY", "区财政部门"),
        ("LED_BY", "区残疾人联合会"),
    } <= roles


def test_a_kind_of_organ_without_a_level_is_still_no_unit() -> None:
    """科技计划管理部门要… names a kind of organ, not one (as before)."""
    text = "一、工作要求\n（一）科技计划管理部门要加强项目管理，防范科研失信行为。\n"
    assert _roles(text, "关于加强科研诚信建设的实施意见", "科技部") == set()


def test_township_and_street_offices_printed_short_are_one_collective() -> None:
    """Before: 镇（街）负责受理… named no one (j11 annotates 镇人民政府（街道办事处）)."""
    text = "一、职责分工\n（一）镇（街）负责受理符合条件的补贴资格认定申请，并负责初审。\n"
    assert ("LED_BY", "镇人民政府（街道办事处）") in _roles(text)


def test_projects_others_lead_assign_nothing() -> None:
    """Before: 科研院所等牵头的项目 made 科研院所 lead a task (j01)."""
    text = "7. 支持承担国家科技计划项目。支持科技型中小企业参与龙头骨干企业、高校、科研院所等牵头的项目。\n"
    assert _roles(text, "关于支持科技型中小企业创新发展的若干措施", "科技部") == set()


def test_every_places_department_is_no_one_in_particular() -> None:
    """Before: 地方科技行政管理部门负责… made a unit (j02); 地方各级X部门 stays a collective."""
    text = (
        "十六、加强跟踪评价。地方科技行政管理部门负责协调推动本地区新型研发机构建设发展。\n"
        "十七、强化资金监管。地方各级人社部门应当建立资金发放台账。\n"
    )
    roles = _roles(text, "关于促进新型研发机构发展的指导意见", "科技部")
    assert not any(name.startswith("地方科技") for _, name in roles)


def test_every_levels_departments_of_listed_sectors_are_collectives() -> None:
    """Before: 各级人社、财政部门应当… gave 各级人社 and 财政部门 (f05 annotates 各级人社部门 and
    各级财政部门)."""
    text = "第二十条 各级人社、财政部门应当按照规定开展监督检查。\n"
    roles = _roles(text, "福建省就业补助资金管理办法", "福建省财政厅")
    assert {("LED_BY", "各级人社部门"), ("LED_BY", "各级财政部门")} <= roles


def test_sectors_listed_after_huitong_are_departments_at_the_leads_level() -> None:
    """Before: 会同工业和信息化、商务…等部门 gave one unit, 旅游等部门 (g02)."""
    text = (
        "一、加大金融支持\n（一）实行重点企业融资名单制管理。省发展改革委会同工业和信息化、商务、"
        "文化和旅游等部门梳理受疫情影响较大的企业名单。\n"
    )
    roles = _roles(text, "江西省应对疫情支持中小企业的若干措施", "江西省人民政府办公厅")
    assert {
        ("LED_BY", "江西省发展改革委"),
        ("SUPPORTED_BY", "江西省工业和信息化部门"),
        ("SUPPORTED_BY", "江西省商务部门"),
        ("SUPPORTED_BY", "江西省文化和旅游部门"),
    } <= roles
    assert not any(name.endswith("等部门") for _, name in roles)


def test_a_provinces_notice_passing_on_central_requests_is_the_provinces() -> None:
    """Before: a notice 经省政府同意 that cites 人民银行、财政部 and other central organs was
    read as central, so its 省发展改革委 had no province (g02)."""
    text = (
        "《关于金融支持防控疫情的若干措施》已经省政府同意，现印发给你们，请认真贯彻执行。\n"
        "为贯彻落实中国人民银行、财政部、银保监会、证监会、外汇局《关于进一步强化金融支持防控疫情的通知》"
        "和《江西省人民政府关于有效应对疫情稳定经济增长的通知》，全力支持我省打赢疫情防控阻击战，"
        "现提出如下措施。\n"
        "1.实行重点企业融资名单制管理，由省发展改革委牵头，省商务厅配合。\n"
    )
    roles = _roles(text, "关于金融支持防控疫情的若干措施", "")
    assert ("LED_BY", "江西省发展改革委") in roles


def test_organs_described_by_a_clause_are_no_unit() -> None:
    """Before: 对未完成目标的市委… made 安徽省未完成当年能耗强度降低目标的市委 a unit (e03)."""
    text = (
        "一、保障措施\n（一）强化监督考核。未完成当年能耗强度降低目标的市委要向省委作出书面说明。\n"
    )
    roles = _roles(text, "安徽省节能减排实施方案", "安徽省人民政府")
    assert not any("的" in name for _, name in roles)


def test_the_youth_league_committee_is_named_as_printed() -> None:
    """Before: 团省委 became 江西省团省委 (g01 annotates 团省委)."""
    text = "一、职责分工\n（一）加强宣传。团省委负责针对青年开展婴幼儿照护相关的宣传教育。\n"
    roles = _roles(text, "江西省促进婴幼儿照护服务发展的实施意见", "江西省人民政府办公厅")
    assert roles == {("LED_BY", "团省委")}


def test_governments_at_every_level_are_no_one_in_particular() -> None:
    """Before: 各级政府要… made 各级政府 lead (g01, g03, c03 annotate none)."""
    text = "一、基本原则\n（一）坚持政府主导。各级政府要把婴幼儿照护服务纳入经济社会发展规划。\n"
    roles = _roles(text, "江西省促进婴幼儿照护服务发展的实施意见", "江西省人民政府办公厅")
    assert roles == set()


def test_a_note_after_the_units_in_charge_keeps_the_list() -> None:
    """Before: （A、B按职责分工负责。以下均需地方人民政府负责，不再列出） assigned nothing (i02)."""
    text = (
        "一、提高通关效率\n（一）强化主要航空口岸通关服务保障。\n优化完善主要航空口岸通关保障制度。"
        "（交通运输部、海关总署、中国民航局和各地方人民政府按职责分工负责。以下均需地方人民政府负责，"
        "不再列出）\n"
    )
    roles = _roles(text, "关于进一步促进航空口岸通关便利化的通知", "海关总署")
    assert ("LED_BY", "交通运输部") in roles
    assert ("SUPPORTED_BY", "海关总署") in roles


def test_a_long_list_of_leads_before_their_kind_in_brackets() -> None:
    """Before: only the last 40 characters before 牵头 were read, and （单位） hid the list (i05)."""
    text = (
        "二、部门自查\n省级部门要按照职责分工进行深入自查。督查重点由所涉及的省政府办公厅、住房城乡建设厅、"
        "省发展改革委、环境保护厅、民政厅、文化厅、商务厅、科技厅、农业厅、水利厅、财政厅等省级主管部门"
        "（单位）牵头完成自查报告，其他相关部门（单位）配合。\n"
    )
    roles = _roles(
        text, "四川省人民政府办公厅关于开展政策措施落实情况自查的通知", "四川省人民政府办公厅"
    )
    assert {("LED_BY", "四川省住房城乡建设厅"), ("LED_BY", "四川省财政厅")} <= roles
    assert not any(name.endswith("主管部门") for _, name in roles)


def test_sectors_after_huitong_in_a_rules_article() -> None:
    """Before: 会同发展改革、规划和自然资源等部门 gave one unit, 自然资源等部门 (a rule of articles)."""
    text = "第七条 市住房城乡建设局应会同发展改革、规划和自然资源等部门制定公共租赁住房保障中长期发展规划。\n"
    roles = _roles(text, "广州市公共租赁住房保障办法", "广州市人民政府")
    assert {
        ("LED_BY", "广州市住房城乡建设局"),
        ("SUPPORTED_BY", "广州市发展改革部门"),
        ("SUPPORTED_BY", "广州市规划和自然资源部门"),
    } <= roles


def test_officials_in_charge_and_kinds_of_body_are_no_units() -> None:
    """Before: 由党委和政府负责同志领导的专项小组 made 党委和人民政府 a unit, and 高校和科研院所负责…
    a unit of the kinds of body (c04, j03); 各级党委和政府 is governments at every level."""
    text = (
        "一、加强领导\n（一）各地要设立由党委和政府负责同志领导的专项小组，压实工作责任。\n"
        "（二）高校和科研院所负责基础数学中心的建设和考核评价。\n"
        "（三）各级党委和政府要把乡村振兴摆在优先位置。\n"
    )
    assert _roles(text, "关于做好乡村振兴重点工作的意见", "中共中央") == set()


def test_one_organ_whatever_its_brackets_width() -> None:
    """镇人民政府(街道办事处) and 镇人民政府（街道办事处） were two units."""
    text = (
        "一、职责分工\n（一）镇人民政府(街道办事处)负责受理申请。\n"
        "（二）镇人民政府（街道办事处）负责初审。\n"
    )
    assert _roles(text) == {("LED_BY", "镇人民政府（街道办事处）")}


def test_the_subject_that_bears_the_responsibility_leads() -> None:
    """After sealed_9 was scored: 各县区政府是辖区棚户区改造工作的责任主体 charges 各县区政府 (k09;
    b01 reads 责任主体 so too)."""
    text = (
        "三、重点任务\n2.稳步推进棚户区改造。按照“属地化实施”原则，各县区政府是辖区棚户区改造工作的"
        "责任主体。严格落实棚户区改造配套设施。\n"
    )
    roles = _roles(text, "白银市房地产市场平稳健康发展工作方案", "白银市人民政府办公室")
    assert roles == {("LED_BY", "各县区政府")}
