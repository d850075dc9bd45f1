"""Issue 10, round 8: targets of the spent part sealed_5. A plan's award and grant quotas
(每年评选不超过10个…, 单家企业每年申领…不超过800万元, 按…的30%给予补贴) set a policy instrument;
they are not goals, while a ceiling that is a goal (单位GDP能耗不超过…) stays one."""

from __future__ import annotations

from tests.target_rows import target_metrics

PLAN = "杭州市加快建设人工智能创新高地实施方案（2025年版）"


def _metrics(text: str) -> set[str]:
    return target_metrics(text, PLAN, "杭州市人民政府办公厅", "2025-05-01")


def test_award_and_grant_quotas_are_no_goals() -> None:
    """Before: 每年评选优秀专用模型 <= 10, 每年择优评选标杆型项目 <= 10, 单家企业每年申领杭州
    算力券金额 <= 800万元 and 按照给予补贴 <= 30% were targets (g11)."""
    text = (
        "到2025年，每年评选不超过10个性能先进并成功落地的优秀专用模型，"
        "按照不超过研发成本30%的标准给予牵头研发单位补助，补助金额最高500万元。\n"
        "到2025年，每年择优评选不超过10个标杆型项目，按照不超过项目投资额30%的标准给予补助。\n"
        "单家企业每年申领杭州算力券金额不超过800万元，生成式多模态基础大模型企业可以放宽申领上限。\n"
        "对提供服务的平台，按照不高于已履行的相关服务合同年度累计金额的30%给予补贴。\n"
    )
    assert _metrics(text) == set()


def test_a_ceiling_that_is_a_goal_stays_one() -> None:
    """单位GDP能耗不超过… and 大班额比例不超过5% have no award or grant in their clause."""
    text = "到2025年，单位地区生产总值能耗不超过0.3吨标准煤，大班额比例不超过5%。\n"
    assert len(_metrics(text)) == 2
