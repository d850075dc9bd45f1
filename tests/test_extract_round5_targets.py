"""Issue 10, round 5: targets and home regions of documents the rules had not seen (the spent
sealed parts). Sentences are shaped as printed in those documents (PDF text keeps stray
spaces around numbers)."""

from __future__ import annotations

from pathlib import Path

from policykg.loaders import parse
from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.loaders.extract.context import build_context
from policykg.loaders.extract.regions import find_regions

Goal = tuple[str, float, str, str, int | None]


def _doc(
    text: str, title: str, issuer: str | None = None, date: str | None = None
) -> ParsedDocument:
    meta = Metadata(title=title, issuer=issuer, date=date)
    return ParsedDocument("mem.txt", "txt", "utf-8", text, meta)


def _goals(document: ParsedDocument) -> set[Goal]:
    return {
        (
            str(p["metric"]),
            float(str(p["value"])),
            str(p["unit"]),
            str(p["comparator"]),
            p["year"] if isinstance(p["year"], int) else None,
        )
        for p in (n.properties for n in extract(document).nodes if n.label == "Target")
    }


NATIONAL = ("国务院关于印发“十四五”节能减排综合工作方案的通知", "国务院")
ANHUI = ("安徽省“十四五”节能减排实施方案", "安徽省人民政府")
SHANDONG_2022 = ("山东省绿色低碳转型 2022 年行动计划", "山东省人民政府办公厅")


def test_an_annual_plan_gives_its_title_year_when_printed_with_spaces() -> None:
    """Before: a PDF title 山东省绿色低碳转型 2022 年行动计划 gave no year, so its 30 goals
    had none."""
    text = "3.实施工业节能工程。实施投资 500 万元以上技改项目超过 1 万个，工业技改投资突破 5000 亿元。\n"
    goals = _goals(_doc(text, *SHANDONG_2022))
    assert ("工业技改投资", 5000.0, "亿元", ">=", 2022) in goals


def test_listed_indicators_of_different_lengths_share_the_measure_of_the_last() -> None:
    """Before: the shared part was cut at the first item's width (化学需氧量物排放总量比2020年),
    and the last item's 以上 spread to items that print none."""
    text = (
        "二、主要目标\n到 2025 年，化学需氧量、氨氮、氮氧化物、挥发性有机物排放总量比 2020 年"
        "分别下降 8%、8%、10%以上、10%以上。\n"
    )
    assert _goals(_doc(text, *NATIONAL)) == {
        ("化学需氧量排放总量", 8.0, "%", "=", 2025),
        ("氨氮排放总量", 8.0, "%", "=", 2025),
        ("氮氧化物排放总量", 10.0, "%", ">=", 2025),
        ("挥发性有机物排放总量", 10.0, "%", ">=", 2025),
    }


def test_a_unit_printed_once_for_a_list_is_every_items() -> None:
    """Before: 降低 20 个、10 个百分点 read the first as 20 个, and the metric of both was
    油墨使用比例分别降低."""
    text = "到 2025 年，溶剂型工业涂料、油墨使用比例分别降低 20 个、10 个百分点。\n"
    assert _goals(_doc(text, *ANHUI)) == {
        ("溶剂型工业涂料使用比例", 20.0, "个百分点", "=", 2025),
        ("油墨使用比例", 10.0, "个百分点", "=", 2025),
    }


def test_items_that_all_reach_one_number_are_one_goal_each() -> None:
    """Before: 化肥、农药利用率均达到43%以上 gave one goal, on 农药利用率均."""
    text = "到 2025 年，主要农作物化肥、农药利用率均达到 43%以上。\n"
    assert _goals(_doc(text, *ANHUI)) == {
        ("主要农作物化肥利用率", 43.0, "%", ">=", 2025),
        ("农药利用率", 43.0, "%", ">=", 2025),
    }


def test_listed_whole_indicators_keep_their_own_names() -> None:
    """Before: 秸秆综合利用率、畜禽粪污综合利用率分别稳定在 95%和 90%以上 gave 畜禽粪污综合
    利用率分别和90%以上 (the space after 和 let the next number into the metric)."""
    text = (
        "12.实施农业农村节能减排工程。2022 年农作物秸秆综合利用率、畜禽粪污综合利用率"
        "分别稳定在 95%和 90%以上。\n"
    )
    assert _goals(_doc(text, *SHANDONG_2022)) == {
        ("农作物秸秆综合利用率", 95.0, "%", ">=", 2022),
        ("畜禽粪污综合利用率", 90.0, "%", ">=", 2022),
    }


def test_listed_years_pair_with_listed_numbers() -> None:
    """Before: 2025 年和 2030 年，…分别提升至 15%、20%以上 gave both goals no year."""
    text = "大力支持电炉短流程工艺发展。2025 年和 2030 年，全国短流程炼钢占比分别提升至 15%、20%以上。\n"
    assert _goals(_doc(text, "关于印发《减污降碳协同增效实施方案》的通知", "生态环境部")) == {
        ("全国短流程炼钢占比", 15.0, "%", ">=", 2025),
        ("全国短流程炼钢占比", 20.0, "%", ">=", 2030),
    }


def test_urban_and_rural_incomes_are_two_goals() -> None:
    """Before: 城乡居民人均可支配收入分别增长… gave two goals on 城乡居民人均可支配收入分别."""
    text = "二、2026年主要目标\n城乡居民人均可支配收入分别增长7%和8%左右。\n"
    metrics = {
        g[0] for g in _goals(_doc(text, "2026年西藏自治区政府工作报告", "西藏自治区人民政府"))
    }
    assert metrics == {"城镇居民人均可支配收入", "农村居民人均可支配收入"}


def test_a_first_comparator_holds_for_the_list() -> None:
    """Before: 分别超过2%、5% gave the 5% goal the comparator =."""
    text = "到2030年，文化产业、旅游产业增加值占地区生产总值比重分别超过2%、5%。\n"
    comparators = {g[3] for g in _goals(_doc(text, "甘肃省某某规划", "甘肃省人民政府"))}
    assert comparators == {">"}


def test_per_day_capacities_and_coal_use_per_kilowatt_hour_keep_their_units() -> None:
    """Before: 2000 万立方米/日 was 2000 万立方米 on the metric 新增污水处理能力/日; 295 克标煤/
    千瓦时 was no goal."""
    text = (
        "到 2025 年，新增污水处理能力 2000 万立方米/日，城镇生活垃圾焚烧处理能力达到 80 万吨/日左右。"
        "到 2025 年，火电平均供电煤耗降至 295 克标煤/千瓦时。\n"
    )
    assert _goals(_doc(text, *NATIONAL)) == {
        ("新增污水处理能力", 2000.0, "万立方米/日", "=", 2025),
        ("城镇生活垃圾焚烧处理能力", 80.0, "万吨/日", "~", 2025),
        ("火电平均供电煤耗", 295.0, "克标煤/千瓦时", "=", 2025),
    }


def test_a_compared_with_year_and_a_share_are_no_part_of_the_metric() -> None:
    """Before: 单位工业增加值能耗较2020年下降 and 新能源汽车新车销售量达到汽车新车销售总量的
    were the printed metrics."""
    text = (
        "到2023年，单位工业增加值能耗较2020年下降8.8%。"
        "到 2025 年，新能源汽车新车销售量达到汽车新车销售总量的 20%左右。\n"
    )
    metrics = {
        g[0] for g in _goals(_doc(text, "青岛市某某三年行动计划（2021-2023年）", "青岛市人民政府"))
    }
    assert metrics == {"单位工业增加值能耗下降", "新能源汽车新车销售量占汽车新车销售总量比例"}


def test_a_bare_year_of_an_annual_plan_opens_that_years_goals() -> None:
    """Before: 2022年，全省公共机构…同比分别下降 in the 2022 plan was read as a statement of
    what was done (no goal)."""
    text = (
        "13.实施公共机构能效提升工程。2022年，全省公共机构单位建筑面积能耗、人均综合能耗"
        "同比分别下降 1.0%、1.2%。\n"
    )
    assert _goals(_doc(text, *SHANDONG_2022)) == {
        ("公共机构单位建筑面积能耗", 1.0, "%", "=", 2022),
        ("人均综合能耗", 1.2, "%", "=", 2022),
    }


def test_a_plan_period_still_to_come_sets_its_end_year() -> None:
    """Before: “十四五”期间，完成植树造林 90 万亩 in a 2021 notice was no goal; a period
    already past (“十三五”期间) still sets none."""
    title = "三明市人民政府办公室关于实施林业碳汇行动的通知"
    text = "“十四五”期间，完成植树造林 90 万亩。“十三五”期间，完成森林抚育 200 万亩。\n"
    goals = _goals(_doc(text, title, "三明市人民政府办公室", "2021-06-01"))
    assert goals == {("植树造林", 90.0, "万亩", "=", 2025)}
    # Undated, a “十四五” plan speaks of its own period.
    text = "“十四五”时期，规模以上工业单位增加值能耗下降 15%。\n"
    assert _goals(_doc(text, *ANHUI)) == {("规模以上工业单位增加值能耗下降", 15.0, "%", "=", 2025)}


def test_a_selection_verb_is_no_part_of_the_metric() -> None:
    """Before: 遴选 6 家左右…试点 gave the metric 遴选开发（EOD）模式试点."""
    text = "遴选 6 家左右第二批省级生态环境导向的开发（EOD）模式试点。\n"
    assert {g[0] for g in _goals(_doc(text, *SHANDONG_2022))} == {"开发（EOD）模式试点"}


PINGTAN = (
    "岚综管办〔2015〕70号平潭综合实验区管委会办公室关于印发《平潭综合实验区2015年宜居环境建设"
    "行动计划实施方案》的通知。一、主要目标：完成11个村庄整治。完成如意路（天大山东路-金井五路）、"
    "平岚岭道路（如意纵一路-天大山东路）、天大山东路道路等14条市政道路建设。\n"
)


def test_a_comprehensive_zone_named_in_the_title_is_the_documents_home() -> None:
    """Before: 平潭综合实验区 was no park and the street 天大山东路 made the plan 山东省's."""
    title = "关于印发《平潭综合实验区2015年宜居环境建设行动计划实施方案》的通知"
    ctx = build_context(_doc(PINGTAN, title, "中国平潭"), "x")
    assert ctx.park is not None and ctx.park.name == "平潭综合实验区"
    assert ctx.region is not None and ctx.region.name == "平潭县"
    assert ctx.level == "park"
    # 关于印发 before a park's name is no part of it.
    ctx = build_context(
        _doc(PINGTAN, "关于印发平潭综合实验区社会信用体系建设规划的通知", "中国平潭"), "x"
    )
    assert ctx.park is not None and ctx.park.name == "平潭综合实验区"


def test_a_place_naming_a_street_or_a_firm_is_no_home_and_no_mention() -> None:
    """Before: 天大山东路 (a street) was a mention of 山东省 and made the document 山东省's."""
    assert find_regions("如意路（天大山东路-金井五路）、南京东路和中山大道") == []
    assert find_regions("推进新建区域用地") == []  # 区域, not the county 新建区
    assert [h.region.name for h in find_regions("支持山东发展")] == ["山东省"]
    text = (
        "完成如意路（天大山东路-金井五路）、天大山东路道路建设，由国网山东省电力公司、"
        "山东高速集团有限公司配合。\n"
    )
    ctx = build_context(_doc(text, "关于做好道路建设工作的通知", "某某管委会"), "x")
    assert ctx.region is None


def test_a_letter_spaced_pdf_title_is_read_without_its_spaces(tmp_path: Path) -> None:
    """Before: 广 州 市 黄 埔 区 … 办 法 (a PDF title set letter-spaced) named no place and no
    kind, so a zone's subsidy rules had no home and their conditions were goals. A title with
    spaces between its issuers keeps them."""
    path = tmp_path / "spaced.txt"
    path.write_text(
        "广 州 市 黄 埔 区 广 州 开 发 区 广 州 高 新 区促 进 绿 色 低 碳 发 展 办 法\n"
        "第一条 对年综合能源消费总量下降 200 吨标准煤以上，或产值增长 25%以上的企业，"
        "按节能量给予补贴。\n",
        encoding="utf-8",
    )
    document = parse(path)
    assert document.metadata.title == "广州市黄埔区广州开发区广州高新区促进绿色低碳发展办法"
    ctx = build_context(document, "x")
    assert ctx.park is not None and ctx.park.name == "广州开发区" and ctx.level == "park"
    assert _goals(document) == set()
    path.write_text(
        "广州市黄埔区 广州开发区 广州高新区促进绿色低碳发展办法\n第一条 总则。\n", "utf-8"
    )
    assert parse(path).metadata.title == "广州市黄埔区 广州开发区 广州高新区促进绿色低碳发展办法"


def test_a_modifier_of_the_shared_measure_is_shared_too() -> None:
    """Before: 人参、食用菌全产业链产值分别达到… gave 人参菌全产业链产值 (cut at the first
    item's width), and after the shared measure was found, 人参产值 (全产业链 left behind)."""
    text = "二、2026年主要目标\n人参、食用菌全产业链产值分别达到1230亿元、120亿元。\n"
    metrics = {g[0] for g in _goals(_doc(text, "2026年吉林省政府工作报告", "吉林省人民政府"))}
    assert metrics == {"人参全产业链产值", "食用菌全产业链产值"}


def test_a_subsidised_kind_of_training_is_no_subsidy_amount() -> None:
    """Before: 补贴性职业技能培训超30万人次 was read as a subsidy (补贴 before the number)."""
    title, issuer = "2026年广东省政府工作报告", "广东省人民政府"
    text = "五、为劳动者提供普惠就业公共服务\n开展补贴性职业技能培训超30万人次。\n"
    assert _goals(_doc(text, title, issuer)) == {("补贴性职业技能培训", 30.0, "万人次", ">", 2026)}
    assert _goals(_doc("对参训企业给予补贴300万元。\n", title, issuer)) == set()


def test_a_round_count_written_as_a_word_after_its_verb_is_a_goal() -> None:
    """Before: 突破百项前沿关键核心技术, 打造百家领军企业 (百 as the number) gave no goal; idioms
    (百家争鸣, 千家万户) stay none."""
    text = (
        "二、主要目标\n到2025年，突破百项前沿关键核心技术，打造百家领军企业，"
        "形成百家争鸣的局面，走进千家万户。\n"
    )
    title = "工业和信息化部等七部门关于推动未来产业创新发展的实施意见"
    assert _goals(_doc(text, title, "工业和信息化部")) == {
        ("前沿关键核心技术", 100.0, "项", ">=", 2025),
        ("领军企业", 100.0, "家", "=", 2025),
    }
