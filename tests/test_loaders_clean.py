"""Line rules: page furniture goes, document lines that look like it stay."""

from __future__ import annotations

import pickle

import pytest

from policykg.loaders.clean import clean
from policykg.loaders.document import Offsets

BODY = "一、总体要求\n坚持规划引领，统筹推进城市更新。"


def texts(raw: str) -> list[str]:
    return [p.text for p in clean(raw).paragraphs]


@pytest.mark.parametrize(
    "furniture",
    [
        "分享:", "分享到：微信 微博 QQ空间", "字体大小：【大 中 小】", "【打印本页】【关闭窗口】",
        "关闭×", "打印", "您现在所在的位置: 网站首页 > 信息公开", "当前位置：首页 > 政策文件",
        "DOC文库 - 千万精品文档,你想要的都能搜到,下载即用。", "当前文档共23页 2.88",
        "下载后继续阅读", "某某方案.doc某某方案.doc", "阅读量:1035", "4", "- 12 -", "第3页共9页",
        "扫一扫在手机打开当前页", "上一篇：关于做好春耕工作的通知", "版权所有：某某市人民政府",
        "网站标识码 4106000001 豫ICP备05000000号", "您当前所在的位置：首页 > 政务公开 > 政策文件",
        "点击查看政策解读：【图解】关于《某市某某办法》的解读",
        "- 【一图读懂】《广州市居家社区养老服务管理办法》 2022-09-16",
        "- 【政策解读】《广州市人民政府办公厅关于重新发布广州市积分制入户办法的通知》政策解读 2025-07-05",
        "- · 市委组织部", "- · 市城市管理综合执法局",
    ],
)  # fmt: skip
def test_furniture_lines_are_dropped(furniture: str) -> None:
    assert texts(f"{furniture}\n{BODY}") == BODY.splitlines()


@pytest.mark.parametrize(
    "line",
    [
        "分享经济发展",
        "主办单位：市发展改革委",
        "（三）推动关闭落后产能",
        "打造具有全国竞争力的先进制造产业集群",
        "2025年",
    ],
)
def test_document_lines_that_look_like_furniture_stay(line: str) -> None:
    assert line in texts(f"{BODY}\n{line}\n三、保障措施")


@pytest.mark.parametrize("marker", ["相关阅读", "热门阅读", "推荐园区", "前瞻服务", "相关文章",
                                    "本文来源 某某网,转载请注明来源!"])  # fmt: skip
def test_everything_after_a_tail_marker_goes(marker: str) -> None:
    raw = f"{BODY}\n{marker}\n• 行业研究报告\n产业研究服务热线:400-068-7188"
    assert texts(raw) == BODY.splitlines()


def test_header_lines_become_fields_not_text() -> None:
    raw = (
        "索 引 号: | 011158671/2022-32954 | 分 类: | 城市规划 |\n"
        "---|---|---|---|\n"
        "  • 发布机构：池州经济技术开发区\n"
        "来源:鹤壁市人民政府 发布时间:2021-02-07 11:11:54 阅读量:1035\n"
        f"{BODY}"
    )
    cleaned = clean(raw)
    assert [p.text for p in cleaned.paragraphs] == BODY.splitlines()
    assert dict(cleaned.header) == {
        "索引号": "011158671/2022-32954",
        "主题分类": "城市规划",
        "发布机构": "池州经济技术开发区",
        "来源": "鹤壁市人民政府",
        "发布日期": "2021-02-07 11:11:54",
        "访问量": "1035",
    }


def test_table_of_contents_is_removed() -> None:
    raw = "目 录\n第一章 总则\n第二章 附则\n序 言\n为推进工作，制定本规划。\n第一章 总则\n内容。\n第二章 附则"
    assert texts(raw) == [
        "序 言",
        "为推进工作，制定本规划。",
        "第一章 总则",
        "内容。",
        "第二章 附则",
    ]


def test_table_of_contents_with_leaders_followed_directly_by_the_body() -> None:
    raw = "目录\n第一章 总则……………1\n第二章 附则……………9\n第一章 总则\n内容。\n第二章 附则\n附则内容。"
    assert texts(raw) == ["第一章 总则", "内容。", "第二章 附则", "附则内容。"]


def test_markdown_heading_marks_are_not_text() -> None:
    assert texts("# 某某市城市更新方案\n## 一、总体要求\n坚持规划引领。") == [
        "某某市城市更新方案",
        "一、总体要求",
        "坚持规划引领。",
    ]


def test_front_matter_and_the_exporters_quoted_notes_are_not_text() -> None:
    """A Markdown export: --- fields ---, then > notes (source, copyright) before the title."""
    raw = (
        "---\n标题: 某区人民政府关于印发某某方案的通知\n层级: 区级\n官方链接: https://example.org/1\n---\n\n"
        "> 本文由脚本自官方页面提取，仅供检索；以官方发布版本为准。\n"
        "> 依《中华人民共和国著作权法》第五条，具有行政性质的文件不适用著作权法。\n\n"
        f"# 某区人民政府关于印发某某方案的通知\n{BODY}"
    )
    cleaned = clean(raw)
    assert texts(raw) == ["某区人民政府关于印发某某方案的通知", *BODY.splitlines()]
    assert ("标题", "某区人民政府关于印发某某方案的通知") in cleaned.header


def test_a_quote_inside_the_body_stays() -> None:
    assert texts(f"{BODY}\n> 引自某某讲话：坚持问题导向。") == [
        *BODY.splitlines(),
        "> 引自某某讲话：坚持问题导向。",
    ]


def test_markdown_emphasis_links_and_rules_are_not_text() -> None:
    """A Shanghai Markdown export (real shapes): bold headings, a bold title whose marks a
    converter left unbalanced (年****）), a header line whose value is a link, a --- rule."""
    raw = (
        "# 关于印发某某行动方案的通知\n\n**发布日期**: 2025-12-22\n"
        "**原文链接**: [http://stcsm.sh.gov.cn/zwgk/ghjh/20251222/be71abafe631407e80d4c37f3f3a"
        "b264.html](http://stcsm.sh.gov.cn/zwgk/ghjh/20251222/be71abafe631407e80d4c37f3f3ab264"
        ".html)\n\n---\n\n**上海市某某行动方案（2026—2030年****）**\n\n"
        "　**一、工作目标**\n\n**（一）推动科技创新资源开放**\n\n"
        "　　详见[附件](/cmsres/a.pdf)。\n"
    )
    cleaned = clean(raw)
    assert texts(raw) == [
        "关于印发某某行动方案的通知",
        "上海市某某行动方案（2026—2030年）",
        "一、工作目标",
        "（一）推动科技创新资源开放",
        "详见附件。",
    ]
    assert ("原文链接", "http://stcsm.sh.gov.cn/zwgk/ghjh/20251222/be71abafe631407e80d4c37f3f3ab264.html") in cleaned.header  # fmt: skip
    heading = cleaned.paragraphs[2]
    assert raw[heading.offsets[0] : heading.offsets[-1] + 1] == "一、工作目标"  # offsets kept


def test_row_numbers_of_a_table_copied_one_cell_per_line_stay() -> None:
    """序号 cells 1, 2, 3 a few lines apart number a table's rows; a lone page number goes."""
    intro = "围绕城市更新的发展愿景，将本区建设成为全球城市核心功能的发展实践区和国际文化大都市的重要展示区，统筹推进各项任务。"
    cells = "序号\n工作任务\n推进单位\n1\n推进片区更新\n区规划资源局\n2\n推进旧区改造\n3\n加装电梯\n区房管局"
    raw = f"{intro}\n{intro}\n{cells}\n7\n{intro}\n"
    assert texts(raw) == [intro, intro, *cells.split("\n"), intro]
    pages = "\n".join(f"第{n}段内容。\n" * 12 + str(n) for n in (1, 2, 3))
    assert not any(t.isdigit() for t in texts(pages))


def test_offsets_runs_read_as_the_tuple_of_their_values() -> None:
    pieces = [range(3, 6), (9, 9), range(6, 8), Offsets.join([(20, 21, 22, 30)])]
    values = (3, 4, 5, 9, 9, 6, 7, 20, 21, 22, 30)
    offsets = Offsets.join(pieces)
    assert offsets == values and len(offsets) == len(values) and tuple(offsets) == values
    assert [offsets[i] for i in range(-len(values), len(values))] == [*values, *values]
    for begin in range(-12, 12):
        for end in range(-12, 12):
            assert offsets[begin:end] == values[begin:end]
    assert offsets[::2] == values[::2]
    assert pickle.loads(pickle.dumps(offsets)) == offsets
    assert list(offsets.runs()) == [(3, 3), (9, 1), (9, 1), (6, 2), (20, 3), (30, 1)]
