"""Target rules learnt on real documents, each checked on sentences written for the test."""

from __future__ import annotations

import pytest

from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract


def goals(text: str, title: str = "某某方案", issuer: str = "亳州市人民政府") -> list[tuple]:
    """(metric, comparator, value, unit, year) of every target, in text order."""
    doc = ParsedDocument("mem.txt", "txt", "utf-8", text, Metadata(title, issuer=issuer))
    found = [n.properties for n in extract(doc).nodes if n.label == "Target"]
    return [(p["metric"], p["comparator"], p["value"], p["unit"], p.get("year")) for p in found]


def test_an_annual_document_sets_its_goals_for_its_year() -> None:
    text = "一、重点任务\n力争新增城镇就业岗位3000个。"
    assert goals(text, title="某县2024年度就业促进工作方案")[0][4] == 2024
    assert goals(text, title="某县就业促进工作方案")[0][4] is None


def one(text: str, **kw: str) -> tuple:
    (found,) = goals(text, **kw)
    return found


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("今年粮食总产量稳定在95亿斤。", 95, "亿斤"),
        ("全年开展食品抽检超3万批次。", 3, "万批次"),
        ("全年举办技能竞赛120场次。", 120, "场次"),
        ("全年开行中欧班列800列以上。", 800, "列"),
        ("全年新开发社区教育课程60门。", 60, "门"),
        ("全年组建志愿服务队伍40支。", 40, "支"),
        ("全年盘活闲置宅基地5000宗。", 5000, "宗"),
        ("力争将项目审批时限压缩至15个工作日以内。", 15, "个工作日"),
        ("全年筹集保障性租赁住房3万套（间）。", 3, "万套（间）"),
        ("到2030年，全员劳动生产率达到25万元/人。", 25, "万元/人"),
        # Round 3, plans of Shanghai districts and a provincial report (real shapes):
        ("到2030年，路网密度达到4.15公里/平方公里。", 4.15, "公里/平方公里"),
        ("全年完成里弄全项目修缮80万平米。", 80, "万平米"),
        ("全年建成幸福河湖10条（段）。", 10, "条（段）"),
    ],
)
def test_units_seen_in_reports(text: str, value: float, unit: str) -> None:
    found = one(text, title="2025年某省政府工作报告")
    assert (found[2], found[3]) == (value, unit)


def test_less_than_is_at_most_and_a_list_shares_its_last_comparator() -> None:
    assert one("到2030年，年均因灾死亡率<1.5%。")[1] == "<="
    shared = goals("到2027年，稻谷、小麦、玉米产量分别达到120万吨、80万吨、60万吨以上。")
    assert [(g[0], g[1], g[2]) for g in shared] == [
        ("稻谷产量", ">=", 120), ("小麦产量", ">=", 80), ("玉米产量", ">=", 60),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "metric", "comparator"),
    [
        ("到2026年，低保标准不低于当地最低工资标准的40%。", "低保标准", ">="),
        ("到2026年，药品抽检量超每万人12批次。", "药品抽检量", ">"),
        ("到2026年，为每个县至少培育2家示范合作社。", "示范合作社", ">="),
    ],
)
def test_a_comparator_apart_from_its_number(text: str, metric: str, comparator: str) -> None:
    found = one(text)
    assert (found[0], found[1]) == (metric, comparator)


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("今年开展适老化职业技能培训超2万人次。", "适老化职业技能培训"),
        ("今年为困难家庭提供上门护理服务3000户次。", "上门护理服务"),
        ("今年新增人工智能、数字创意等重点实验室12个。", "重点实验室"),
        ("今年引育8家以上拥有自主知识产权的科技领军企业。", "科技领军企业"),
        ("今年在武汉、襄阳等地建设6个区域应急物资储备库。", "区域应急物资储备库"),
        ("今年新增城乡公交线路共150条。", "新增城乡公交线路"),
        ("今年民营资本参股比例不低于15%并逐步提高。", "民营资本参股比例"),
        ("今年推动20个县（市、区）整县推进污水治理。", "县（市、区）整县推进污水治理"),
    ],
)
def test_the_metric_is_the_indicator_without_verbs_places_and_examples(
    text: str, metric: str
) -> None:
    assert one(text, title="2025年某省政府工作报告")[0] == metric


def test_a_year_opening_a_clause_is_the_goals_year_and_the_metric_carries_over() -> None:
    found = goals("到2024年，力争每千人口执业医师数达到3.2人，2026年达到3.5人。")
    assert [(g[0], g[2], g[4]) for g in found] == [
        ("每千人口执业医师数", 3.2, 2024), ("每千人口执业医师数", 3.5, 2026),
    ]  # fmt: skip


def test_a_table_row_names_the_indicator_of_its_value_cell() -> None:
    text = "一、监测指标\n基础指标 | 3.老年人健康管理率 | 2024年达到70%，力争2026年达到75%。\n"
    found = goals(text)
    assert [(g[0], g[2], g[4]) for g in found] == [
        ("老年人健康管理率", 70, 2024), ("老年人健康管理率", 75, 2026),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "今年加快推进武汉、宜昌等8个国家物流枢纽建设。",  # the count of a named list
        "今年落实“科技创新20条”，打造“10分钟健身圈”。",  # names in quotes
        "今年开通24小时心理援助热线。",  # round the clock
        "今年为70周岁以上老年人免费体检。",  # an age
        "今年将孤儿基本生活费从每人每月1800元提高到1900元。",  # a benefit
        "今年安排省级专项资金50亿元。",  # a fund
        "今年淘汰30万千瓦以下煤电机组。",  # a size class
        "今年关停5万千瓦及以下小火电机组。",  # a size class
        "承租人可申请最长6个月的过渡期。",  # a limit
    ],
)
def test_numbers_that_are_no_goal(text: str) -> None:
    assert goals(text, title="2025年某省政府工作报告") == []


def test_a_regulation_sets_no_goals_an_assessment_scheme_does() -> None:
    text = "到2025年，公共租赁住房保障家庭达到2万户。"
    assert goals(text, title="某市公共租赁住房管理办法") == []
    assert goals(text, title="关于印发某市临时救助实施细则（试行）的通知") == []
    assert goals(text, title="某县2025年度住房保障工作考核细则")


def test_a_glossary_at_the_end_holds_no_goals() -> None:
    text = "一、2025年工作安排\n今年新增就业50万人。\n附件\n名词解释\n1.“四纵四横”：4条纵向、4条横向通道。\n"
    assert [g[0] for g in goals(text, title="2025年某省政府工作报告")] == ["新增就业"]


def test_a_plan_counts_actions_with_numbers_unless_the_sentence_reports_a_year() -> None:
    text = "1.完成老旧小区改造45个。\n2.2024年，全区完成老旧小区改造30个。\n"
    assert [g[2] for g in goals(text, title="某区2025年度城市更新工作计划")] == [45]
    assert goals(text, title="某区城市更新工作情况的通报") == []


def test_a_park_is_the_scope_only_in_its_own_clause() -> None:
    text = "到2025年，亳州高新区新增企业20家，全市新增就业2万人。"
    doc = ParsedDocument(
        "mem.txt", "txt", "utf-8", text, Metadata("某某方案", issuer="亳州市人民政府")
    )
    extraction = extract(doc)
    names = {n.id: n.properties.get("name") for n in extraction.nodes}
    metric = {n.id: n.properties.get("metric") for n in extraction.nodes}
    scope = {metric[r.start]: names[r.end] for r in extraction.relationships if r.type == "FOR"}
    assert scope == {"亳州高新区新增企业": "亳州高新技术产业开发区", "新增就业": "亳州市"}


def test_an_indicator_table_one_cell_per_line_gives_one_goal_per_row() -> None:
    text = (
        "专栏1　“十四五”时期主要指标\n序号\n指　　标\n预期值\n属性\n"
        "1\n农田灌溉水有效利用系数\n提高0.03\n预期性\n"
        "2\n万元工业增加值用水量\n下降16%\n约束性\n"
        "3\n城市公共供水管网漏损率\n<9%\n约束性\n"
        "二、主要任务\n"
    )
    found = goals(text, title="某省“十四五”水安全保障规划")
    assert found == [
        ("农田灌溉水有效利用系数提高", "=", 0.03, "", 2025),
        ("万元工业增加值用水量下降", "=", 16, "%", 2025),
        ("城市公共供水管网漏损率", "<=", 9, "%", 2025),
    ]


def test_an_indicator_table_in_rows_takes_its_last_year_column_not_the_baseline() -> None:
    text = (
        "| 类别 | 指标 | 2020年 | 2025年 | 属性 |\n"
        "| 创新 | 研发经费投入强度（%） | 2.1 | 2.8 | 预期性 |\n"
        "| 民生 | 城镇新增就业（万人） | 60 | >300 | 预期性 |\n"
    )
    found = goals(text, title="某省国民经济和社会发展第十四个五年规划纲要")
    assert [(g[0], g[1], g[2], g[4]) for g in found] == [
        ("研发经费投入强度（%）", "=", 2.8, 2025),
        ("城镇新增就业（万人）", ">", 300, 2025),
    ]


def test_two_quantities_joined_by_and_each_name_their_own_object() -> None:
    found = goals("到2025年，改扩建现有12个县级救灾物资储备库和30个乡镇储备点。")
    assert [(g[0], g[2]) for g in found] == [("县级救灾物资储备库", 12), ("乡镇储备点", 30)]


@pytest.mark.parametrize(
    "text",
    [
        "到2025年，健康档案建档率=建档人数/常住人口×100%。",  # a formula
        "到2025年，如按家庭收入的10%计租的，按规定核减。",  # a condition
        "到2025年，承租人可申请不超过6个月的过渡期。",  # a period
        "到2025年，新增12个城市体检指标，沿用61个全国基础性指标。",  # the text's own indicators
        "到2025年，示范社区人口规模宜为3000-8000人。",  # a recommended size
    ],
)
def test_more_numbers_that_are_no_goal(text: str) -> None:
    assert goals(text) == []


def test_a_plan_with_one_goals_section_sets_its_horizon_for_yearless_goals() -> None:
    plan = (
        "一、主要目标\n到2026年，全市新增高新技术企业300家。\n"
        "二、重点任务\n1.提升审批效率。力争将审批时限压缩至10个工作日以内。\n"
    )
    assert [g[4] for g in goals(plan)] == [2026, 2026]
    bundle = plan + "三、主要目标\n到2028年，新增科技型中小企业500家。\n"
    assert [g[4] for g in goals(bundle)] == [2026, None, 2028]


def test_a_reports_unnumbered_parts_review_the_past_and_set_the_plans_years() -> None:
    """A government work report whose parts are headed by unnumbered lines (the spent sealed
    part's c29, real shapes): the review's figures are no goals, and its “全年目标任务” does
    not set the year of the 十五五 goals that follow; those are the plan's (2030), this
    year's work its own (2026)."""
    text = (
        "各位代表：\n“十四五”时期工作回顾\n"
        "——这是追赶进位的五年。全省地区生产总值达到13697.5亿元，年均增长5.8%。\n"
        "刚刚过去的2025年，全省上下迎难而上，顺利完成全年目标任务。\n"
        "“十五五”时期的主要目标任务\n"
        "“十五五”时期，要努力实现以下目标任务：\n"
        "一是高质量发展水平明显提升。全省地区生产总值年均增长5%以上。\n"
        "2026年重点工作\n"
        "今年经济社会发展的主要预期目标是：城镇调查失业率5.5%左右。\n"
    )
    found = goals(text, title="2026年甘肃省政府工作报告", issuer="甘肃省人民政府")
    assert [(value, unit, year) for _, _, value, unit, year in found] == [
        (5, "%", 2030),
        (5.5, "%", 2026),
    ]
    assert "地区生产总值" in found[0][0] and found[1][0] == "城镇调查失业率"


def test_a_reports_plan_goals_keep_the_plans_year() -> None:
    """A 2026 report's 三、“十五五”时期主要目标任务 (the spent sealed_2 part's d17, real shape):
    到2030年 frames the goals of the next sentence, which are the plan's, not the report's year."""
    text = (
        "二、2026年重点工作\n今年全省城镇新增就业20万人以上。\n"
        "三、“十五五”时期主要目标任务\n"
        "（一）“十五五”发展目标。到2030年，高质量发展明显进位。主要目标包括：地区生产总值年均增长5%以上，"
        "常住人口城镇化率69%。\n"
    )
    found = goals(text, title="2026年吉林省政府工作报告", issuer="吉林省人民政府")
    assert [(value, unit, year) for _, _, value, unit, year in found] == [
        (20, "万人", 2026),
        (5, "%", 2030),
        (69, "%", 2030),
    ]
