"""Issue 10, round 10 (after sealed_7 was scored, with it as development material): a grant's
conditions opened by 对于 (对于…的机构，年度营业收入首次达到1亿元、5亿元的，分别给予…奖励) and the
thresholds a text lists as its 门槛 are no goals."""

from __future__ import annotations

from tests.target_rows import target_metrics

RULE = "广州市海珠区关于促进人力资源服务业创新发展的若干措施"


def _metrics(text: str) -> set[str]:
    return target_metrics(text, RULE, "广州市海珠区人力资源和社会保障局", "2025-08-05")


def test_conditions_of_a_grant_opened_by_duiyu_are_no_goals() -> None:
    """Before: 年度营业收入 = 1亿元 and > 5亿元 were targets (i09)."""
    text = (
        "（一）对于依法开展经营活动、注册成立时间未满3年的人力资源服务机构，年度营业收入自其注册成立以来"
        "首次达到1亿元、5亿元、10亿元的，分别给予最高30万元、50万元、80万元的奖励；\n"
        "（二）对于人力资源服务机构，年度营业收入超过5亿元且同比增速高于100%的，给予最高300万元的奖励；\n"
    )
    assert _metrics(text) == set()


def test_thresholds_listed_as_a_threshold_are_no_goals() -> None:
    """Before: 住宿和餐饮业年度营业额 >= 200万元 and seven more were targets (i08)."""
    text = (
        "（三）本措施涉及行业“首达标”对应门槛如下：住宿和餐饮业年度营业额200万元以上，"
        "零售业年度销售额500万元以上，批发业年度销售额2000万元以上。\n"
    )
    assert _metrics(text) == set()


def test_a_goal_of_the_same_shape_without_a_grant_stays() -> None:
    text = "到2027年，全区人力资源服务业年度营业收入达到100亿元以上。\n"
    assert len(_metrics(text)) == 1
