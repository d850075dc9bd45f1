"""Issue 10, round 4: unit names of documents the rules had not seen (the spent sealed parts).
Sentences are shaped as printed in those documents."""

from __future__ import annotations

from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
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


def _targets(document: ParsedDocument) -> set[tuple[str, str]]:
    extraction = extract(document)
    names = {n.id: n.properties.get("name") for n in extraction.nodes}
    return {
        (str(names[r.start]), str(names[r.end]))
        for r in extraction.relationships
        if r.type == "APPLIES_TO" and r.end_label == "Region"
    }


def test_a_district_government_signing_jointly_makes_the_document_the_districts() -> None:
    """Before: the page named the city's commission alone and the title the district only in
    a pun (杨“数”浦), so the plan and its goals were the whole city's."""
    letter = (
        "沪科合〔2025〕7号\n各有关单位：\n"
        "上海市科学技术委员会、上海市杨浦区人民政府制定了《杨“数”浦新质秀带创新区建设方案》。"
        "现予以印发，请认真按照执行。\n上海市科学技术委员会\n上海市杨浦区人民政府\n2025年3月10日"
    )
    plan = "一、发展目标\n到2027年，全社会研发经费投入占GDP的比重达5.5%。\n"
    meta = Metadata(title="杨“数”浦新质秀带创新区建设方案", issuer="上海市科学技术委员会")
    cover = ParsedDocument("mem.txt", "txt", "utf-8", letter, Metadata(title="关于印发的通知"))
    document = ParsedDocument("mem.txt", "txt", "utf-8", plan, meta, companions=(cover,))
    assert ("杨“数”浦新质秀带创新区建设方案", "杨浦区") in _targets(document)
    # One organ above its date is the sender, not a joint issue: the city's own document.
    alone = ParsedDocument(
        "mem.txt", "txt", "utf-8", plan + "上海市科学技术委员会\n2025年3月10日", meta
    )
    assert ("杨“数”浦新质秀带创新区建设方案", "上海市") in _targets(alone)


def _goals(document: ParsedDocument) -> set[tuple[str, float, str]]:
    return {
        (str(n.properties["metric"]), float(str(n.properties["value"])), str(n.properties["unit"]))
        for n in extract(document).nodes
        if n.label == "Target"
    }


def test_the_size_of_a_place_is_no_goal_but_an_area_to_reach_is() -> None:
    """Before: 总规划面积约60.61平方公里 and each zone's 面积约8.5平方公里 were targets."""
    text = (
        "二、空间布局\n创新区覆盖杨浦区全域，总规划面积约60.61平方公里。"
        "科技创新策源区依托高校科研优势，构筑原始创新高地，面积约8.5平方公里。\n"
        "三、发展目标\n到2027年，新增绿化面积约500公顷。\n"
    )
    goals = _goals(_doc(text, "上海市杨浦区创新区建设方案", "上海市杨浦区人民政府"))
    assert not any(unit == "平方公里" for _, _, unit in goals)
    assert any(value == 500.0 and unit == "公顷" for _, value, unit in goals)


def test_a_longer_last_item_keeps_its_own_character_before_the_shared_measure() -> None:
    """Before: 原煤、原油、天然气产量分别达到… gave 原煤气产量 and 原油气产量 (the shared part was
    cut at the first item's width). A modifier of the measure (总产量) and a longer shared
    part (收获机械化率) stay shared."""
    text = (
        "二、2026年主要目标\n原煤、原油、天然气产量分别达到7000万吨、1280万吨、10亿立方米。"
        "粮食、棉花总产量分别达到1200万吨、5万吨。花生、油菜收获机械化率分别达到65%和55%。\n"
    )
    metrics = {
        (m, v) for m, v, _ in _goals(_doc(text, "2026年甘肃省政府工作报告", "甘肃省人民政府"))
    }
    assert {("原煤产量", 7000.0), ("原油产量", 1280.0), ("粮食总产量", 1200.0)} <= metrics
    assert {("棉花总产量", 5.0), ("花生收获机械化率", 65.0), ("油菜收获机械化率", 55.0)} <= metrics


def test_the_whole_jurisdiction_is_the_goals_scope_not_its_indicator() -> None:
    """Before: 全省地区生产总值年均增长5%以上 was a goal on 全省地区生产总值."""
    text = "三、“十五五”时期主要目标\n到2030年，全省地区生产总值年均增长5%以上，全区域覆盖率达到90%。\n"
    metrics = {m for m, _, _ in _goals(_doc(text, "2026年甘肃省政府工作报告", "甘肃省人民政府"))}
    # 全区域 is a word of its own (the whole area), kept.
    assert metrics == {"地区生产总值", "全区域覆盖率"}
