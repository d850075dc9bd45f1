"""Issue 13: a draft (征求意见稿) and its final text — what changed, sentence by sentence."""

from __future__ import annotations

from policykg.app.explorer.text_changes import TextChange, sentences, text_changes

DRAFT = (
    "一、总体要求\n到2025年，全市新能源汽车保有量达到10万辆。"
    "由市发展改革委牵头，市财政局配合。加强充电设施建设；完善运营补贴政策。"
)
FINAL = (
    "一、总体要求\n到2025年，全市新能源汽车保有量达到12万辆。"
    "由市发展改革委牵头，市财政局配合。加强充电设施建设；建立公共数据平台。"
    "本方案自印发之日起施行。"
)


def test_sentences_end_at_chinese_stops_and_lines() -> None:
    assert sentences("一、总体要求\n甲。乙；丙！") == ["一、总体要求", "甲。", "乙；", "丙！"]


def test_a_draft_and_its_final_text() -> None:
    changes, similarity = text_changes(DRAFT, FINAL)
    assert changes == [
        TextChange("changed", "到2025年，全市新能源汽车保有量达到10万辆。",
                   "到2025年，全市新能源汽车保有量达到12万辆。"),
        TextChange("changed", "完善运营补贴政策。", "建立公共数据平台。"),
        TextChange("added", "", "本方案自印发之日起施行。"),
    ]  # fmt: skip
    assert 0.5 < similarity < 1


def test_the_same_text_has_no_changes_and_a_reversal_swaps_sides() -> None:
    assert text_changes(DRAFT, DRAFT) == ([], 1.0)
    backwards, _ = text_changes(FINAL, DRAFT)
    assert TextChange("removed", "本方案自印发之日起施行。", "") in backwards
