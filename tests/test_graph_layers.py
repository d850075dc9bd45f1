"""Issue 11: graph/ stands on its own — it never imports the loaders."""

from __future__ import annotations

import ast
from pathlib import Path

GRAPH = Path(__file__).resolve().parent.parent / "graph"


def _is_loaders(module: str) -> bool:
    return module == "loaders" or module.startswith(("loaders.", "policykg.loaders"))


def test_graph_does_not_import_loaders() -> None:
    """Before: graph/reconcile.py imported loaders to normalise titles in Python."""
    offenders = []
    for path in GRAPH.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""] if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names] if isinstance(node, ast.Import) else []
            )  # fmt: skip
            offenders += [f"{path.name}: {n}" for n in names if _is_loaders(n)]
    assert offenders == []


def test_the_check_sees_loaders_under_either_name() -> None:
    assert _is_loaders("policykg.loaders.text") and _is_loaders("loaders")
    assert not _is_loaders("policykg.graph.writer")
