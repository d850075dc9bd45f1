"""One-record CSV exports read as documents; ——-items never parent a numbered heading."""

from __future__ import annotations

from pathlib import Path

from policykg.loaders import parse


def test_a_one_record_csv_export_gives_title_date_and_a_plain_body(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "province,year,title,source_url,publish_date,full_text\n"
        '湖北省,2025,2025年湖北省政府工作报告,https://example.org/r/1,2025-01-20,"政府工作报告\n'
        '一、2024年工作回顾\n全省完成""三个一百""工程。\n二、2025年工作安排\n新增就业70万人。"\n',
        "utf-8",
    )
    doc = parse(path)
    assert doc.metadata.title == "2025年湖北省政府工作报告"
    assert doc.metadata.date == "2025-01-20"
    assert "province,year" not in doc.text
    assert '全省完成"三个一百"工程' in doc.text  # CSV quoting undone
    assert [s.title for s in doc.sections] == ["2024年工作回顾", "2025年工作安排"]


def test_a_file_of_many_records_is_left_as_text(tmp_path: Path) -> None:
    path = tmp_path / "table.txt"
    path.write_text("title,content\n甲方案,正文一\n乙方案,正文二\n", "utf-8")
    assert "甲方案,正文一" in parse(path).text


def test_a_leading_byline_dash_does_not_swallow_the_numbered_headings(tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_text(
        "政府工作报告\n——2025年1月15日在某某省人民代表大会上\n一、过去一年的工作\n做了很多事。\n"
        "二、今后五年的目标\n——坚持创新驱动。研发投入年均增长8%。\n三、今年的工作\n",
        "utf-8",
    )
    roots = parse(path).sections
    assert [s.number for s in roots] == ["——", "一", "二", "三"]
    assert [c.number for c in roots[2].children] == ["——"]
