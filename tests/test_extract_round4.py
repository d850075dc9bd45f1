"""Issue 10, round 4: unit names of documents the rules had not seen (the spent sealed parts).
Sentences are shaped as printed in those documents."""

from __future__ import annotations

from tests.test_extract_round3 import _doc, _duties

SHANGHAI = ("上海市北斗产业高质量发展三年行动计划", "上海市人民政府办公厅")


def test_an_office_of_a_cross_province_area_keeps_its_whole_name() -> None:
    """Before: the 区 of 区域 was read as a level, giving 上海市区域合作办公室; then the
    office was prefixed with 上海市 although 长三角 already names its area."""
    text = (
        "二、主要任务\n（一）壮大产业\n"
        "14.形成全方位多层次的企业引育机制。促进北斗企业梯度发展。"
        "（牵头部门：市经济信息化委、市商务委、长三角区域合作办公室）\n"
    )
    leads = {unit for _, role, unit in _duties(_doc(text, *SHANGHAI)) if role == "LED_BY"}
    assert leads == {"上海市经济信息化委", "上海市商务局", "长三角区域合作办公室"}
