"""Issue 13 in headless Chromium: lineage clicks and hovers, the language kept in the URL, and
no English word on a Chinese page (the module is end to end: `policykg serve`, a browser)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests import explorer_graph
from tests.explorer_graph import BASIS_EVIDENCE, BASIS_ID, BASIS_NUMBER, SEED000_TITLE
from tests.test_explorer_browser import (
    PAGES,
    explorer_page,
    graph_frame,
    node_point,
    open_page,
    settle,
)

pytestmark = [pytest.mark.browser, pytest.mark.e2e]
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")

known_home = explorer_graph.known_home
CHINESE_PAGES = [*PAGES, ("checks", "图谱检查")]
ALLOWED = {"Cypher", "CSV", "PNG", "SVG", "URL", "HTML", "JSON", "LIMIT", "English", "falkordb"}


@pytest.fixture(scope="module")
def pw() -> Iterator[Any]:
    with sync_api.sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def session(known_home: Path, pw: Any) -> Iterator[tuple[Any, str, Any]]:
    with explorer_page(known_home, pw) as opened:
        yield opened


def open_lineage_of_the_basis(page: Any, url: str) -> Any:
    """The lineage page opened from a URL naming the document: the URL is the state."""
    page.goto(f"{url}/lineage?doc={quote(BASIS_ID)}&direction=down&layout=level")
    page.get_by_role("heading", name="政策脉络", exact=True, level=1).wait_for()
    settle(page)
    return graph_frame(page)


def test_double_clicking_a_document_opens_its_page(session: tuple[Any, str, Any]) -> None:
    page, url, context = session
    open_lineage_of_the_basis(page, url)
    x, y = node_point(page, SEED000_TITLE)
    with context.expect_page() as opened:
        page.mouse.dblclick(x, y)
    document = opened.value
    document.get_by_role("heading", name="文件", exact=True, level=1).wait_for()
    assert "/document?doc=" in document.url
    settle(document)
    # The metadata table of that document (grid cells have accessible copies in the DOM).
    document.locator("td", has_text=f"doc:{SEED000_TITLE}").first.wait_for(state="attached")
    document.close()


def test_hovering_a_citation_shows_its_sentence(session: tuple[Any, str, Any]) -> None:
    page, url, _ = session
    frame = open_lineage_of_the_basis(page, url)
    ax, ay = node_point(page, SEED000_TITLE)
    bx, by = node_point(page, BASIS_NUMBER)
    # The straight 依据 edge's label sits at its middle.
    page.mouse.move((ax + bx) / 2, (ay + by) / 2)
    tooltip = frame.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert "依据" in tooltip.inner_text()
    assert BASIS_EVIDENCE[:20] in tooltip.inner_text()


def test_the_language_survives_a_reload(session: tuple[Any, str, Any]) -> None:
    page, url, _ = session
    page.goto(f"{url}/?lang=en")
    page.get_by_role("heading", name="Overview", exact=True, level=1).wait_for()
    page.reload()
    page.get_by_role("heading", name="Overview", exact=True, level=1).wait_for()
    page.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="概览", exact=True, level=1).wait_for()
    page.wait_for_url(re.compile(r"lang=zh"))
    page.reload()
    page.get_by_role("heading", name="概览", exact=True, level=1).wait_for()


# Text a reader sees: the page without tables (document data) and code (Cypher).
# Material icons are ligatures (keyboard_arrow_down): drawn as arrows, not read as words.
VISIBLE_TEXT = """() => {
    const parts = [];
    document.querySelectorAll('[data-testid="stSidebar"], [data-testid="stMain"]').forEach((root) => {
        const copy = root.cloneNode(true);
        copy.querySelectorAll('[data-testid="stDataFrame"], [data-testid="stCode"], textarea, '
            + 'iframe, [data-testid="stExpanderDetails"], [data-testid="stIconMaterial"]')
            .forEach((e) => e.remove());
        copy.querySelectorAll("*").forEach((e) => e.append(" "));
        parts.push(copy.textContent);
    });
    return parts.join("\\n");
}"""
GRAPH_TEXT = """() => {
    const net = window.policykgNetwork;
    const parts = [document.body.innerText];
    net.body.data.nodes.forEach((n) => { if (n.guide) parts.push(n.label); });
    net.body.data.edges.forEach((e) => parts.push(e.label || "", e.title || ""));
    return parts.join("\\n");
}"""


def test_no_english_word_on_a_chinese_page(session: tuple[Any, str, Any]) -> None:
    page, url, _ = session
    found: dict[str, set[str]] = {}
    for path, title in CHINESE_PAGES:
        open_page(page, url, path, title)
        page.wait_for_timeout(500)
        text = page.evaluate(VISIBLE_TEXT)
        if page.locator("iframe[srcdoc]").count():
            graph_frame(page)
            inner = page.locator("iframe[srcdoc]").first.element_handle().content_frame()
            text += inner.evaluate(GRAPH_TEXT)
        words = set(re.findall(r"[A-Za-z][a-z]+|[A-Z]{2,}", text)) - ALLOWED
        if words:
            found[path or "overview"] = words
    assert found == {}, sorted(found.items())
