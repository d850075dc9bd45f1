"""Raw text to clean paragraphs: drop site boilerplate, headers, page numbers; re-join wraps."""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders import flatten
from policykg.loaders.document import Offsets
from policykg.loaders.header import block_fields, header_fields
from policykg.loaders.inline_headings import split_flattened
from policykg.loaders.spans import Span, lines
from policykg.loaders.structure import match_heading

# Whole lines (spaces removed) that are page furniture, wherever they sit.
_DROP = re.compile(
    r"(?:分享(?:到|至)?(?:[:：].{0,30})?"
    r"|(?:[【\[]?(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|返回顶部|返回|保存|纠错|我要纠错)[】\]]?×?)+"
    r"|[【\[]?字[体号](?:大小)?[:：]?[】\]]?(?:[【\[]?[大中小][】\]]?){0,3}.{0,10}"
    r"|首页[>»›/].*"
    r"|(?:阅读量|访问量|浏览量|浏览次数|点击数|点击量|阅读次数)[:：]?\d*次?"
    r"|(?:上一篇|下一篇)[:：].*|点击(?:查看|阅读|下载).{0,100}"
    r"|[-—－(（]?\d{1,8}[-—－)）]?|第\d+页(?:共\d+页)?|\d+/\d+|[×✕]"
    r"|(?:[【\[]?(?:大|中|小)[】\]]?){2,3}"
    # A page's related-reading links (- 【一图读懂】《…》 2022-09-16) and its menu of
    # departments printed as a list (- · 市委组织部).
    r"|[-*]?【[^】]{0,8}(?:解读|读懂|图解)[^】]{0,6}】.*"
    r"|[-*][·•][^，,。；;：:]{1,20}"
    r")",
    re.IGNORECASE,
)
# Furniture whose words may stand after a few other characters: each alternative is tried at
# up to 61 offsets of a line, so it is tried only on lines holding one of _DROP_WORDS. Every
# alternative holds one of them; without case, Copyright holds a y or a Y (nothing else
# matches y) and ICP备 a 备.
_DROP_AFTER = re.compile(
    r"(?:.{0,20}(?:您现在?所?在?的位置|当前所?在?的?位置|您的位置|所在的?位置)[:：].*"
    r"|.{0,60}(?:下载文档|下载后继续阅读|立即下载|免费下载|文档共\d+页|全文阅读已结束|千万精品文档|下载即用).{0,60}"
    r"|.{0,10}扫一扫.{0,30}|.{0,20}在手机上查看.{0,20}|.{0,10}微信.{0,4}(?:二维码|公众号).{0,20}"
    r"|.{0,40}(?:版权所有|Copyright|©|ICP备|网站标识码|公网安备|技术支持[:：]).*"
    r")",
    re.IGNORECASE,
)
# What a _DROP line can open on besides a decimal digit (\d, as str.isdecimal): no branch
# matches an empty line, and no opening character has another case.
_DROP_OPENINGS = frozenset("分【[打关收返保纠我字首阅访浏点上下-—－(（第×✕大中小*")
# Openings whose every _DROP branch goes on with a digit (（3）, —3—, 第3页): most headings
# open on them ((一), 第一章) and are told apart by their second character.
_NUMBER_OPENINGS = frozenset("(（—－第")
# The longest line of _DROP's lone-number branch (\d{1,8} and a closing dash or bracket):
# a longer line opening on a digit can only be its \d+/\d+ branch.
_LONE_NUMBER_MAX = 9
_DROP_WORDS = re.compile(
    "位置|下载|文档共|全文阅读已结束|千万精品文档|扫一扫|在手机上查看|微信|版权所有|y|Y|©|备|网站标识码"
    "|公网安备|技术支持"
)
# Lines after which nothing belongs to the document (related-articles blocks, ads, share bars).
_TAIL_WORDS = (
    "相关阅读", "相关文章", "相关链接", "相关新闻", "相关推荐", "相关资讯", "相关文件", "相关稿件",
    "热门阅读", "热门推荐", "热门文章", "推荐阅读", "推荐园区", "前瞻服务", "报告分类", "猜你喜欢",
    "延伸阅读", "网站地图", "联系我们", "免责声明", "扫一扫在手机上查看当前页面",
)  # fmt: skip
_TAIL = re.compile(
    f"(?:{'|'.join(_TAIL_WORDS)})[:：]?"
    r"|(?:本文来源|文章来源[:：]?.{0,30}转载).*|.{0,60}转载请注明.*"
)
# How a _TAIL line can open (its words' first two characters, and 本文来源 / 文章来源 of its
# second branch); its last branch holds 转载请注明.
_TAIL_OPENINGS = frozenset([*(word[:2] for word in _TAIL_WORDS), "本文", "文章"])
# File names as document-sharing sites print them, often the same one several times in a row.
_FILE_NAMES = re.compile(r"(?:[^.]{2,100}\.(?:docx?|pdf|wps|txt))+", re.IGNORECASE)
_SHORT = 300
_MD_HEADING = re.compile(r"#{1,6}\s+")
_TOC = re.compile(r"目\s*录")
# Dot leaders and page numbers after a contents entry: 第一章 总则……………1
_TOC_LEADER = re.compile(r"[.…·．\-—_\s]*\d*$")
# A line that is only a status marker, printed under the title: （征求意见稿）.
_STATUS_LINE = re.compile(r"[（(]\s*(?:征求意见稿|试行|暂行|送审稿|草案|修订稿|讨论稿)\s*[)）]")
_BODYISH = re.compile(r"[。；]")
# Markdown exports open with a front-matter block between two --- lines (title, 文号, the
# exporter's own fields such as 层级 or 官方链接) and may quote the exporter's notes (source,
# copyright) as > lines before the document: none of it is the document's text.
_FRONT_RULE = re.compile(r"-{3,}\s*")
# Markdown inside a line: bold/strong marks (**一、总体要求**, also unbalanced ones such as
# 年****）), links and images ([text](url) → text). A thematic break (--- / ***) is no text.
_MD_EMPHASIS = re.compile(r"\*{2,}|~~")
_MD_LINK = re.compile(r"!?\[(?P<text>[^\]\n]*)\]\([^)\s]*\s*\)")
_MD_RULE = re.compile(r"(?:[-*_]\s*){3,}")


@dataclass(frozen=True)
class Cleaned:
    """Clean paragraphs and what was taken out of the text on the way."""

    paragraphs: tuple[Span, ...]
    header: tuple[tuple[str, str], ...]  # 政府信息公开 fields as (canonical name, value)
    file_titles: tuple[str, ...]  # file names seen in download prompts (title fallback)


# What follows a number inside a phrase (2021年, 〔2021〕, 2号, 30%), and how a sentence ends.
_NUMBER_CONTINUES = frozenset("年月日号〕]%％万亿")
_SENTENCE_ENDS = frozenset("。！？!?；;：:")


# A line that is only a number: a page number, or a table row's 序号 when the table was
# copied one cell per line. Row numbers count 1, 2, 3 … a few lines apart.
def _is_lone_number(text: str) -> bool:
    """One to three decimal digits (str.isdecimal tests what re's digit class matches): str
    methods, not a pattern call on every line, which cost more than its match."""
    return len(text) <= 3 and text.isdecimal()


_ROW_GAP = 10
_ROW_RUN = 3


def row_numbers(texts: list[str]) -> set[int]:
    """Indices of lone-number lines that number table rows: runs of at least three numbers
    counting up from 1, each at most ten lines after the one before (page numbers stand a
    page apart)."""
    keep: set[int] = set()
    run: list[int] = []
    for index, text in enumerate(texts):
        if not _is_lone_number(text):
            continue
        value = int(text)
        if run and value == int(texts[run[-1]]) + 1 and index - run[-1] <= _ROW_GAP:
            run.append(index)
        else:
            if len(run) >= _ROW_RUN:
                keep.update(run)
            run = [index] if value == 1 else []
    if len(run) >= _ROW_RUN:
        keep.update(run)
    return keep


def clean(raw: str) -> Cleaned:
    """Split raw text into clean paragraphs with original offsets."""
    header: list[tuple[str, str]] = []
    file_titles: list[str] = []
    kept: list[Span] = []
    body_started = False
    header_last = False  # the line before was a header line
    front: bool | None = None  # inside a leading front-matter block; None before the first line
    raw_lines = lines(raw)
    numbered = row_numbers([line.text for line in raw_lines])
    # Each line is a piece of raw: three scans of the file, not three of each of its lines.
    marked = "*" in raw or "](" in raw or "~~" in raw
    for at, line in enumerate(raw_lines):
        if at in numbered:
            kept.append(line)
            continue
        if front is None and line.text.strip():
            front = bool(_FRONT_RULE.fullmatch(line.text))
            if front:
                continue
        if front:
            front = not _FRONT_RULE.fullmatch(line.text)
            header.extend(header_fields(line.text) or [])
            continue
        if not kept and line.text.startswith(">"):
            continue
        if line.text.startswith("#"):  # Markdown headings: the text without its # marks
            marks = _MD_HEADING.match(line.text)
            line = line.sub(marks.end()) if marks and marks.end() < len(line.text) else line
        if marked:
            line = markdown_inline(line)
        if not line.text or (line.text[0] in "-*_" and _MD_RULE.fullmatch(line.text)):
            continue
        text = line.text
        # Furniture and header lines are short; long lines are body and skip the checks.
        if len(text) <= _SHORT:
            fields = header_fields(text)
            if fields is None and header_last and not kept:
                fields = block_fields(text)
            if fields or (fields is not None and not body_started):
                header.extend(fields)
                header_last = True
                continue
            compact = "".join(text.split())
            # Opening-character and word tests first: most lines hold none, and each pattern
            # call on every short line cost more than the tests.
            if (compact[:2] in _TAIL_OPENINGS or "转载请注明" in compact) and _TAIL.fullmatch(
                compact
            ):
                if body_started:
                    break
                continue
            if "." in compact and _FILE_NAMES.fullmatch(compact):
                file_titles.append(_first_file_name(compact))
                continue
            if (_may_drop(compact) and not _split_number(raw_lines, at, kept)) or (
                _DROP_WORDS.search(compact) and _DROP_AFTER.fullmatch(compact)
            ):
                continue
        kept.append(line)
        header_last = False
        if not body_started and (_BODYISH.search(text) or match_heading(text)):
            body_started = True
    kept = _drop_toc(kept)
    paragraphs = split_flattened(flatten.paragraphs(kept))
    paragraphs = _attach_status_lines(paragraphs)
    return Cleaned(tuple(paragraphs), tuple(header), tuple(file_titles))


def _may_drop(compact: str) -> bool:
    """_DROP.fullmatch(compact), tried only on a line opening the way one of its branches
    can: the call on every short line, and on every numbered heading, cost more than the
    tests."""
    opening = compact[:1]
    if opening.isdecimal():
        possible = len(compact) <= _LONE_NUMBER_MAX or "/" in compact
    elif opening in _NUMBER_OPENINGS:
        possible = compact[1:2].isdecimal()
    else:
        possible = opening in _DROP_OPENINGS
    return possible and bool(_DROP.fullmatch(compact))


def _split_number(raw_lines: list[Span], at: int, kept: list[Span]) -> bool:
    """A lone number that a page's markup put on a line of its own inside a phrase
    (《…关于开展 / 2021 / 年…通知》, 〔 / 2021 / 〕 / 2 / 号): not a page number, since the line
    before runs on into it and the line after continues it."""
    if not kept or not raw_lines[at].text.strip().isdigit() or at + 1 >= len(raw_lines):
        return False
    return (
        raw_lines[at + 1].text.lstrip()[:1] in _NUMBER_CONTINUES
        and kept[-1].text.rstrip()[-1:] not in _SENTENCE_ENDS
    )


def markdown_inline(line: Span) -> Span:
    """A line without Markdown's inline marks: **bold** is its text, [text](url) its text.

    Exports of government pages print headings in bold (**（一）推动科技创新资源开放**); the
    heading reader and every extraction rule expect the text as printed on the page.
    """
    if "*" not in line.text and "](" not in line.text and "~~" not in line.text:
        return line
    # The stretches kept, joined by slices: no Python loop over the characters.
    stretches: list[tuple[int, int]] = []
    position = 0
    text = line.text
    for match in _iter_marks(text):
        stretches.append((position, match.start()))
        if match.re is _MD_LINK:
            stretches.append(match.span("text"))
        position = match.end()
    stretches.append((position, len(text)))
    kept = "".join(text[a:b] for a, b in stretches)
    offsets = Offsets.join(line.offsets[a:b] for a, b in stretches)
    # Marks removed at a line's edges leave its indentation there (**　一、…**): drop it too.
    begin, end = len(kept) - len(kept.lstrip()), len(kept.rstrip())
    return Span(kept[begin:end], offsets[begin:end])


def _iter_marks(text: str) -> list[re.Match[str]]:
    """Emphasis marks and links of a line, in order, links first where they overlap."""
    links = list(_MD_LINK.finditer(text))
    marks = [
        m for m in _MD_EMPHASIS.finditer(text)
        if not any(link.start() <= m.start() < link.end() for link in links)
    ]  # fmt: skip
    return sorted([*links, *marks], key=lambda m: m.start())


def _first_file_name(compact: str) -> str:
    match = re.match(r"(.+?)\.(?:docx?|pdf|wps|txt)", compact, re.IGNORECASE)
    return match.group(1) if match else compact


def _drop_toc(kept: list[Span]) -> list[Span]:
    """Remove a table of contents: 目录 and the heading lines under it, up to the body."""
    for index, line in enumerate(kept):
        if not line.text.startswith("目") or not _TOC.fullmatch(line.text):
            continue
        end = index + 1
        first = None
        while end < len(kept):
            text = kept[end].text
            compact = _TOC_LEADER.sub("", "".join(text.split()))
            # The body begins where the first entry is printed again, or with a non-heading line.
            if first is not None and compact == first:
                break
            if not match_heading(text) or len(compact) > 60 or "。" in text:
                break
            first = first or compact
            end += 1
        if end > index + 1:
            return kept[:index] + kept[end:]
    return kept


def _attach_status_lines(paragraphs: list[Span]) -> list[Span]:
    """Glue a lone （征求意见稿） line to the title line above it."""
    out: list[Span] = []
    for para in paragraphs:
        # The length test first: it is cheap and rules most paragraphs out.
        if (
            out
            and len(out[-1].text) < 80
            and para.text.lstrip()[:1] in ("（", "(")
            and _STATUS_LINE.fullmatch("".join(para.text.split()))
        ):
            prev = out.pop()
            merged_text = prev.text + para.text
            out.append(Span(merged_text, Offsets.join([prev.offsets, para.offsets])))
            continue
        out.append(para)
    return out
