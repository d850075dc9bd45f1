"""Every seed document parses to the metadata and top-level sections a reader sees in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.loaders import ParsedDocument, parse

DEMO = Path(__file__).resolve().parent.parent / "demo"

# Page furniture that must never reach clean text (scrape widgets, related-reading blocks,
# download prompts of document-sharing sites, reprint notices).
BOILERPLATE = (
    "分享:", "字体大小", "打印", "关闭×", "相关阅读", "热门阅读", "推荐园区", "前瞻服务",
    "下载文档", "下载后继续阅读", "当前文档共", "DOC文库", ".doc", "本文来源", "转载",
    "相关文章", "扫一扫", "阅读量", "索引号", "发布机构", "您现在所在的位置", "目 录",
    "服务热线", "service@",
)  # fmt: skip
# Widgets that are words too (利益分享方式, 已关闭工业企业): never a line of their own.
WIDGET_LINES = ("分享", "关闭", "打印", "收藏", "相关文章", "4")


def seed(prefix: str) -> ParsedDocument:
    (path,) = DEMO.glob(f"{prefix}_*.txt")
    return parse(path)


# Expected values read off the seed files by a person (not produced by running the parser).
EXPECTED = {
    "000": dict(
        title="解读《亳州高新区城市功能品质活力提升实施意见》的通知",
        doc_number=None,
        issuer="安徽亳州高新技术产业开发区管理委员会",
        date="2024-10-16",
        status="有效",
        kind="通知",
        top=[
            ("一", "《通知》制订的背景、依据和要求"),
            ("二", "《通知》制订的目标和总体要求"),
            ("二", "紧紧围绕实现高质量发展提升城市功能品质活力"),
            ("三", "紧紧围绕创造高品质生活提升城市功能品质活力"),
            ("四", "紧紧围绕提升城市功能品质活力优化城市规划治理"),
            ("五", "探索更加有效的投融资模式"),
            ("六", "建立协同高效的推进体系"),
            ("三", "《通知》制订的政策咨询"),
        ],
    ),
    "001": dict(
        title="界首市新型城镇化试点实施方案(征求意见稿)",
        doc_number=None,
        issuer=None,
        date=None,
        status="征求意见稿",
        kind="实施方案",
        top=[("一", "总体要求"), ("二", "试点目标"), ("三", "试点任务"), ("四", "保障措施")],
    ),
    "002": dict(
        title="关于推进“三区”协同打造高质量发展样板区的若干意见",
        doc_number=None,  # 豫政〔2019〕19号 is cited in the first sentence, not this document's
        issuer="鹤壁市人民政府",
        date="2021-02-07",
        status=None,
        kind="意见",
        top=[
            ("一", "总体要求"), ("二", "明确协同任务"), ("三", "促进融合互补"),
            ("四", "探索共建共享"), ("五", "保障措施"),
        ],
    ),
    "003": dict(
        title="园区转型升级工程实施方案(征求意见稿)",
        doc_number=None,
        issuer="池州经济技术开发区",
        date="2015-11-06",
        status="征求意见稿",
        kind="实施方案",
        top=[
            ("一", "总体思路"), ("二", "基本原则"), ("三", "主要目标"),
            ("四", "重点工作"), ("五", "施工计划"), ("六", "保障措施"),
        ],
    ),
    "004": dict(
        title="襄阳高新区国民经济和社会发展第十四个五年规划和二0三五年远景目标纲要",
        doc_number=None,
        issuer="襄阳政府网",
        date="2022-11-08",
        status="有效",
        kind="纲要",
        top=[
            ("第一章", "砥砺奋进,开启高质量发展新征程"),
            ("第二章", "审时度势,抢抓重要战略机遇期"),
            ("第三章", "继往开来,谱写高质量发展新篇章"),
            ("第四章", "加快构筑现代经济体系,打造高质量发展示范区"),
            ("第五章", "坚持创新核心地位,打造创新驱动引领区"),
            ("第六章", "推进深层次改革和高水平开放,打造改革开放先行区"),
            ("第七章", "激发各类市场主体活力,打造营商环境样板区"),
            ("第八章", "高水平推进区域治理现代化,打造社会治理和谐区"),
            ("第九章", "加强组织领导和保障,确保规划顺利推进"),
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_metadata_and_top_sections(prefix: str) -> None:
    doc = seed(prefix)
    want = EXPECTED[prefix]
    fields = ("title", "doc_number", "issuer", "date", "status", "kind")
    assert {f: getattr(doc.metadata, f) for f in fields} == {f: want[f] for f in fields}
    assert [(s.number, s.title) for s in doc.sections] == want["top"]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_clean_text_has_no_boilerplate(prefix: str) -> None:
    doc = seed(prefix)
    for part in doc.documents():
        left = [phrase for phrase in BOILERPLATE if phrase in part.text]
        assert left == [], f"{prefix}: {left}"
        lines = set(part.text.splitlines())
        assert [w for w in WIDGET_LINES if w in lines] == []


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_offsets_point_back_into_the_original(prefix: str) -> None:
    doc = seed(prefix)
    for part in doc.documents():
        assert len(part.offsets) == len(part.text)
        original = part.original_text
        mismatched = [
            i for i, ch in enumerate(part.text) if ch != "\n" and original[part.offsets[i]] != ch
        ]
        assert mismatched == []
        assert list(part.offsets) == sorted(part.offsets)


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_sections_are_slices_of_the_clean_text(prefix: str) -> None:
    doc = seed(prefix)
    for section in doc.all_sections():
        assert doc.text[section.start : section.end] == section.text
        assert section.text.lstrip("（(").startswith(section.number.lstrip("（("))
        for child in section.children:
            assert section.start <= child.start < child.end <= section.end
            assert child.depth == section.depth + 1


def test_flattened_word_text_is_rejoined_without_page_numbers() -> None:
    doc = seed("001")
    text = doc.text
    # Lines broken mid-word are joined, and the spaces the flattening put between characters go.
    assert "县城新型城镇化建设试点工作方案" in text
    assert "县 城" not in text
    # Page numbers between sentences are gone; real numbers stay.
    assert "打造“界首样本”。\n(二)工作原则" in text
    assert "逐步探索离岸科创平台从物理型向网络型转变" in text
    assert "构建15分钟社区生活圈" in text
    assert "争取用3年的时间" in text
    assert "设置ICU病床92张" in text
    # Numbered tasks are sections (candidates for extraction), each once.
    numbers = [s.number for s in doc.all_sections() if s.depth == 3 and s.number.isdigit()]
    assert numbers[-23:] == [str(n) for n in range(1, 24)]
    titles = {s.number: s.title for s in doc.all_sections() if s.number.isdigit()}
    assert titles["14"] == "加强公共卫生服务体系建设"


def test_inline_headings_split_number_and_title() -> None:
    doc = seed("002")
    sections = {(s.number, s.title) for s in doc.all_sections()}
    assert ("(一)", "基本思路") in sections
    assert ("14", "加快实现基础设施互联互通") in sections


def test_table_of_contents_does_not_duplicate_sections() -> None:
    doc = seed("004")
    numbers = [s.number for s in doc.sections]
    assert len(numbers) == len(set(numbers)) == 9
    assert not doc.text.startswith("目")
    first_chapter = doc.sections[0]
    assert [c.number for c in first_chapter.children][:3] == ["第一节", "第二节", "第三节"]


def test_cover_letter_is_a_companion_of_its_attachment() -> None:
    doc = seed("003")
    assert doc.companion_role is None
    (letter,) = doc.companions
    assert letter.companion_role == "cover-letter"
    assert letter.metadata.title == "关于征求《园区转型升级工程实施方案(征求意见稿)》意见的函"
    assert letter.metadata.kind == "函"
    assert letter.metadata.date == "2015-11-06"
    assert letter.metadata.status == "失效"  # 废止日期 2024-10-10 in the header
    assert letter.sections == ()
    assert doc.text.startswith("园区转型升级工程实施方案(征求意见稿)\n根据市委")
    assert "市直有关部门" not in doc.text


def test_header_fields_are_kept() -> None:
    doc = seed("000")
    assert doc.metadata.index_number == "12341600MB0U771795/202410-00009"
    assert doc.metadata.subject == "综合政务 / 公民"
    assert doc.metadata.dates == {"生成日期": "2024-10-16", "发布日期": "2024-10-16"}
    assert seed("004").metadata.subject == "城市规划"
