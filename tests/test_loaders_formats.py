"""The same document in every format and encoding parses the same as the plain UTF-8 text."""

from __future__ import annotations

import difflib
import html
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from policykg.errors import LoadError
from policykg.loaders import ParsedDocument, parse

DEMO = Path(__file__).resolve().parent.parent / "demo"
# Debian's fonts-noto-cjk; fpdf2 embeds its CFF outlines (face 2 of the collection is SC).
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SEEDS = ("000", "002", "003", "004")


def seed_path(prefix: str) -> Path:
    (path,) = DEMO.glob(f"{prefix}_*.txt")
    return path


def seed_lines(prefix: str) -> list[str]:
    return [
        line.strip() for line in seed_path(prefix).read_text("utf-8").splitlines() if line.strip()
    ]


def gbk_safe(text: str, encoding: str = "gbk") -> str:
    """GBK lacks a few symbols of scraped pages (•, \u2002): a space in their place, as a GBK
    site would print them."""
    return "".join(ch if ch.encode(encoding, "ignore") else " " for ch in text)


def same_parse(got: ParsedDocument, want: ParsedDocument, min_ratio: float = 0.995) -> None:
    """Title, 文号, top-level sections equal; clean text equal or nearly so."""
    assert got.metadata.title == want.metadata.title
    assert got.metadata.doc_number == want.metadata.doc_number
    assert [(s.number, s.title) for s in got.sections] == [
        (s.number, s.title) for s in want.sections
    ]
    if got.text != want.text:
        ratio = difflib.SequenceMatcher(None, got.text, want.text, autojunk=False).quick_ratio()
        assert ratio >= min_ratio


@pytest.mark.parametrize("prefix", [*SEEDS, "001"])
@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig"])
def test_encodings_parse_the_same(tmp_path: Path, prefix: str, encoding: str) -> None:
    text = seed_path(prefix).read_text("utf-8")
    copy = tmp_path / f"{prefix}.txt"
    copy.write_bytes(gbk_safe(text, encoding).encode(encoding))
    got = parse(copy)
    assert got.text == parse(seed_path(prefix)).text
    assert got.encoding is not None


@pytest.mark.parametrize("prefix", SEEDS)
def test_docx_parses_the_same(tmp_path: Path, prefix: str) -> None:
    document = docx.Document()
    for line in seed_lines(prefix):
        document.add_paragraph(line)
    path = tmp_path / f"{prefix}.docx"
    document.save(str(path))
    got = parse(path)
    assert got.format == "docx"
    same_parse(got, parse(seed_path(prefix)))


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_pdf_with_wrapped_lines_and_page_numbers_parses_the_same(
    tmp_path: Path, prefix: str
) -> None:
    pdf = FPDF()
    pdf.add_font("cjk", fname=str(CJK_FONT), collection_font_number=2)
    pdf.set_font("cjk", size=12)
    # A page number in the footer of every page, as printed documents have.
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for line in seed_lines(prefix):
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pages = pdf.page
    for number in range(1, pages + 1):
        pdf.page = number
        pdf.set_xy(100, 280)
        pdf.cell(10, 5, str(number))
        pdf.set_xy(60, 3)  # a running head above the text on every page
        pdf.cell(80, 5, "某某市发展和改革委员会文件")
    pdf.page = pages
    path = tmp_path / f"{prefix}.pdf"
    pdf.output(str(path))
    got = parse(path)
    assert got.format == "pdf"
    assert pages > 3
    same_parse(got, parse(seed_path(prefix)), min_ratio=0.98)
    assert "某某市发展和改革委员会文件" not in got.text


NAV = """<div class="nav"><a href="/">首页</a> <a href="/xxgk">信息公开</a>
<a href="/zc">政策文件</a> <a href="/hd">互动交流</a></div>
<div class="crumb">您现在所在的位置: 网站首页 &gt; 信息公开 &gt; 政策文件</div>"""
FOOTER = """<div class="related"><h3>相关阅读</h3><ul>
<li><a href="/a1">关于做好春耕工作的通知</a></li>
<li><a href="/a2">市政府召开常务会议</a></li></ul></div>
<div class="footer"><p>版权所有:某某市人民政府办公室 主办单位:某某市人民政府</p>
<p>网站标识码 4106000001 备案号:豫ICP备05000000号</p></div>"""


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_html_page_with_navigation_parses_the_same(tmp_path: Path, prefix: str) -> None:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in seed_lines(prefix))
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>政策文件</title></head>'
        f"<body>{NAV}<div class='article'>{body}</div>{FOOTER}</body></html>"
    )
    path = tmp_path / f"{prefix}.html"
    path.write_text(page, "utf-8")
    got = parse(path)
    assert got.format == "html"
    same_parse(got, parse(seed_path(prefix)))
    for furniture in ("首页", "互动交流", "相关阅读", "春耕", "版权所有", "ICP备"):
        assert furniture not in got.text


def test_gbk_html_page(tmp_path: Path) -> None:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in seed_lines("002"))
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head>'
        f"<body>{NAV}<div>{body}</div>{FOOTER}</body></html>"
    )
    path = tmp_path / "gbk.htm"
    path.write_bytes(gbk_safe(page).encode("gbk"))
    same_parse(parse(path), parse(seed_path("002")))


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "save it as .docx"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "OCR"),
        ("scan.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 100, "OCR"),
        ("files.rar", b"Rar!\x1a\x07\x00" + b"\0" * 100, "unpack"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\n  ", "empty"),
        ("broken.docx", b"not a zip at all", "not a valid .docx"),
        ("broken.pdf", b"%PDF-1.4\n garbage", "damaged"),
    ],
)
def test_unreadable_files_raise_load_error_naming_file_and_fix(
    tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError) as info:
        parse(path)
    message = f"{info.value} {info.value.hint}"
    assert name in message
    assert says in message


def test_zip_archive_is_not_a_document(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "docs.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "文件")
    with pytest.raises(LoadError, match="zip archive"):
        parse(path)


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")  # a picture, no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(LoadError, match="no text layer") as info:
        parse(path)
    assert "OCR" in info.value.hint


GOV_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某市人民政府关于加快推进城市更新的实施意见_政策文件_某某市人民政府</title></head>
<body><div class="top"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/hdjl">互动交流</a></div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="xxgk"><table class="table_suoyin">
<tr><td>索引号：</td><td>11410100005252716B/2022-00123</td><td>主题分类：</td><td>城乡建设、环境保护</td></tr>
<tr><td>发文机关：</td><td>某某市人民政府</td><td>成文日期：</td><td>2022年06月30日</td></tr>
<tr><td>标题：</td><td colspan="3">某某市人民政府关于加快推进城市更新的实施意见</td></tr>
<tr><td>发文字号：</td><td>某政〔2022〕15号</td><td>发布日期：</td><td>2022年07月05日</td></tr>
</table></div>
<div class="article"><h1>某某市人民政府关于加快推进城市更新的实施意见</h1>
<p class="wh">某政〔2022〕15号</p>
<p>各县（市、区）人民政府，市人民政府各部门：</p>
<p>为深入贯彻落实党中央、国务院关于实施城市更新行动的决策部署，推动城市高质量发展，现提出如下意见。</p>
<p>一、总体要求</p>
<p>（一）指导思想。坚持以人民为中心的发展思想，统筹城市规划建设管理。</p>
<p>（二）主要目标。到2025年，完成老旧小区改造500个。</p>
<p>二、重点任务</p>
<p>（一）实施老旧小区改造。由市住房城乡建设局牵头，各区政府负责，2025年底前完成。</p>
<p>（二）推进历史文化街区保护。由市文化广电旅游局牵头。</p>
<p>三、保障措施</p>
<p>各级各部门要加强组织领导，确保各项任务落到实处。</p>
<p style="text-align:right">某某市人民政府</p>
<p style="text-align:right">2022年6月30日</p>
</div>
<div class="share">分享到：<a>微信</a><a>微博</a></div>
<div class="print">【打印本页】【关闭窗口】</div>
<div class="footer">主办：某某市人民政府办公厅 联系电话：0371-12345678 网站标识码：4101000001 豫ICP备12345678号</div>
</body></html>
"""


@pytest.mark.parametrize("with_table", [True, False])
def test_government_web_page_with_header_table(tmp_path: Path, with_table: bool) -> None:
    page = GOV_PAGE
    if not with_table:
        start = page.index('<div class="xxgk">')
        page = page[:start] + page[page.index("</table></div>") + len("</table></div>") :]
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    doc = parse(path)
    meta = doc.metadata
    assert meta.title == "某某市人民政府关于加快推进城市更新的实施意见"
    assert meta.doc_number == "某政〔2022〕15号"
    assert meta.issuer == "某某市人民政府"
    assert meta.date == "2022-06-30"
    assert meta.kind == "意见"
    assert [s.title for s in doc.sections] == ["总体要求", "重点任务", "保障措施"]
    assert (meta.index_number is not None) == with_table
    for furniture in ("首页", "当前位置", "分享到", "打印本页", "关闭窗口", "ICP备", "联系电话"):
        assert furniture not in doc.text


def test_docx_line_breaks_inside_a_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某某市城市更新行动方案")
    run = document.add_paragraph().add_run("一、总体要求")
    run.add_break()
    run.add_text("坚持规划引领。")
    path = tmp_path / "breaks.docx"
    document.save(str(path))
    doc = parse(path)
    assert doc.text == "某某市城市更新行动方案\n一、总体要求\n坚持规划引领。"
    assert [(s.number, s.title) for s in doc.sections] == [("一", "总体要求")]


def test_docx_whose_flag_bits_ask_for_patched_data(tmp_path: Path) -> None:
    """Found by bench/fuzz.py: one flipped bit in a .docx's zip directory (flag bit 5,
    "compressed patched data") raised NotImplementedError from zipfile instead of a LoadError."""
    from bench.fuzz_inputs import docx_bytes

    data = bytearray(docx_bytes("第一条 内容。"))
    entry = data.index(b"PK\x01\x02")  # the first central directory entry
    while not data[entry + 46 :].startswith(b"word/document.xml"):
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 8] |= 0x20  # general purpose flag bits: bit 5
    path = tmp_path / "patched.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(LoadError, match=r"patched\.docx: a damaged \.docx file"):
        parse(path)


def test_html_paragraphs_repeated_word_for_word_are_all_kept(tmp_path: Path) -> None:
    # A measure per paragraph, each closed by its unit: trafilatura kept one copy of the line.
    measures = [
        "（一）适当延缓缴纳城市基础设施配套费。对新出让土地的项目，可申请分期缴纳。",
        "（二）优化建设项目审批。压缩审批时限，推行并联审批。",
        "（三）实施竣工联合验收。推行一次受理、联合验收。",
        "（四）加大信贷融资支持。引导金融机构满足合理融资需求。",
    ]
    units = ["市住房城乡建设局", "市住房城乡建设局", "市住房城乡建设局", "市金融工作局"]
    body = "".join(
        f"<p>{measure}</p><p><span>责任单位：{unit}</span></p>"
        for measure, unit in zip(measures, units, strict=True)
    )
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>政策文件</title></head>'
        f"<body>{NAV}<div class='article'><h1>关于促进房地产市场平稳健康发展的意见</h1>"
        f"{body}</div>{FOOTER}</body></html>"
    )
    path = tmp_path / "measures.html"
    path.write_text(page, "utf-8")
    text = parse(path).text
    assert text.count("责任单位：市住房城乡建设局") == 3
    assert text.count("责任单位：市金融工作局") == 1
    assert "⟦" not in text and "版权所有" not in text
