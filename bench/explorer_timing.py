"""Time to first meaningful content of every explorer page, on the demo corpus or N generated
documents (issue 13), in headless Chromium:

    .venv/bin/python -m bench.explorer_timing [--documents 1000]

A page's time runs from navigation to its title and its first table, chart or graph drawn
and Streamlit's script run finished. Each page is opened three times; the median is printed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.explorer_screenshots import VIEWPORT
from bench.generate import generate
from policykg.app.loading import default_workers, load_files
from policykg.app.texts import texts_dir
from tests.explorer_browser import CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, serve
from tests.explorer_graph import store_at

PAGES = ("", "document", "lineage", "responsibility", "targets", "map", "console", "checks")
CONTENT = (
    "[data-testid='stDataFrame'], [data-testid='stVegaLiteChart'], iframe[srcdoc], "
    "[data-testid='stAlert'], textarea"
)
REPEAT = 3


def first_content(page: Any, url: str) -> float:
    """Seconds from navigation to the page's first content, its script run finished."""
    started = time.perf_counter()
    page.goto(url)
    page.get_by_role("heading", level=1).first.wait_for()
    page.locator(CONTENT).first.wait_for(state="attached")
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')")
    return time.perf_counter() - started


def measure(url: str) -> dict[str, float]:
    """Median seconds to first content per page."""
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {p: [] for p in PAGES}
    with sync_playwright() as driver, tempfile.TemporaryDirectory() as profile:
        context = driver.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport=VIEWPORT, locale="zh-CN",
        )  # fmt: skip
        page = context.new_page()
        page.set_default_timeout(120_000)
        first_content(page, url)  # the server's first run imports everything: not timed
        for _ in range(REPEAT):
            for path in PAGES:
                times[path].append(first_content(page, f"{url}/{path}"))
        context.close()
    return {p or "overview": statistics.median(t) for p, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=0, help="generated documents (0: demo)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        if args.documents:
            files = generate(Path(tmp) / "docs", args.documents)
        else:
            files = sorted((ROOT / "demo").glob("*.txt"))
        with store_at(home) as store:
            started = time.perf_counter()
            report = load_files(store, files, 500, workers=default_workers(),
                                texts=texts_dir(home))  # fmt: skip
            loaded = time.perf_counter() - started
            print(f"{len(report.loaded)} documents loaded in {loaded:.0f} s")
            with serve(home, free_port()) as url:
                for name, seconds in measure(url).items():
                    print(f"{name:15} {seconds:5.2f} s")


if __name__ == "__main__":
    main()
