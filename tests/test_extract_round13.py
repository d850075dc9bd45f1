"""Issue 10, round 13 (after sealed_10 was sealed, on spent parts): norms a text sets for
others are no goals — a limit printed with 不得, 原则上 or 一般 (项目参与单位一般不超过2个,
首付比例不得低于50%), a threshold of who qualifies (工程投资额在100万元以下的) — while a goal
with 控制在 / 稳定在 stays one; and a sector list without a level (发改、财政、工信等部门要…)
charges each sector's department of the document's own government."""

from __future__ import annotations

from pathlib import Path

from policykg.loaders import parse
from policykg.loaders.extract import extract
from tests.target_rows import target_metrics
from tests.unit_roles import unit_roles

PLAN = "白银市房地产市场平稳健康发展实施方案"
CITY = "白银市人民政府办公室"


def _metrics(text: str) -> set[str]:
    return target_metrics(text, PLAN, CITY, "2022-06-01")


def test_limits_printed_as_rules_are_no_goals() -> None:
    """Before: 首次缴纳比例不得 <= 50% (k09), 同一项目…预售价格原则上不得 > 10% (k08), 项目参与
    单位一般 <= 2个 (j09), 在研项目（课题）总数不得 > 2个 (k16) were targets."""
    text = (
        "到2022年，首次缴纳比例不得低于全部土地出让价款的50%。\n"
        "同一项目下一批次备案预售价格原则上不得高于上一批次同类型房屋销售价格的10%。\n"
        "到2022年，首付比例不得低于30%。\n"
        "到2024年，项目参与单位一般不超过2个。\n"
        "到2018年，国家重点研发计划在研项目（课题）总数不得超过2个。\n"
        "到2025年，每处建筑面积原则上不少于1000平方米。\n"
    )
    assert _metrics(text) == set()


def test_goals_beside_such_limits_stay() -> None:
    """A goal's own words (控制在, 不超过 without 不得/原则上/一般) are untouched, and a 一般 that
    is part of the metric (一般公共预算收入) is no rule."""
    text = (
        "到2025年，城镇调查失业率控制在5.5%以内，单位地区生产总值能耗不超过0.3吨标准煤。\n"
        "2026年一般公共预算收入增长4%左右。\n"
    )
    assert len(_metrics(text)) == 3


def test_a_threshold_of_who_qualifies_is_no_goal() -> None:
    """Before: 工程投资额在 <= 100万元 (k12) and 营业面积在 >= 100平方米 (h06) were targets."""
    text = (
        "到2027年，工程投资额在100万元以下（含）或建筑面积在300平方米以下（含）的餐饮门店装修，"
        "无需办理施工许可。\n"
        "在美食街内新开设特色美食餐厅，营业面积在100平方米以上，经营满一年的，给予支持。\n"
    )
    assert _metrics(text) == set()


def test_a_level_kept_with_a_verb_before_it_is_a_goal() -> None:
    """稳定在 / 保持在 / 控制在 … 以上 are goals, 在 and all."""
    text = "到2025年，粮食产量稳定在1300万吨以上，全市森林覆盖率保持在76.8%以上。\n"
    assert len(_metrics(text)) == 2


COUNTY_PLAN = "柳河县重点产业发展实施方案"
COUNTY = "柳河县人民政府"


def test_sectors_listed_without_a_level_are_the_documents_own_departments() -> None:
    """Before: 发改、财政、工信、科技等部门要… named no one (h07). A kind of department is named
    as printed, under the document's region (as 区民政部门 is)."""
    text = (
        "四、保障措施\n"
        "（一）发改、财政、工信、科技等部门要全力做好国家相关政策与重点产业发展对接。\n"
    )
    roles = unit_roles(text, COUNTY_PLAN, COUNTY)
    assert {name for kind, name in roles if kind == "LED_BY"} == {
        "发改部门",
        "财政部门",
        "工信部门",
        "科技部门",
    }


def test_a_list_of_bodies_that_are_no_sectors_names_no_one() -> None:
    """企业、高校等单位要… are no government departments."""
    text = "（二）企业、高校等单位要加强合作。\n（三）银行、保险等机构要加大信贷支持。\n"
    assert unit_roles(text, COUNTY_PLAN, COUNTY) == set()


def test_a_central_texts_sector_list_names_no_organ() -> None:
    """In a central document 教育、卫生健康等部门 are every level's departments (a02): no unit."""
    text = "（一）教育、卫生健康、新闻出版等部门要明确要求教育、医疗等单位完善内控制度。\n"
    title = "关于进一步加强科研诚信建设的若干意见"
    assert unit_roles(text, title, "中共中央办公厅 国务院办公厅") == set()


def test_a_baseline_and_the_word_for_a_cap_are_no_part_of_a_metric() -> None:
    """Before: 市本级住宅土地供应量在原有年度供地计划基础上增加 (k08) and 二手住宅销售价格涨幅控制目标
    (k09) were metrics; 较2020年 was already dropped, as 在…基础上 now is."""
    text = (
        "力争三年内市本级住宅土地供应量在原有年度供地计划基础上增加20%以上。\n"
        "到2022年，二手住宅销售价格涨幅控制目标为7.6%。\n"
    )
    assert _metrics(text) == {"市本级住宅土地供应量增加", "二手住宅销售价格涨幅"}


def test_people_served_are_named_with_the_service_not_the_verb() -> None:
    """Before: 为特殊困难老年人家庭开展适老化改造 (k06) and 残疾人提供基本康复服务 (d17) were
    metrics."""
    text = (
        "2023年为不少于2.2万户特殊困难老年人家庭开展适老化改造。\n"
        "到2026年，为10万名残疾人提供基本康复服务。\n"
    )
    assert _metrics(text) == {"特殊困难老年人家庭适老化改造", "残疾人基本康复服务"}


RULE = "广州市老年人助餐配餐服务管理办法"


def test_an_organ_named_after_by_in_a_rule_of_items_does_what_follows() -> None:
    """Before: 由区民政部门进行编号管理 and 由区民政部门按有关规定处理 (c21) named no one."""
    text = (
        "一、服务设施\n"
        "（一）长者饭堂统一命名，由区民政部门进行编号管理。\n"
        "二、监督管理\n"
        "（一）对冒用他人社会保障卡的，由区民政部门按有关规定处理并进行批评教育。\n"
        "（二）建设经费由区财政负担。\n"
    )
    assert unit_roles(text, RULE, "广州市民政局") == {("LED_BY", "区民政部门")}


def test_a_flattened_text_opening_on_its_number_has_that_number(tmp_path: Path) -> None:
    """Before: l10 (a CSV record's content, one run) had no 文号, no issuer and level national,
    so every 市X局 stood without its city."""
    path = tmp_path / "flat.txt"
    path.write_text(
        "漳政综〔2019〕62号各县（市、区）人民政府，漳州高新区管委会，市直各单位：　　现将《漳州市"
        "支持工业招商引资若干措施》印发给你们，请认真贯彻执行。　　漳州市人民政府　　2019年10月12日",
        encoding="utf-8",
    )
    document = parse(path)
    assert document.metadata.doc_number == "漳政综〔2019〕62号"


def test_a_number_cited_at_the_start_of_a_sentence_is_not_the_documents(tmp_path: Path) -> None:
    """Only a 文号 directly before the addressees is the document's own."""
    path = tmp_path / "cited.txt"
    path.write_text("国发〔2018〕4号文件要求，各地加强基础研究。\n", encoding="utf-8")
    assert parse(path).metadata.doc_number is None


def _led_by(path: Path) -> set[tuple[str, str]]:
    extraction = extract(parse(path))
    names = {n.id: str(n.properties.get("name")) for n in extraction.nodes}
    return {(names[r.start], names[r.end]) for r in extraction.relationships if r.type == "LED_BY"}


def test_a_flattened_records_indented_measures_are_tasks_of_their_own(tmp_path: Path) -> None:
    """Before: l04's measures, one run separated by ideographic indents, all went to the
    group heading (深化工业污染治理) with every bracket's units."""
    measures = "".join(
        f"　　{title}。{'推进相关工作，加强监督检查，确保取得实效。' * 20}（省{lead}牵头，省生态环境厅参与）"
        for title, lead in (
            ("加大落后产能淘汰和过剩产能压减力度", "工信厅"),
            ("推进园区循环化改造", "发改委"),
            ("强化工业企业无组织排放管控", "商务厅"),
        )
    )
    path = tmp_path / "flat.txt"
    path.write_text(
        "闽政〔2018〕25号各市、县（区）人民政府，省人民政府各部门：　　现将方案印发给你们，请认真贯彻执行。"
        f"　　一、深化工业污染治理{measures}",
        encoding="utf-8",
    )
    led = _led_by(path)
    assert any(
        task.startswith("加大落后产能") and unit == "福建省工业和信息化厅" for task, unit in led
    )
    assert not any(task.startswith("加大落后产能") and unit == "福建省商务厅" for task, unit in led)


def test_an_awards_eligibility_by_last_years_figures_is_no_goal() -> None:
    """Before: 上一年度纳入我区统计核算的营业收入6000万元以上 and 注册资本1亿元以上 (l15, l10) were
    targets (上年度 already was no goal)."""
    text = (
        "1.现代物流业：上一年度纳入我区统计核算的营业收入6000万元以上;上一年度在我区纳税总额不低于1000万元。\n"
        "（一）重大工业项目基本条件：企业注册资本1亿元人民币以上，同时企业投资项目需列入市级以上重点项目库。\n"
    )
    assert _metrics(text) == set()


def test_a_year_earlier_in_the_paragraph_frames_the_changes_after_it() -> None:
    """Before: 与2017年相比，全省铁路货运量增加164万吨 under 到2020年，… (l06) was no target: the
    year stood in the sentence before."""
    text = (
        "（二）工作目标\n到2020年，全省货物运输结构明显优化。与2017年相比，全省铁路货运量增加164万吨；"
        "水路货运量增加2500万吨。\n"
    )
    assert _metrics(text) >= {"铁路货运量增加", "水路货运量增加"}


def test_a_second_change_of_one_indicator_is_named_without_the_first_verb() -> None:
    """Before: 铁路货运量增加164万吨、增长5.2% gave 铁路货运量增加增长 (l06)."""
    text = "到2020年，全省铁路货运量增加164万吨、增长5.2%。\n"
    assert _metrics(text) == {"铁路货运量增加", "铁路货运量增长"}
