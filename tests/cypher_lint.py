"""Run Neo4j's own Cypher linter (tools/cypher-lint, offline) over statements."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from policykg.ontology.schema import LABELS, NODE_LABELS, RELATIONSHIP_TYPES

ROOT = Path(__file__).resolve().parent.parent
LINT_DIR = ROOT / "tools" / "cypher-lint"
_PARAM = re.compile(r"\$(\w+)")
# SQL's CREATE [VIRTUAL] TABLE (the full-text index, app/text_search.py) is not Cypher.
_CYPHER_START = re.compile(
    r"^\s*(MATCH|OPTIONAL MATCH|UNWIND|CREATE(?!\s+(VIRTUAL\s+)?TABLE)|MERGE|WITH|RETURN|CALL)\b"
)
# Python sources scanned for Cypher string constants.
SOURCE_DIRS = ("app", "graph", "loaders", "ontology", "queries", "policykg")


@dataclass(frozen=True)
class Statement:
    """One Cypher statement and where it came from."""

    origin: str
    cypher: str


def lint(statements: list[Statement]) -> dict[str, list[str]]:
    """Errors per statement origin (an empty list when the statement is clean)."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError(
            "node is not installed: the Cypher linter needs Node.js (make test installs it)"
        )
    if not (LINT_DIR / "node_modules").exists():
        raise RuntimeError(f"run `npm ci` in {LINT_DIR} (make test does)")
    schema = {
        "labels": list(LABELS),
        "relationshipTypes": [r.name for r in RELATIONSHIP_TYPES],
        "propertyKeys": sorted(
            {"id", "name"} | {p.name for n in NODE_LABELS for p in n.properties}
        ),
    }
    payload = {
        "schema": schema,
        "statements": [
            {
                "id": s.origin,
                "cypher": s.cypher,
                "params": {p: "x" for p in _PARAM.findall(s.cypher)},
            }
            for s in statements
        ],
    }
    completed = subprocess.run(
        [node, str(LINT_DIR / "lint.mjs")],
        input=json.dumps(payload).encode(),
        capture_output=True,
        check=True,
        cwd=LINT_DIR,
        timeout=120,
    )
    return {r["id"]: r["errors"] for r in json.loads(completed.stdout)}


def source_statements() -> list[Statement]:
    """Plain string constants in our Python sources that look like Cypher, and the fixed
    statements graph/ keeps as files (graph/cypher/*.cypher)."""
    from policykg.graph.statements import statement, statement_names

    found = [Statement(f"graph/cypher/{n}.cypher", statement(n)) for n in statement_names()]
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            # Pieces of f-strings and concatenations are fragments: their builders are
            # linted through what they build (dialect.generated_statements()).
            fragments = {
                id(part)
                for node in ast.walk(tree)
                if isinstance(node, ast.JoinedStr | ast.BinOp)
                for part in ast.walk(node)
            }
            # Bare string expressions are docstrings, not statements.
            fragments |= {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
            for node in ast.walk(tree):
                if id(node) in fragments:
                    continue
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and _CYPHER_START.match(node.value)
                ):
                    origin = f"{path.relative_to(ROOT)}:{node.lineno}"
                    found.append(Statement(origin, node.value))
    return found
