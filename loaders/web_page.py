"""A saved web page's article text: resiliparse's main-content extraction, tables as rows.

resiliparse (lexbor's C parser and rule-based boilerplate removal) reads a government page in
about a tenth of trafilatura's time, and it keeps every paragraph (trafilatura deduplicated
repeated lines and needed a marking pass to keep them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from policykg.loaders.table_line import table_line

# resiliparse drops a text node whose stripped text is one 3-byte UTF-8 character that it takes
# for an icon-font glyph (private use area): its range test reads the bytes little-endian, so
# almost every lone CJK character matches. Chinese pages wrap single characters in spans
# (每平方米37<span>元</span>), so each such text node gets a zero-width mark, removed again below.
# Possessive: what follows each run of whitespace is never whitespace, so giving some back
# could not match, and trying it at every indented tag was most of the page's scan.
_LONE_CHARACTER = re.compile(r">(\s*+[^\x00-\x7f<>&\s]\s*+)<")
_MARK = "\u2060"  # WORD JOINER: invisible, never meaningful in a policy text
# Shown only on paper: the Guangdong gkmlpt pages print the site's name as an h1 above the
# article ("…街道办事处政府信息公开"), which would read as the page's title and home region.
_PRINT_CLASSES = ("print-title", "print-only", "visible-print", "visible-print-block")
_PRINT_ONLY = tuple(f".{name}" for name in _PRINT_CLASSES)
# Page furniture resiliparse's class rules let through (they want site-header, not header).
_FURNITURE = (".header", ".header-menu", ".footer", ".nav", ".navbar", ".menu", ".breadcrumb",
              ".crumb", ".crumbs")  # fmt: skip
_BREADCRUMB = re.compile(r"当前位置|所在位置|现在的位置|[>＞»]")
_HEAD_LINES = 40  # a headline this far down is the page's title, not a heading of its text
_BLOCK_TAGS = frozenset({"div", "ul", "ol", "dl", "p"})
_MENU_DEPTH = 5  # resiliparse drops link clusters below this depth itself
_MAX_BAR = 2000  # characters: a site's menu is shorter
_BAR_PREFIX = 2 * _MAX_BAR  # characters of a block read first: whitespace is rarely half of them
_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SITE_NAME = re.compile(r"\s+[-—|｜_]\s*|_")
_DOCUMENT_KIND = re.compile(
    r"(?:通知|办法|意见|方案|规定|细则|决定|规划|措施|公告|通告|条例|纲要|计划|要点|批复)$"
)
_LINK_SHARE = 0.9  # of a block's characters inside links: a menu, not a paragraph
_CELL_GAP = "\t\t"  # how resiliparse separates table cells
_MAX_CELL = 600  # longer cells mean a page laid out with a table: keep its lines as they are


def article_text(html: str) -> str:
    """The page's main text (its h1 included), table rows as `A | B | C |` lines."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(_LONE_CHARACTER.sub(rf">\1{_MARK}<", html))
    _drop_link_bars(tree)
    _rows_as_lines(tree)
    options: dict[str, Any] = {
        "preserve_formatting": True, "list_bullets": False, "alt_texts": False,
        "links": False, "form_fields": False, "noscript": False,
        "skip_elements": _PRINT_ONLY + _FURNITURE,
    }  # fmt: skip
    text = extract_plain_text(tree, main_content=True, **options)
    if not text.strip():
        # Pages whose every block looks like navigation to the rules: all visible text instead.
        text = extract_plain_text(tree, main_content=False, **options)
    lines = [
        _row(line) if _CELL_GAP in line else _words(line)
        for line in text.replace(_MARK, "").splitlines()
    ]
    return "\n".join(_headline_first(lines, _headline(tree)))


def _headline(tree: object) -> str | None:
    """The page's first h1 (else h2) that reads like one line of title."""
    for tag in ("h1", "h2"):
        for element in tree.document.get_elements_by_tag_name(tag).values():  # type: ignore[attr-defined]
            if set(element.class_list) & set(_PRINT_CLASSES):
                continue
            title = _words(element.text.replace(_MARK, ""))
            if 4 <= len(title) <= 100 and not _BREADCRUMB.search(title):
                return title
    # No heading: the page's <title> before the site's name (…实施办法 - 广州市增城区人民政府门户网站),
    # when it names a document — the text's first line may be a site widget (长者助手).
    page_title = _SITE_NAME.split(tree.title or "")[0]  # type: ignore[attr-defined]
    title = _words(page_title)
    if 4 <= len(title) <= 100 and _DOCUMENT_KIND.search(title):
        return title
    return None


def _headline_first(lines: list[str], headline: str | None) -> list[str]:
    """The headline as the first line: a site's menu or breadcrumb lines above it (投资政策,
    本地政策) would otherwise be read as the document's title."""
    if not headline or not lines or lines[0] == headline:
        return lines
    if headline in lines[:_HEAD_LINES]:
        lines = [line for line in lines if line != headline]
    return [headline, *lines]


def _words(line: str) -> str:
    # One space between words, none at the ends, as a browser shows the line: runs of &nbsp;
    # and ideographic spaces are layout (indents, 第一章&nbsp;&nbsp;总则), not text.
    return " ".join(line.split())


def _drop_link_bars(tree: object) -> None:
    """Remove blocks made of nothing but two or more links (首页 政务公开 互动交流): site menus
    near the top of the page, where resiliparse's link-cluster rules do not look (it drops
    them deeper down). Lists of attachments stay (附件)."""
    body = tree.body  # type: ignore[attr-defined]
    if body is not None:
        _drop_link_bars_in(body, _links(body), 1)


def _drop_link_bars_in(parent: Any, links: int, depth: int) -> None:
    """Drop the link bars among the children of `parent`, which holds `links` links.

    Only the first levels are walked, and only elements holding two links: each element
    visited costs a Python wrapper, and a government page holds thousands of links further
    down. A bar's links are links of every element around it, so once the siblings left hold
    fewer than two links together, none of them is visited.
    """
    node = parent.first_element_child  # elements only: text nodes cost wrappers too
    while node is not None:
        count = _links(node)
        links -= count
        following = node.next_element if links >= 2 else None  # before node can be removed
        if count >= 2:
            if node.tag in _BLOCK_TAGS and _is_link_bar(node):
                node.decompose()
            elif depth < _MENU_DEPTH:
                _drop_link_bars_in(node, count, depth + 1)
        node = following


def _links(element: Any) -> int:
    # Elements without child elements (scripts, images) hold no link, told by a cheaper count.
    if not element.child_element_count:
        return 0
    return len(element.get_elements_by_tag_name("a"))


def _is_link_bar(block: object) -> bool:
    """Whether a block holding two links or more is made of links alone."""
    spaced = block.text  # type: ignore[attr-defined]
    # The wrappers of the article hold most of the page's text: the first characters of one
    # already outnumber a bar's, and splitting them costs a fraction of splitting it whole.
    if len(spaced) > _BAR_PREFIX and len("".join(spaced[:_BAR_PREFIX].split())) > _MAX_BAR:
        return False
    text = "".join(spaced.split())
    if not text or len(text) > _MAX_BAR or "附件" in text:
        return False  # not serialised just to be kept: the page's wrappers are most of it
    anchors = _ANCHOR.findall(block.html)  # type: ignore[attr-defined]
    if len(anchors) < 2:
        return False
    # Characters other than whitespace add up: one split over the links' texts counts them.
    linked = "".join(map(_untagged, anchors))
    return len("".join(linked.split())) >= len(text) * _LINK_SHARE


def _untagged(markup: str) -> str:
    # An `in` test first: most links hold plain text, and the sub was a call per link.
    return _TAG.sub("", markup) if "<" in markup else markup


def _rows_as_lines(tree: object) -> None:
    """Each row of a data table becomes one paragraph of its cells joined by `|`, as for Word
    tables, so a task-division table keeps its columns (cells holding paragraphs would
    otherwise come out a line each).

    Only innermost tables of short cells count: pages laid out with tables keep their layout.
    """
    body = tree.body  # type: ignore[attr-defined]
    if body is None:
        return
    # Tag names, not CSS selectors: lexbor's selector engine costs several times the walk.
    # values() copies the list: indexing it instead costs time linear in its length per item,
    # and the list by tag name follows the tables removed below.
    for table in body.get_elements_by_tag_name("table").values():
        if len(table.get_elements_by_tag_name("table")):
            continue
        rows = [
            [" ".join(cell.text.replace(_MARK, "").split()) for cell in _cells(row)]  # type: ignore[attr-defined]
            for row in table.get_elements_by_tag_name("tr").values()
        ]
        if not rows or max(len(r) for r in rows) < 2:
            continue
        if any(len(cell) > _MAX_CELL for row in rows for cell in row):
            continue
        parent = table.parent
        for cells in rows:
            if any(cells):
                line = tree.create_element("p")  # type: ignore[attr-defined]
                line.text = table_line(cells)  # its one text node, for half a created node's cost
                parent.insert_before(line, table)
        table.decompose()


def _cells(row: object) -> Iterator[object]:
    cell = row.first_element_child  # type: ignore[attr-defined]
    while cell is not None:  # elements only: a wrapper for each whitespace node costs as much
        if cell.tag in ("td", "th"):
            yield cell
        cell = cell.next_element


def _row(line: str) -> str:
    cells = [" ".join(cell.split()) for cell in line.split(_CELL_GAP)]
    if any(len(cell) > _MAX_CELL for cell in cells):
        return line
    return table_line(cells)
