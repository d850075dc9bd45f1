"""Section trees of every heading style, depth by order of appearance, attachments, idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.loaders import parse

DEMO = Path(__file__).resolve().parent.parent / "demo"


def write(tmp_path: Path, text: str, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def tree(doc) -> list[tuple[int, str, str]]:
    return [(s.depth, s.number, s.title) for s in doc.all_sections()]


def test_every_heading_style(tmp_path: Path) -> None:
    text = """某某市城市更新条例
第一章 总则
第一节 一般规定
一、总体要求
（一）指导思想。坚持以人民为中心。
1.推进改造。由市住建局牵头。
（1）老旧小区。2025年完成。
①楼道改造。年内完成。
——加装电梯。逐步推进。
2、完善设施。由市城管局负责。
3．提升品质。由各区负责。
(二)主要目标
(2)其他事项。另行规定。
第二章 附则
"""
    doc = parse(write(tmp_path, text))
    assert tree(doc) == [
        (1, "第一章", "总则"),
        (2, "第一节", "一般规定"),
        (3, "一", "总体要求"),
        (4, "（一）", "指导思想"),
        (5, "1", "推进改造"),
        (6, "（1）", "老旧小区"),
        (7, "①", "楼道改造"),
        (8, "——", "加装电梯"),
        (5, "2", "完善设施"),
        (5, "3", "提升品质"),
        (4, "(二)", "主要目标"),
        (5, "(2)", "其他事项"),
        (1, "第二章", "附则"),
    ]


def test_depth_follows_order_of_appearance(tmp_path: Path) -> None:
    # A document that starts at the (一) level: (一) is depth 1, 1. is depth 2.
    text = """某某区2024年城市工作要点
（一）抓好规划。
1.编制详细规划。区自然资源局负责。
2.开展城市体检。区住建局负责。
（二）抓好建设。
1.实施道路工程。区交通局负责。
"""
    doc = parse(write(tmp_path, text))
    assert doc.metadata.kind == "工作要点"
    assert tree(doc) == [
        (1, "（一）", "抓好规划"),
        (2, "1", "编制详细规划"),
        (2, "2", "开展城市体检"),
        (1, "（二）", "抓好建设"),
        (2, "1", "实施道路工程"),
    ]
    first = doc.sections[0]
    assert first.text == doc.text[first.start : first.end]
    assert first.text.endswith("区住建局负责。")


def test_title_wrapped_over_two_lines(tmp_path: Path) -> None:
    text = """某某市人民政府办公室关于印发某某市城市更新
行动方案的通知
各区人民政府，市政府各部门：
现将《某某市城市更新行动方案》印发给你们，请认真贯彻落实。
一、总体要求
坚持规划引领。
"""
    doc = parse(write(tmp_path, text))
    assert doc.metadata.title == "某某市人民政府办公室关于印发某某市城市更新行动方案的通知"
    assert doc.metadata.kind == "通知"
    assert tree(doc) == [(1, "一", "总体要求")]


NOTICE = (
    """某某市人民政府办公室关于印发某某市城市更新行动方案的通知
各区人民政府，市政府各部门：
《某某市城市更新行动方案》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。
某某市人民政府办公室
2023年5月6日
某某市城市更新行动方案
为推进城市更新，制定本方案。
一、总体要求
"""
    + "坚持规划引领，统筹推进城市更新，改善人居环境，提升城市品质。\n" * 8
    + """二、重点任务
1.实施老旧小区改造。由市住建局牵头，2025年底前完成。
2.推进街区更新。由各区政府负责。
"""
)


def test_notice_with_unlabelled_attachment(tmp_path: Path) -> None:
    doc = parse(write(tmp_path, NOTICE))
    assert doc.metadata.title == "某某市城市更新行动方案"
    assert doc.metadata.kind == "行动方案"
    assert doc.metadata.issuer == "某某市人民政府办公室"  # the letter's 落款
    assert doc.metadata.date == "2023-05-06"
    assert [s.title for s in doc.sections] == ["总体要求", "重点任务"]
    (letter,) = doc.companions
    assert letter.companion_role == "cover-letter"
    assert letter.metadata.kind == "通知"
    assert letter.metadata.issuer == "某某市人民政府办公室"


def test_date_under_the_title_does_not_split_the_document(tmp_path: Path) -> None:
    text = (
        """某某市城市更新行动方案
2023年5月6日
某某市城市更新实施细则
为推进城市更新，制定本方案。
一、总体要求
"""
        + "坚持规划引领，统筹推进城市更新。\n" * 30
    )
    doc = parse(write(tmp_path, text))
    assert doc.companions == ()
    assert doc.metadata.title == "某某市城市更新行动方案"


@pytest.mark.parametrize("seed", sorted(DEMO.glob("*.txt")), ids=lambda p: p.name[:3])
def test_cleaning_clean_text_changes_nothing(tmp_path: Path, seed: Path) -> None:
    doc = parse(seed)
    again = parse(write(tmp_path, doc.text))
    assert again.text == doc.text
    assert tree(again) == tree(doc)
