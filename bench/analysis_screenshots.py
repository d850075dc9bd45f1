"""Screenshots of the analyses (issue 14) in the explorer at 1440×900, for the README.

    .venv/bin/python -m bench.analysis_screenshots [--out docs/screenshots]

Loads tests/fixtures/analysis (a 国发 意见 → 河南 实施意见 → 郑州 and 洛阳 plans → 郑州高新区
plan; a repealed 意见 with 新乡's plan on it) into a fresh data directory, runs `policykg
serve` and, in headless Chromium, saves: the 图谱检查 page (graph checks, then its broken
chains), and the Cypher console running coverage, target_cascade and diffusion with the
parameters of bench.analysis_demo, each scrolled to its answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.explorer_screenshots import browser_page, settle, shoot_corpus
from policykg.queries import get_query
from tests.explorer_browser import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "analysis"
# named query, its parameters, file name
CONSOLE_SHOTS = (
    ("coverage", {"doc": "国发〔2024〕9号"}, "analysis_coverage_1440"),
    (
        "target_cascade",
        {"metric": "研发经费投入强度", "year": "2025"},
        "analysis_target_cascade_1440",
    ),
    ("diffusion", {"doc": "郑政〔2024〕12号"}, "analysis_diffusion_1440"),
)


def _to_top(element: Any) -> None:
    """Scroll Streamlit's main pane so that element stands at the top of the view."""
    element.evaluate("e => e.scrollIntoView({block: 'start'})")


def _checks(page: Any, url: str, out: Path) -> list[Path]:
    """The checks page as it opens, then scrolled to its broken chains."""
    page.goto(f"{url}/checks")
    page.get_by_role("heading", level=1).first.wait_for()
    settle(page)
    page.get_by_role("heading", name="检查项").wait_for()
    checks = out / "analysis_checks_1440.png"
    page.screenshot(path=str(checks))
    _to_top(page.get_by_role("heading", name="断链", exact=False).first)
    page.wait_for_timeout(800)
    broken = out / "analysis_broken_chains_1440.png"
    page.screenshot(path=str(broken))
    return [checks, broken]


def _console(page: Any, url: str, name: str, params: dict[str, str], target: Path) -> Path:
    """The console with a named query and its parameters, run, scrolled to the table."""
    named = get_query(name)
    page.goto(f"{url}/console")
    page.get_by_role("heading", level=1).first.wait_for()
    settle(page)
    query = page.get_by_label("Cypher 查询(只读)")
    query.fill(named.cypher)
    query.press("Control+Enter")  # commits the text area; Streamlit applies it on the click
    box = page.get_by_label("参数 (JSON)")
    box.fill(json.dumps(named.bind(params), ensure_ascii=False))
    box.press("Control+Enter")
    page.get_by_role("button", name="运行").click()
    settle(page)
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for()
    _to_top(page.get_by_role("button", name="运行"))  # the run button, row count and table
    page.wait_for_timeout(1200)
    page.screenshot(path=str(target))
    return target


def shoot(url: str, out: Path) -> list[Path]:
    """Every analysis screenshot; returns the files written."""
    with browser_page() as page:
        written = _checks(page, url, out)
        for name, params, file in CONSOLE_SHOTS:
            written.append(_console(page, url, name, params, out / f"{file}.png"))
    return written


def main() -> None:
    shoot_corpus(sorted(FIXTURES.glob("*.txt")), shoot)


if __name__ == "__main__":
    main()
