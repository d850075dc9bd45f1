"""The Cypher export recreates the graph: its statements, run in a fresh store, rebuild it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.errors import StoreError
from policykg.graph import Store, dialect
from policykg.graph.export_cypher import cypher_literal, cypher_name, cypher_script, statements
from policykg.graph.snapshot import read_snapshot, snapshot_of
from tests.cypher_lint import Statement, lint
from tests.export_support import load_sample, open_graph, sample_records


def test_script_rebuilds_the_graph_in_a_fresh_falkordb(store: Store, server_home: Path) -> None:
    load_sample(store)
    snapshot = read_snapshot(store)
    script = cypher_script(snapshot, dialect.FALKORDB)
    copy = open_graph(server_home, "cypher_copy")
    copy.clear()  # no schema yet: the script creates it
    try:
        for statement in statements(script):
            copy.write(statement)
        assert read_snapshot(copy).canonical() == snapshot.canonical()
        for statement in statements(script)[len(dialect.schema_statements(dialect.FALKORDB)) :]:
            copy.write(statement)  # MERGE: running it twice changes nothing
        assert read_snapshot(copy).canonical() == snapshot.canonical()
    finally:
        copy.clear()
        copy.close()


def test_neo4j_script_starts_with_constraints_and_has_one_statement_per_line() -> None:
    script = cypher_script(snapshot_of(*sample_records()))
    lines = statements(script)
    assert lines[0].startswith("CREATE CONSTRAINT policykg_document_id IF NOT EXISTS")
    assert len(lines) == len(dialect.schema_statements(dialect.NEO4J)) + 9 + 14
    assert all("\n" not in line for line in lines)


def test_literals_escape_quotes_backslashes_and_newlines() -> None:
    assert cypher_literal("它's \\ \n") == "'它\\'s \\\\ \\n'"
    assert cypher_literal(["a", 1, 2.5, True]) == "['a', 1, 2.5, true]"
    assert cypher_name("full_name") == "full_name"
    assert cypher_name("odd`name") == "`odd``name`"
    with pytest.raises(StoreError, match="non-finite"):
        cypher_literal(float("nan"))
    with pytest.raises(StoreError, match="NUL"):
        cypher_literal("a\x00b")


@pytest.fixture(scope="module")
def falkordb_store(server_home: Path) -> Iterator[Store]:
    """A graph that outlives hypothesis' examples (function fixtures would not)."""
    store = open_graph(server_home, "literals")
    yield store
    store.close()


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(codec="utf-8", exclude_characters="\x00")))
def test_any_string_survives_as_a_literal(text: str, falkordb_store: Store) -> None:
    assert falkordb_store.read(f"RETURN {cypher_literal(text)} AS v").scalar() == text


@pytest.mark.e2e  # a Node.js process: the end-to-end layer
def test_exported_script_passes_the_neo4j_linter() -> None:
    script = cypher_script(snapshot_of(*sample_records()), dialect.NEO4J)
    checked = [Statement(f"line {i}", s) for i, s in enumerate(statements(script), start=2)]
    checked.append(Statement("broken", "MERGE (n:Document {id: 'a\\'}) SET n += {name: 'x'}"))
    errors = {origin: errs for origin, errs in lint(checked).items() if errs}
    assert set(errors) == {"broken"}, errors
