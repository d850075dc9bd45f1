"""The Cypher export recreates the graph: its statements, run in a fresh store, rebuild it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph import Store, dialect
from graph.export_cypher import cypher_literal, cypher_name, cypher_script, statements
from graph.snapshot import read_snapshot
from policykg.errors import StoreError
from tests.export_support import fresh_store, load_sample, second_store


def test_script_rebuilds_the_graph_in_a_fresh_falkordb(tmp_path: Path) -> None:
    with fresh_store(tmp_path / "home") as store:
        load_sample(store)
        snapshot = read_snapshot(store)
        script = cypher_script(snapshot, dialect.FALKORDB)
        copy = second_store(tmp_path / "home", "copy")
        copy.clear()  # no schema yet: the script creates it
        try:
            for statement in statements(script):
                copy.write(statement)
            assert read_snapshot(copy).canonical() == snapshot.canonical()
            for statement in statements(script)[len(dialect.schema_statements(dialect.FALKORDB)) :]:
                copy.write(statement)  # MERGE: running it twice changes nothing
            assert read_snapshot(copy).canonical() == snapshot.canonical()
        finally:
            copy.close()


def test_neo4j_script_starts_with_constraints_and_has_one_statement_per_line() -> None:
    from graph.snapshot import snapshot_of
    from tests.export_support import sample_records

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
def falkordb_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with fresh_store(tmp_path_factory.mktemp("home")) as store:
        yield store


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(exclude_characters="\x00")))
def test_any_string_survives_as_a_literal(text: str, falkordb_store: Store) -> None:
    assert falkordb_store.read(f"RETURN {cypher_literal(text)} AS v").scalar() == text
