"""Issue 13 in headless Chromium: full-text search on the Document page (end to end: texts kept
by `policykg load`, `policykg serve` on the known graph, a browser)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote

import pytest

from tests import explorer_graph
from tests.explorer_browser import is_local
from tests.explorer_graph import SEED000_ID
from tests.test_explorer_browser import browser, open_page, pw

pytestmark = [pytest.mark.browser, pytest.mark.e2e]
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")

known_home = explorer_graph.known_home
__all__ = ["browser", "known_home", "pw"]  # the fixtures this module's tests share


def test_full_text_search_lists_documents_and_opens_one(
    browser: tuple[Any, str, list[str]],
) -> None:
    page, url, requests = browser
    open_page(page, url, f"document?q={quote('城市功能品质')}", "文件")
    page.get_by_text("份文件含此词", exact=False).first.wait_for()
    links = page.locator("a[href*='document?doc=']")
    hrefs = [unquote(h) for h in links.evaluate_all("(a) => a.map((x) => x.href)")]
    assert any(SEED000_ID in h for h in hrefs), hrefs
    snippet = page.get_by_text("城市功能品质", exact=False)
    assert snippet.count() >= 1

    open_page(page, url, f"document?q={quote('这句话不在任何文件里')}", "文件")
    page.get_by_text("没有已载入的文件含此词").wait_for()
    assert sorted({u for u in requests if not is_local(u)}) == []
