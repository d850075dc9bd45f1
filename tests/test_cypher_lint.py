"""Every Cypher statement policykg sends passes Neo4j's own parser with no errors."""

from __future__ import annotations

from policykg.graph import dialect
from policykg.queries import named_queries
from policykg.queries.graph_checks import graph_checks
from tests.cypher_lint import Statement, lint, source_statements


def project_statements() -> list[Statement]:
    statements = [
        Statement(f"generated #{i}", s) for i, s in enumerate(dialect.generated_statements())
    ]
    statements += [
        Statement(f"queries/{q.name}.cypher", q.cypher) for q in named_queries().values()
    ]
    statements += [
        Statement(f"queries/checks/{q.name}.cypher", q.cypher) for q in graph_checks().values()
    ]
    statements += source_statements()
    return statements


def test_every_statement_passes_the_neo4j_linter() -> None:
    statements = project_statements()
    errors = {origin: errs for origin, errs in lint(statements).items() if errs}
    assert errors == {}, "\n".join(f"{o}: {e}" for o, e in errors.items())


def test_the_linter_catches_errors() -> None:
    bad = [
        Statement("syntax", "MATCH (n RETURN n"),
        Statement("undeclared", "MATCH (n) WHERE n.id = $ok RETURN n, m"),
    ]
    errors = lint(bad)
    assert errors["syntax"] and "Invalid input" in errors["syntax"][0]
    assert errors["undeclared"] and "m" in errors["undeclared"][0]


def test_named_queries_and_generated_statements_are_all_collected() -> None:
    origins = {s.origin for s in project_statements()}
    assert {f"queries/{name}.cypher" for name in named_queries()} <= origins
    assert {f"queries/checks/{name}.cypher" for name in graph_checks()} <= origins
    assert graph_checks()
    assert any(o.startswith("graph/dialect.py") for o in origins)
