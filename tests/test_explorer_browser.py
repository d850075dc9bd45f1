"""End to end: `policykg serve` in a subprocess, every page opened in headless Chromium."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests import explorer_graph
from tests.explorer_browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    SCREENSHOTS,
    free_port,
    is_local,
    serve,
)
from tests.explorer_graph import (
    BASIS_NUMBER,
    PARK_NAME,
    SEED000_TITLE,
    TASK14_TITLE,
    UNIT_FULL_NAME,
    UNIT_NAME,
)

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")

known_home = explorer_graph.known_home
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"
TIMEOUT_MS = 30_000
PAGES = [
    ("", "概览"),
    ("document", "文件"),
    ("lineage", "政策脉络"),
    ("responsibility", "责任分工"),
    ("targets", "目标指标"),
    ("map", "地图"),
    ("console", "Cypher 控制台"),
]


@pytest.fixture(scope="module")
def pw() -> Iterator[Any]:
    """One Playwright driver for the module (a second one cannot start beside it)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_api.sync_playwright() as driver:
        yield driver


@contextmanager
def explorer_page(
    home: Path, pw: Any, store_env: Mapping[str, str] | None = None
) -> Iterator[tuple[Any, str, Any]]:
    """`policykg serve` on home, and a page of a fresh headless Chromium profile opened on it."""
    with (
        serve(home, free_port(), store_env=store_env) as url,
        tempfile.TemporaryDirectory() as profile,
    ):
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 1900},
            locale="zh-CN",
        )
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        try:
            yield page, url, context
        finally:
            context.close()


@pytest.fixture(scope="module")
def browser(known_home: Path, pw: Any) -> Iterator[tuple[Any, str, list[str]]]:
    """A Chromium page on the explorer serving the known graph, and every URL it requested."""
    requests: list[str] = []
    with explorer_page(known_home, pw) as (page, url, context):
        context.on("request", lambda request: requests.append(request.url))
        yield page, url, requests


def open_page(page: Any, url: str, path: str, title: str) -> None:
    page.goto(f"{url}/{path}")
    page.get_by_role("heading", name=title, exact=True, level=1).wait_for()
    # Streamlit reruns settle when the status widget stops showing "running".
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')")


def graph_frame(page: Any) -> Any:
    """The pyvis iframe, once vis-network has drawn its canvas."""
    frame = page.frame_locator("iframe[srcdoc]").first
    frame.locator("#graph canvas").wait_for()
    return frame


def node_point(page: Any, label: str) -> tuple[float, float]:
    """Page coordinates of the node drawn with this label (in the first graph on the page)."""
    frame_element = page.locator("iframe[srcdoc]").first
    frame_element.scroll_into_view_if_needed()
    inner = frame_element.element_handle().content_frame()
    point = inner.evaluate(
        """(label) => {
            const net = window.policykgNetwork;
            const id = net.body.data.nodes.get({filter: (n) => n.label === label})[0].id;
            const dom = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.getElementById("graph").getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y};
        }""",
        label,
    )
    box = frame_element.bounding_box()
    return box["x"] + point["x"], box["y"] + point["y"]


def click_node(page: Any, label: str) -> None:
    """A real mouse click on the node drawn with this label."""
    page.mouse.click(*node_point(page, label))
    # The hover tooltip would cover the clicked node in the screenshot.
    inner = page.locator("iframe[srcdoc]").first.element_handle().content_frame()
    inner.add_style_tag(content=".vis-tooltip { display: none !important; }")
    page.wait_for_timeout(300)


def shoot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def publish(path: Path) -> None:
    """Copy a checked screenshot to docs/screenshots when POLICYKG_PUBLISH_SCREENSHOTS=1.

    A test run must not rewrite tracked files; refreshing the README's pictures is a choice.
    """
    if os.environ.get("POLICYKG_PUBLISH_SCREENSHOTS") != "1":
        return
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, DOCS_SCREENSHOTS / path.name)


def settle(page: Any) -> None:
    """Wait until Streamlit has finished rerunning the script."""
    page.wait_for_timeout(300)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')")


def choose_document(page: Any, typed: str, option: str) -> None:
    """Type into the document search box and pick the suggestion that names option."""
    box = page.get_by_role("combobox", name="选择文件(输入文号或标题)")
    box.click()
    box.fill(typed)
    page.get_by_role("option", name=option, exact=False).first.click()
    settle(page)


def test_overview(browser: tuple[Any, str, list[str]]) -> None:
    page, url, _ = browser
    open_page(page, url, "", "概览")
    # Data grid cells are drawn on a canvas; their accessible copies are in the DOM.
    page.locator("td", has_text=SEED000_TITLE).first.wait_for(state="attached")
    publish(shoot(page, "overview"))


def test_lineage_graph_around_the_provincial_basis(browser: tuple[Any, str, list[str]]) -> None:
    page, url, _ = browser
    open_page(page, url, "lineage", "政策脉络")
    choose_document(page, "皖办发", BASIS_NUMBER)
    frame = graph_frame(page)
    nodes = frame.locator("#graph").get_attribute("data-nodes")
    assert nodes is not None and int(nodes) >= 3
    click_node(page, BASIS_NUMBER)
    details = frame.locator("#details")
    assert BASIS_NUMBER in details.inner_text()
    assert "仅被引用" in details.inner_text()  # the stub flag, named in Chinese
    publish(shoot(page, "lineage"))


def test_responsibility_of_the_city_management_bureau(browser: tuple[Any, str, list[str]]) -> None:
    page, url, _ = browser
    open_page(page, url, "responsibility", "责任分工")
    box = page.get_by_label("单位名称包含")
    box.fill("城市管理局")
    box.press("Enter")
    settle(page)
    frame = graph_frame(page)
    assert int(frame.locator("#graph").get_attribute("data-nodes") or 0) >= 3
    page.locator("td", has_text=TASK14_TITLE).first.wait_for(state="attached")
    page.locator("td", has_text=UNIT_NAME).first.wait_for(state="attached")
    page.locator("th", has_text=UNIT_FULL_NAME).first.wait_for(state="attached")
    click_node(page, UNIT_NAME)
    assert UNIT_FULL_NAME in frame.locator("#details").inner_text()
    publish(shoot(page, "responsibility"))


def test_targets_for_2027(browser: tuple[Any, str, list[str]]) -> None:
    page, url, _ = browser
    open_page(page, url, "targets", "目标指标")
    page.locator("td", has_text="建成区面积").first.wait_for(state="attached")
    page.locator("td", has_text="2027").first.wait_for(state="attached")
    page.locator(
        "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"
    ).first.wait_for()
    publish(shoot(page, "targets"))


def test_document_with_highlighted_evidence(browser: tuple[Any, str, list[str]]) -> None:
    page, url, _ = browser
    open_page(page, url, "document", "文件")
    choose_document(page, "亳州高新区城市功能", SEED000_TITLE)
    page.locator("mark[data-type='CITES']").first.wait_for()
    publish(shoot(page, "document"))


def test_map(browser: tuple[Any, str, list[str]]) -> None:
    page, url, _ = browser
    open_page(page, url, "map", "地图")
    page.locator(
        "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"
    ).first.wait_for()
    page.locator("td", has_text=PARK_NAME).first.wait_for(state="attached")
    publish(shoot(page, "map"))


def test_console_refuses_a_write(browser: tuple[Any, str, list[str]]) -> None:
    page, url, _ = browser
    open_page(page, url, "console", "Cypher 控制台")
    query = page.get_by_label("Cypher 查询(只读)")
    query.fill("MATCH (n) DETACH DELETE n")
    query.press("Control+Enter")  # commits the text area; Streamlit applies it on the click
    page.get_by_role("button", name="运行").click()
    page.get_by_text("浏览器只读").first.wait_for()
    publish(shoot(page, "console_refuses_write"))


def test_no_request_leaves_localhost(browser: tuple[Any, str, list[str]]) -> None:
    """Every page, graphs and charts included, loads from localhost alone (no CDN, no fonts)."""
    page, url, requests = browser
    for path, title in PAGES:
        open_page(page, url, path, title)
    open_page(page, url, "lineage", "政策脉络")
    graph_frame(page)
    assert requests, "the browser recorded no request at all"
    assert sorted({u for u in requests if not is_local(u)}) == []


demo_home = explorer_graph.demo_home


@pytest.fixture(scope="module")
def demo_browser(
    demo_home: tuple[Path, list[str]], pw: Any
) -> Iterator[tuple[Any, str, list[str]]]:
    """A Chromium page on the explorer serving the demo corpus as the current pipeline loads it."""
    home, titles = demo_home
    with explorer_page(home, pw) as (page, url, _):
        yield page, url, titles


def test_demo_corpus_in_the_browser(demo_browser: tuple[Any, str, list[str]]) -> None:
    """Only what the pipeline guarantees is asserted: the titles; the graphs draw something."""
    page, url, titles = demo_browser
    open_page(page, url, "", "概览")
    publish(shoot(page, "demo_overview"))
    search = page.get_by_label("按文号或标题搜索")
    for title in titles:  # the grid draws only the rows in view: search for each
        search.fill(title)
        search.press("Enter")
        settle(page)
        page.locator("td", has_text=title).first.wait_for(state="attached")
    for path, title in (("lineage", "政策脉络"), ("responsibility", "责任分工")):
        open_page(page, url, path, title)
        frame = graph_frame(page)
        assert int(frame.locator("#graph").get_attribute("data-nodes") or 0) >= 1
        page.wait_for_timeout(1500)  # let the force layout settle before the picture
        publish(shoot(page, f"demo_{path}"))
