"""A load with parsing in worker processes writes the same graph and report as a serial one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.generate import generate
from policykg.app.loading import POOL_MIN_FILES, FileResult, load_files
from policykg.graph import Store, open_store
from policykg.settings import Settings


def _graph(store: Store) -> tuple[list[Any], list[Any]]:
    """Every node and relationship with all properties, in a stable order."""
    nodes = store.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props").rows
    rels = store.read(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props"
    ).rows
    return sorted(map(repr, nodes)), sorted(map(repr, rels))


def test_pipelined_load_equals_a_serial_load(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    files = generate(tmp_path / "docs", POOL_MIN_FILES + 4)
    broken = tmp_path / "docs" / "gen_000003.docx"
    broken.write_bytes(b"not a zip file")
    files.insert(3, broken)
    seen: list[list[FileResult]] = []

    serial = load_files(store, files, 50, workers=1)
    other = open_store(replace(settings, graph_name=f"{settings.graph_name}_pipelined"))
    try:
        other.ensure_schema()
        pipelined = load_files(other, files, 50, on_file=seen.append, workers=2)
        assert _graph(other) == _graph(store)
    finally:
        other.clear()
        other.close()

    assert pipelined == serial
    assert [r.path for r in pipelined.files] == [str(f) for f in files]  # in file order
    assert seen == [[r] for r in serial.files]  # progress per file
    assert [r.path for r in serial.failed] == [str(broken)]
    assert serial.failed[0].error and len(serial.loaded) == POOL_MIN_FILES + 4
