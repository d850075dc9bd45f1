"""graph/'s fixed Cypher lives in graph/cypher/*.cypher, loaded by name and linted like the rest."""

from __future__ import annotations

from policykg.graph.statements import statement, statement_names
from tests.cypher_lint import source_statements

# Statements built per dialect (and the Neo4j store's own) stay in code, owned there.
_BUILT_IN_CODE = ("graph/dialect.py", "graph/neo4j_store.py")


def test_every_statement_file_is_collected_for_the_linter() -> None:
    origins = {s.origin for s in source_statements()}
    assert statement_names()
    assert {f"graph/cypher/{name}.cypher" for name in statement_names()} <= origins


def test_no_fixed_statement_left_as_a_string_constant_in_graph() -> None:
    constants = [
        s.origin
        for s in source_statements()
        if s.origin.startswith("graph/")
        and not s.origin.startswith(("graph/cypher/", *_BUILT_IN_CODE))
    ]
    assert constants == []


def test_comment_lines_are_not_sent() -> None:
    text = statement("find_stub_merges")
    assert text.startswith("MATCH (s:Document)")
    assert "//" not in text
