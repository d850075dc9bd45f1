"""Screenshots of the explorer on the demo corpus at 1440×900, for the README (issue 13).

    .venv/bin/python -m bench.explorer_screenshots [--out docs/screenshots]

Loads demo/ into a fresh data directory, runs `policykg serve`, opens each page in headless
Chromium and saves one PNG per page (the viewport, as a reader first sees it).
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from policykg.app.loading import load_files
from policykg.app.texts import texts_dir
from tests.explorer_browser import CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, serve
from tests.explorer_graph import store_at

VIEWPORT = {"width": 1440, "height": 900}
GRAPH = "iframe[srcdoc]"
CHART = "[data-testid='stVegaLiteChart'] svg"
TABLE = "[data-testid='stDataFrame']"
# The two demo documents that share most: an indicator and year, their province.
PAIR = "a=doc:界首市新型城镇化试点实施方案&b=doc:解读亳州高新区城市功能品质活力提升实施意见的通知"
# page path, query string, file name, what is drawn when the page is ready, the heading to
# scroll to (None: the first graph or chart); the document and unit are the demo's richest.
SHOTS = (
    ("lineage", "", "demo_lineage_1440", GRAPH, None),
    ("lineage", "?layout=date", "demo_lineage_by_date_1440", GRAPH, None),
    ("responsibility", "", "demo_responsibility_1440", GRAPH, None),
    ("map", "", "demo_map_1440", CHART, None),
    ("map", "?province=340000", "demo_map_anhui_1440", CHART, None),
    ("targets", "", "demo_targets_compare_1440", CHART, "比较同一指标"),
    ("compare", f"?{PAIR}", "demo_compare_1440", TABLE, "同一指标、同一年份的目标"),
)


def settle(page: Any) -> None:
    """Wait until Streamlit has finished rerunning the script and the graph is drawn."""
    page.wait_for_timeout(500)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')")


@contextmanager
def browser_page() -> Iterator[Any]:
    """A page of headless Chromium at 1440×900, in Chinese."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver, tempfile.TemporaryDirectory() as profile:
        context = driver.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport=VIEWPORT,
            locale="zh-CN",
        )
        page = context.new_page()
        page.set_default_timeout(60_000)
        try:
            yield page
        finally:
            context.close()


def shoot(url: str, out: Path) -> list[Path]:
    """Open each page and save its screenshot; returns the files written."""
    written = []
    with browser_page() as page:
        for path, query, name, ready, heading in SHOTS:
            page.goto(f"{url}/{path}{query}")
            page.get_by_role("heading", level=1).first.wait_for()
            settle(page)
            page.locator(ready).first.wait_for()
            if heading:  # the section under its heading, at the top of the view
                page.get_by_role("heading", name=heading).first.evaluate(
                    "(e) => e.scrollIntoView({block: 'start'})"
                )
            elif ready == GRAPH:
                page.frame_locator(GRAPH).first.locator("#graph canvas").wait_for()
                # Scroll so the graph fills the view under the page's controls.
                page.locator(GRAPH).first.scroll_into_view_if_needed()
            else:
                page.locator(ready).first.scroll_into_view_if_needed()
            page.wait_for_timeout(1500)
            target = out / f"{name}.png"
            page.screenshot(path=str(target))
            written.append(target)
            if path == "responsibility":  # and the matrix, the unit's column first
                page.get_by_role(
                    "heading", name="任务 × 单位 矩阵(牵头/配合)"
                ).scroll_into_view_if_needed()
                page.mouse.wheel(0, 300)
                page.wait_for_timeout(800)
                target = out / "demo_responsibility_matrix_1440.png"
                page.screenshot(path=str(target))
                written.append(target)
    return written


def shoot_corpus(files: list[Path], shooter: Callable[[str, Path], list[Path]]) -> None:
    """Load files into a fresh data directory, serve the explorer, run shooter on it with
    --out (default docs/screenshots) and print the files it wrote."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        with store_at(home) as store:
            load_files(store, files, batch_size=200, texts=texts_dir(home))
            with serve(home, free_port()) as url:
                for path in shooter(url, args.out):
                    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def main() -> None:
    shoot_corpus(sorted((ROOT / "demo").glob("*.txt")), shoot)


if __name__ == "__main__":
    main()
