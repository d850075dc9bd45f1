"""Issue 10, round 6: targets of documents the rules had not seen (the spent part sealed_4).
Sentences are shaped as printed there: reform plans with time adverbials (上半年, 一季度,
五年内), and relief measures whose numbers set instruments (fee rates, down payments, caps,
time limits of procedures) rather than goals."""

from __future__ import annotations

from tests.target_rows import Goal, goal_rows


def _goals(text: str, title: str, date: str | None = None) -> set[Goal]:
    """The targets extracted from text, as (metric, value, unit, comparator, year)."""
    return goal_rows(text, title, "某某市人民政府办公室", date)


REFORM = "某某市关于深化“放管服”改革优化营商环境的重点任务分工方案"
RELIEF = "某某市关于进一步稳住经济增长若干政策措施的通知"


def test_a_time_adverbial_and_its_verb_are_no_part_of_the_metric() -> None:
    """Before: 上半年将审批时间压减至 and 元宵节前规上工业企业复工率 were the metrics."""
    text = (
        "（1）上半年将审批时间压减至120个工作日。\n（2）元宵节前规上工业企业复工率达到90%以上。\n"
    )
    metrics = {g[0] for g in _goals(text, REFORM, "2026-01-20")}
    assert metrics == {"审批时间", "规上工业企业复工率"}


def test_the_end_of_a_year_phrase_and_a_light_verb_are_no_part_of_the_metric() -> None:
    """Before: 前主要申报业务应用率 (the 前 of 2018年底前) and 2018年流量资费实现下降 (a year
    after a list mark was kept)."""
    text = (
        "加大推广应用力度，2018年底前主要申报业务应用率达70%。\n"
        "（5）2018年流量资费实现下降30%以上。\n"
    )
    assert _goals(text, REFORM, "2018-07-11") == {
        ("主要申报业务应用率", 70.0, "%", "=", 2018),
        ("流量资费下降", 30.0, "%", ">=", 2018),
    }


def test_a_span_of_years_sets_no_year_and_the_object_named_before_is_the_metric() -> None:
    """Before: 五年内…压减到5个工作日 had the metric 压减到 and the document's year (年内 was
    read in 五年内); 三年内全市离境退税商店 kept its span and got the plan's year."""
    text = (
        "25.解决不动产登记耗时长问题，五年内把登记时间压缩三分之二以上、压减到5个工作日以内。\n"
        "三年内全市离境退税商店达到200家。\n"
    )
    assert _goals(text, REFORM, "2018-07-11") == {
        ("登记时间", 5.0, "个工作日", "<=", None),
        ("离境退税商店", 200.0, "家", "=", None),
    }


def test_quarters_and_next_year_are_read_from_the_documents_date() -> None:
    """Before: 一季度 gave no year; 明年上半年 the document's own (capped by the title year);
    上半年 after 2019年 in its sentence the document's year."""
    quarter = "一季度新开工重大项目超过74个。\n"
    assert _goals(quarter, "关于奋力实现一季度经济开门红的若干措施", "2026-01-20") == {
        ("新开工重大项目", 74.0, "个", ">", 2026)
    }
    text = (
        "2.明年上半年企业开办时间压缩到8.5个工作日以内。\n"
        "2019年在全国开展工程建设项目审批制度改革，上半年将审批时间压减至120个工作日。\n"
    )
    years = {g[0]: g[4] for g in _goals(text, "2018年" + REFORM, "2018-07-11")}
    assert years == {"企业开办时间": 2019, "审批时间": 2019}


def test_numbers_that_set_a_policy_instrument_are_no_goals() -> None:
    """Before: fee rates, a down payment, a guarantee cap, a procedure's time limit, a
    publicity period, an applicant's past revenue and a changed loan cap were all targets."""
    text = (
        "1.继续降低社保费率，养老保险单位费率从19%降低到16%。\n"
        "2.贷款最低首付比例为20%。\n"
        "3.所有融资担保业务担保费率不超过1.5%，其中单户担保金额500万元及以下。\n"
        "4.实行即报即审，审批时限原则上不超过7个工作日。\n"
        "5.奖励方案在官方网站上公示，公示期为5个工作日。\n"
        "6.申报单位若为工业类企业，上年度营业收入不超过4亿元。\n"
        "7.夫妻双方缴存最高贷款金额由50万元调整为60万元。\n"
        "8.以工代赈项目劳务报酬发放比例不低于15%。\n"
    )
    assert _goals(text, RELIEF, "2022-06-01") == set()


def test_a_time_limit_to_be_cut_is_still_a_goal() -> None:
    """The instrument rule spares a time limit that is itself to be reduced."""
    text = "到2027年，将第二类医疗器械审评平均时限压缩至40个工作日以内。\n"
    assert _goals(text, RELIEF, "2024-03-01") == {
        ("第二类医疗器械审评平均时限", 40.0, "个工作日", "<=", 2027)
    }


def test_the_numbers_of_a_benefit_rule_are_no_goals() -> None:
    """Before: the conditions of 对…的，给予… (裁员率低于5.5%, 组织150家企业及以上), a ratio of
    the amount paid, the tiers after a cap, a payment rate and a service radius were targets."""
    text = (
        "1.对不裁员或少裁员（裁员率低于5.5%）的参保企业，给予失业保险稳岗返还。\n"
        "2.对一季度举办产销对接会（组织150家企业及以上）的行业商协会，按实际发生额的80%进行补贴。\n"
        "3.杰出专家最高200平方米，优秀专家约120平方米，青年后备人才约100平方米。\n"
        "4.对年度应纳税工资薪金30万元以上(科研机构20万元以上)的骨干人才，按规定给予奖励。\n"
        "5.按人口不低于5元标准下拨临时救助备用金。\n"
        "6.打造15分钟就业创业服务圈。\n"
    )
    assert _goals(text, RELIEF, "2026-01-20") == set()


def test_a_qualifier_before_listed_indicators_and_at_least_one() -> None:
    """Before: 全国所有市县的一般登记、抵押登记业务办理时间分别压缩至15个、7个 gave both to
    抵押登记业务办理时间; 至少有1家 was read as = 1."""
    text = (
        "2018年底前全国所有市县的一般登记、抵押登记业务办理时间分别压缩至15个、7个工作日以内。\n"
        "（2）2018年底前确保每个县区至少有1家跨省定点医疗机构。\n"
    )
    goals = _goals(text, REFORM, "2018-07-11")
    assert ("一般登记业务办理时间", 15.0, "个工作日", "<=", 2018) in goals
    assert ("抵押登记业务办理时间", 7.0, "个工作日", "<=", 2018) in goals
    assert any(g[0].endswith("跨省定点医疗机构") and g[3] == ">=" for g in goals)


def test_the_count_of_a_list_to_be_built_and_a_capacity_in_kilovolt_amperes() -> None:
    """Before: 等19个基础设施项目 was read as the count of a list merely named, and 千伏安 was
    no unit (新增变电容量5万千伏安 gave no goal)."""
    text = (
        "力争年内建成投用龙舟运动公园、琵琶滩大桥、市民中心等19个基础设施项目。\n"
        "加快城乡配电网改造，新增变电容量5万千伏安。\n"
    )
    metrics = {(g[0], g[2]) for g in _goals(text, RELIEF, "2022-06-01")}
    assert metrics == {("基础设施项目", "个"), ("新增变电容量", "万千伏安")}


def test_a_threshold_for_a_grant_and_the_starting_point_of_a_change() -> None:
    """Before: 吸纳脱贫劳动力10人以上 (the threshold of a grant) and the 30% of 由30%提高至40%
    (a starting point) were targets."""
    text = (
        "吸纳脱贫劳动力10人以上，将其认定为就业帮扶基地，给予不低于5万元的奖励。\n"
        "预留面向中小企业采购的份额今年阶段性由30%以上提高至40%以上。\n"
    )
    assert {g[1] for g in _goals(text, RELIEF, "2022-06-01")} == {40.0}
