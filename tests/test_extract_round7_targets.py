"""Issue 10, round 7: targets as printed in the spent parts, in forms that recur across
documents. Each sentence is copied from a spent corpus document (its id in the docstring)."""

from __future__ import annotations

from tests.target_rows import Goal, goal_rows


def _goals(text: str, title: str, date: str | None = None) -> set[Goal]:
    """The targets extracted from text, as (metric, value, unit, comparator, year)."""
    return goal_rows(text, title, "某某省人民政府", date)


REPORT = "2026年某某省政府工作报告"
REFORM = "某某省深化“放管服”改革重点任务分工方案"


def test_a_count_of_bodies_that_act_is_named_by_what_they_do() -> None:
    """c30, f01, c26: the number counts places or bodies doing something (ANNOTATION.md:
    开展全域幸福河湖建设的县（市、区）). Before: 县（市、区）开展全域幸福河湖建设, 政务服务事项实现
    “一窗”分类受理, 在城市开展试评价."""
    text = (
        "推动建设超100条幸福河湖，超5个县（市、区）开展全域幸福河湖建设。\n"
        "争取100个以上项目纳入国家用地保障范围。\n"
    )
    assert _goals(text, REPORT, "2026-01-31") == {
        ("幸福河湖", 100.0, "条", ">", 2026),
        ("开展全域幸福河湖建设的县（市、区）", 5.0, "个", ">", 2026),
        ("纳入国家用地保障范围的项目", 100.0, "个", ">=", 2026),
    }
    text = (
        "2018年底前构建营商环境评价机制，在22个城市开展试评价。\n"
        "2018年底前实现市县级政务服务事项进驻综合性实体政务大厅比例不低于70%，"
        "50%以上政务服务事项实现“一窗”分类受理。\n"
    )
    assert {g[0] for g in _goals(text, REFORM, "2018-08-05")} == {
        "开展试评价的城市",
        "市县级政务服务事项进驻综合性实体政务大厅比例",
        "实现“一窗”分类受理的政务服务事项",
    }


def test_the_people_a_service_is_for_keep_their_order() -> None:
    """d17: 为10万名残疾人提供… counts the people served, not bodies acting: no 的-form."""
    text = "为1000家左右医保定点社区卫生服务中心配备医保刷脸支付终端。\n"
    metrics = {g[0] for g in _goals(text, REPORT, "2026-02-01")}
    assert metrics == {"医保定点社区卫生服务中心配备医保刷脸支付终端"}


PLAN = "某某省绿色低碳转型2022年行动计划"


def test_an_amount_that_sizes_what_another_number_counts_is_no_goal() -> None:
    """e04, e06: 500万元以上 sizes the 技改项目 counted by 1万个; 30万千瓦及以上 the 电厂, and
    15公里范围内 says where the closing applies. Before: 投资技改项目超过1万个 >= 500万元 and
    燃煤锅炉… >= 30万千瓦, …关停整合 = 15公里 were goals."""
    text = (
        "开展工业技改提级行动，实施投资 500 万元以上技改项目超过 1 万个，"
        "工业技改投资突破 5000 亿元。\n"
        "到 2023 年，完成30万千瓦及以上热电联产电厂供热半径15公里范围内燃煤锅炉和落后燃煤"
        "小热电机组（含自备电厂）关停整合。\n"
        "力争到2030年，累计完成50万平方米以上商业设施更新。\n"
    )
    assert _goals(text, PLAN) == {
        ("投资500万元以上技改项目", 1.0, "万个", ">", 2022),
        ("工业技改投资", 5000.0, "亿元", ">=", 2022),
        ("商业设施更新", 50.0, "万平方米", ">=", 2030),
    }


def test_the_class_of_listed_items_is_no_part_of_their_metric() -> None:
    """e03: 等4项主要污染物 names what the items are; each goal is the item's 重点工程减排量.
    Before: 化学需氧量物等4项主要污染物重点工程减排量 (the last item's tail was shared)."""
    text = (
        "到 2025 年，化学需氧量、氨氮、氮氧化物、挥发性有机物等 4 项主要污染物重点工程减排量"
        "分别累计达到 13.67 万吨、0.69 万吨、8.3 万吨、3.07 万吨。\n"
    )
    assert {g[:2] for g in _goals(text, "安徽省“十四五”节能减排实施方案")} == {
        ("化学需氧量重点工程减排量", 13.67),
        ("氨氮重点工程减排量", 0.69),
        ("氮氧化物重点工程减排量", 8.3),
        ("挥发性有机物重点工程减排量", 3.07),
    }


def test_a_share_named_with_zhan_is_a_ratio() -> None:
    """d03: 即时结算资金占本地医保基金月结算资金的80%以上 is …占…比例, as 达到…的N% already was.
    Before: 即时结算资金占本地医保基金月结算资金的."""
    text = "（二）2026年底前实现即时结算资金占本地医保基金月结算资金的80%以上。\n"
    assert _goals(text, "关于全面推进医保基金即时结算改革扩面提质的通知", "2025-06-30") == {
        ("即时结算资金占本地医保基金月结算资金比例", 80.0, "%", ">=", 2026),
    }
