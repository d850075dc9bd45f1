"""Header layouts and body conventions beyond the seeds: PKULaw exports, 落款, dates, kinds."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders import parse
from policykg.loaders.metadata import clean_title, kind_of, to_iso

BODY = """一、总体要求
(一)指导思想。坚持以人民为中心的发展思想，推动高质量发展。
(二)主要目标。到2025年，常住人口城镇化率达到60%。
二、重点任务
1.推进农业转移人口市民化。由市发展改革委牵头，2025年底前完成。
2.优化城镇化空间布局。"""

PKULAW = f"""国务院办公厅关于印发推进新型城镇化建设行动方案的通知
【法宝引证码】CLI.2.123456
【发文字号】国办发[2016] 8 号
【发布部门】国务院办公厅
【发布日期】2016.02.02
【实施日期】2016.02.02
【时效性】现行有效
【效力级别】国务院规范性文件
【法规类别】城乡规划

国务院办公厅关于印发推进新型城镇化建设行动方案的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院同意，现将《推进新型城镇化建设行动方案》印发给你们，请认真贯彻执行。
{BODY}
"""

SIGNED = f"""某某市人民政府关于加快推进县城城镇化建设的实施意见
某政〔2021〕 7号
各县（市、区）人民政府，市政府各部门：
为加快推进县城城镇化建设，现提出如下实施意见。
{BODY}
某某市人民政府
二〇二一年三月五日
（此件公开发布）
"""


def write(tmp_path: Path, text: str, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_pkulaw_export(tmp_path: Path) -> None:
    meta = parse(write(tmp_path, PKULAW)).metadata
    assert meta.title == "国务院办公厅关于印发推进新型城镇化建设行动方案的通知"
    assert meta.doc_number == "国办发〔2016〕8号"
    assert meta.issuer == "国务院办公厅"
    assert meta.date == "2016-02-02"
    assert meta.status == "现行有效"
    assert meta.kind == "通知"
    assert meta.subject == "城乡规划"
    assert meta.extra["法宝引证码"] == "CLI.2.123456"


def test_signature_gives_issuer_and_date_and_number_line_gives_wenhao(tmp_path: Path) -> None:
    doc = parse(write(tmp_path, SIGNED))
    meta = doc.metadata
    assert meta.title == "某某市人民政府关于加快推进县城城镇化建设的实施意见"
    assert meta.doc_number == "某政〔2021〕7号"
    assert meta.issuer == "某某市人民政府"
    assert meta.date == "2021-03-05"
    assert meta.kind == "意见"
    assert [(s.number, s.title) for s in doc.sections] == [("一", "总体要求"), ("二", "重点任务")]
    tasks = doc.sections[1].children
    assert [(s.number, s.title, s.depth) for s in tasks] == [
        ("1", "推进农业转移人口市民化", 2),
        ("2", "优化城镇化空间布局", 2),
    ]


def test_bullet_and_pipe_headers_in_one_page(tmp_path: Path) -> None:
    page = f"""• 索 引 号：000014349/2023-00012
• 发文机关：某某省人民政府办公厅
• 成文日期：2023年04月10日
• 发文字号：某政办发〔2023〕12号
• 主题分类：城乡建设、环境保护 | 城市规划
标 题: | 某某省城市更新行动工作要点 |
{BODY}
"""
    meta = parse(write(tmp_path, page)).metadata
    assert meta.title == "某某省城市更新行动工作要点"
    assert meta.kind == "工作要点"
    assert meta.issuer == "某某省人民政府办公厅"
    assert meta.date == "2023-04-10"
    assert meta.doc_number == "某政办发〔2023〕12号"
    assert meta.index_number == "000014349/2023-00012"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2015年11月6日", "2015-11-06"),
        ("二〇一五年十一月六日", "2015-11-06"),
        ("二〇二一年三月三十一日", "2021-03-31"),
        ("2021-02-07 11:11:54", "2021-02-07"),
        ("2016.02.02", "2016-02-02"),
        ("2023/4/1", "2023-04-01"),
        ("2023年13月1日", None),
        ("无", None),
    ],
)
def test_dates_to_iso(text: str, iso: str | None) -> None:
    assert to_iso(text) == iso


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("关于推进“三区”协同打造高质量发展样板区的若干意见", "意见"),
        ("界首市新型城镇化试点实施方案（征求意见稿）", "实施方案"),
        ("襄阳高新区国民经济和社会发展第十四个五年规划和二0三五年远景目标纲要", "纲要"),
        ("关于征求《园区转型升级工程实施方案(征求意见稿)》意见的函", "函"),
        ("某某市城市更新管理办法（试行）", "办法"),
        ("某某省城乡规划条例", "条例"),
        ("2024年城市工作要点", "工作要点"),
        ("关于印发《某某规划》的通知", "通知"),
        ("某某市“十四五”新型城镇化规划", "规划"),
        ("城市更新", None),
    ],
)
def test_kind_from_title_ending(title: str, kind: str | None) -> None:
    assert kind_of(title) == kind


def test_site_prefix_is_dropped_only_before_a_title() -> None:
    assert clean_title("河南鹤壁市:关于推进“三区”协同的若干意见") == "关于推进“三区”协同的若干意见"
    assert clean_title("郑州市：城市更新") == "郑州市：城市更新"  # not a document title after it


_CN = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    """11 → 十一, 20 → 二十, 6 → 六: how 落款 dates print months and days."""
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens] + "十")
    return head + (_CN[units] if units or not head else "")


@given(st.dates(min_value=datetime.date(1949, 10, 1), max_value=datetime.date(2099, 12, 31)))
@settings(max_examples=200, derandomize=True, database=None)
def test_every_date_style_gives_the_same_iso_date(day: datetime.date) -> None:
    iso = day.isoformat()
    year_cn = "".join(_CN[int(d)] for d in str(day.year))
    styles = [
        f"{day.year}年{day.month}月{day.day}日",
        f"{year_cn}年{_cn_number(day.month)}月{_cn_number(day.day)}日",
        f"{day.year}-{day.month:02d}-{day.day:02d} 08:00:00",
        f"{day.year}.{day.month:02d}.{day.day:02d}",
        f"{day.year} 年 {day.month} 月 {day.day} 日",
    ]
    assert [to_iso(style) for style in styles] == [iso] * len(styles)
