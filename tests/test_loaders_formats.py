"""The same document in every format and encoding parses the same as the plain UTF-8 text."""

from __future__ import annotations

import difflib
import html
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from loaders import ParsedDocument, parse
from policykg.errors import LoadError

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
    pdf.page = pages
    path = tmp_path / f"{prefix}.pdf"
    pdf.output(str(path))
    got = parse(path)
    assert got.format == "pdf"
    assert pages > 3
    same_parse(got, parse(seed_path(prefix)), min_ratio=0.98)


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
