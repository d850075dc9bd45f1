"""The checks page's rows: graph checks and broken chains (issue 14)."""

from __future__ import annotations

from typing import Any

from policykg.queries.graph_checks import CheckResult


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
