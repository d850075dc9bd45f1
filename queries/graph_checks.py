"""Graph checks: one `.cypher` file per check in queries/checks/, run by `policykg check`.

Each check query returns one row: `count` (how many items break the rule) and `examples`
(the first few, each `{item, document, evidence}`), so a check is bounded however large
the graph. The header's `// description:` line states the rule. One check is not Cypher: SHACL
conformance of the RDF export (`shacl_check`), opt-in because it reads the whole graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from policykg.graph.store import Store
from policykg.queries import NamedQuery, parse_query_file

CHECK_DIR = Path(__file__).parent / "checks"
SHACL_CHECK = "shacl_conforms"
EXAMPLES = 5
_SHACL_RESULT = re.compile(r"Focus Node: (?P<focus>.+?)\n.*?Message: (?P<message>.+?)\n", re.S)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: ok when no item breaks its rule."""

    check: str
    description: str
    count: int
    examples: list[dict[str, Any]]

    @property
    def ok(self) -> bool:
        """True when nothing breaks the rule."""
        return self.count == 0

    def to_json(self) -> dict[str, Any]:
        """The `policykg check --json` shape of this result."""
        return {"check": self.check, "ok": self.ok, "count": self.count, "examples": self.examples}


@cache
def graph_checks() -> dict[str, NamedQuery]:
    """All checks in queries/checks/, by name (the file's stem)."""
    return {p.stem: parse_query_file(p) for p in sorted(CHECK_DIR.glob("*.cypher"))}


def run_check(store: Store, check: NamedQuery) -> CheckResult:
    """Run one check query and read its count and examples."""
    rows = store.read(check.cypher).records()
    count: int = rows[0]["count"] if rows else 0
    examples: list[dict[str, Any]] = rows[0]["examples"] if rows else []
    return CheckResult(check.name, check.description, count or 0, list(examples or []))


def run_checks(store: Store) -> list[CheckResult]:
    """Every graph check, in name order."""
    return [run_check(store, check) for check in graph_checks().values()]


def shacl_check(store: Store) -> CheckResult:
    """The whole graph as RDF, validated against the SHACL shapes of the ontology."""
    # Imported here: rdflib and pyshacl are slow to import and only this check needs them.
    from policykg.graph.export_rdf import to_rdf, validate
    from policykg.graph.snapshot import read_snapshot

    report = validate(to_rdf(read_snapshot(store)))
    examples = [
        {"item": m["focus"].strip(), "document": None, "evidence": m["message"].strip()}
        for m in _SHACL_RESULT.finditer(report.text)
    ][:EXAMPLES]
    return CheckResult(
        SHACL_CHECK,
        "The RDF export conforms to the SHACL shapes generated from the ontology.",
        0 if report.conforms else max(report.violations, 1),
        examples,
    )
