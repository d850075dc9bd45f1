"""The checks page's text and rows: graph checks and broken chains (issue 14).

Its interface text lives here, beside the page, in the (中文, English) form of i18n.py.
"""

from __future__ import annotations

from typing import Any

from queries.graph_checks import CheckResult

# key -> (中文, English)
STRINGS: dict[str, tuple[str, str]] = {
    "page_checks": ("图谱检查", "Graph checks"),
    "q_checks": (
        "图谱是否完整可信?哪些文件依据的文件已废止、失效或仍是征求意见稿?",
        "Can the graph be trusted? Which documents rest on repealed, expired or draft ones?",
    ),
    "checks": ("检查项", "Checks"),
    "all_pass": ("全部 {n} 项检查通过", "All {n} checks pass"),
    "some_fail": ("{failed} 项检查未通过(共 {n} 项)", "{failed} of {n} checks fail"),
    "examples": (
        "{check}:{count} 处(前几处及其原文)",
        "{check}: {count} (the first few, with evidence)",
    ),
    "broken": (
        "断链:依据(根据/落实/参照)已废止、失效或征求意见稿文件的文件",
        "Broken chains: documents resting on repealed, expired or draft documents",
    ),
    "no_broken": ("没有断链", "No broken chains"),
    "fetch": (
        "待补充的文件:仅被引用、未载入,按被引次数排序",
        "Documents to fetch next: cited but not loaded, most cited first",
    ),
    "no_fetch": ("被引用的文件都已载入", "Every cited document is loaded"),
}


def qt(key: str, lang: str = "zh", **values: object) -> str:
    """The checks page's string for key in lang, with {placeholders} filled."""
    zh, en = STRINGS[key]
    return (en if lang == "en" else zh).format(**values)


def check_rows(results: list[CheckResult]) -> list[dict[str, Any]]:
    """One table row per check: failing ones first."""
    ordered = sorted(results, key=lambda r: (r.ok, r.check))
    return [
        {"check": r.check, "ok": r.ok, "count": r.count, "rule": r.description} for r in ordered
    ]


def split_broken_chains(
    rows: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """broken_chains rows as (broken chains, documents to fetch), each with its own columns."""
    broken = [
        {k: r[k] for k in ("document", "date", "chain", "relations", "cited_status", "superseded")}
        for r in rows
        if r["problem"] == "broken"
    ]
    fetch = [
        {k: r[k] for k in ("cited_doc_number", "cited", "citations", "cited_by")}
        for r in rows
        if r["problem"] == "not loaded"
    ]
    return broken, fetch
