"""Issue 13 in headless Chromium: the map drawn on its offline basemap, zoomed to a province,
and two documents side by side (end to end: `policykg serve` on the known graph, a browser)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from policykg.app.explorer.basemap import EMPTY
from tests import explorer_graph
from tests.explorer_browser import is_local
from tests.explorer_graph import PARK_NAME, SEED000_ID, SEED002_ID
from tests.test_explorer_browser import browser, open_page, pw

pytestmark = [pytest.mark.browser, pytest.mark.e2e]
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")

known_home = explorer_graph.known_home
__all__ = ["browser", "known_home", "pw"]  # the fixtures this module's tests share

# Each outline Vega draws is an SVG path whose aria-label lists its tooltip fields.
OUTLINES = """() => Array.from(
    document.querySelectorAll("[data-testid='stVegaLiteChart'] svg path[aria-label]"))
    .map((p) => [p.getAttribute("aria-label"), p.getAttribute("fill")])
    .filter(([label]) => !label.startsWith("lon:"))"""


def outlines(page: Any, url: str, path: str) -> tuple[dict[str, str], set[str]]:
    """The map at path: name → fill of every outline drawn, and the names shaded."""
    open_page(page, url, path, "地图")
    page.locator("[data-testid='stVegaLiteChart'] svg path[aria-label]").first.wait_for()
    drawn = {}
    for label, fill in page.evaluate(OUTLINES):
        fields = dict(part.split(": ", 1) for part in label.split("; "))
        drawn[fields["名称"]] = fill
    return drawn, {name for name, fill in drawn.items() if fill != EMPTY}


def test_the_map_shades_provinces_with_documents_on_the_basemap(
    browser: tuple[Any, str, list[str]],
) -> None:
    page, url, requests = browser
    drawn, shaded = outlines(page, url, "map")
    # Every province is drawn; those with documents (鹤壁 in 河南, the park in 安徽) shaded.
    assert len(drawn) == 34
    assert shaded == {"河南省", "安徽省"}
    assert sorted({u for u in requests if not is_local(u)}) == []


def test_the_map_zooms_to_a_province_and_shades_its_cities(
    browser: tuple[Any, str, list[str]],
) -> None:
    page, url, _ = browser
    drawn, shaded = outlines(page, url, "map?province=410000")
    assert "鹤壁市" in drawn and "郑州市" in drawn and "安徽省" not in drawn
    assert shaded == {"鹤壁市"}


def test_two_documents_side_by_side(browser: tuple[Any, str, list[str]]) -> None:
    """Opened from a URL naming the pair: their targets on one indicator and year in a row."""
    page, url, _ = browser
    open_page(page, url, f"compare?a={quote(SEED000_ID)}&b={quote(SEED002_ID)}", "文件对比")
    page.get_by_text("甲 · 亳州高新区城市功能品质活力").first.wait_for(state="attached")
    row = page.locator("tr", has_text="常住人口城镇化率").first
    row.wait_for(state="attached")
    cells = row.locator("td").all_inner_texts()
    assert any(f"({PARK_NAME})" in c for c in cells), cells
    assert any("(鹤壁市)" in c for c in cells), cells
    page.get_by_text("2 组指标和年份中有 1 组两份文件都定了目标", exact=False).wait_for()
    # Responsibility: the unit of 鹤壁's document, with nothing in the park's.
    page.locator("td", has_text="牵头 1:14").first.wait_for(state="attached")


def test_two_documents_texts_compared_sentence_by_sentence(
    browser: tuple[Any, str, list[str]],
) -> None:
    """The kept texts of the pair, diffed by sentence (for a draft and its final text)."""
    page, url, _ = browser
    open_page(page, url, f"compare?a={quote(SEED000_ID)}&b={quote(SEED002_ID)}", "文件对比")
    page.get_by_role("heading", name="正文有何不同(按句)").wait_for(state="attached")
    page.get_by_text("两份正文的句子", exact=False).wait_for(state="attached")
    page.locator("[data-testid='stDataFrame']").last.wait_for(state="attached")
