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


def test_load_reports_the_time_of_each_stage(tmp_path: Path, settings: Settings) -> None:
    """Issue 12: per-stage time (parse, extract, write, reconcile) from `load`, so a slow
    load says which stage to look at."""
    import json

    from tests.cli_runner import run_cli

    files = generate(tmp_path / "docs", 3)
    (tmp_path / "docs" / "broken.docx").write_bytes(b"not a zip file")
    home, graph = settings.home, settings.graph_name
    result = run_cli(home, graph, "load", "--json", "--workers", "1", str(tmp_path / "docs"))
    assert result.code == 1, result.stderr  # the broken file failed, the others loaded
    stages = json.loads(result.stdout)["stages"]
    assert set(stages) == {"parse_s", "extract_s", "write_s", "reconcile_s"}
    assert all(stages[name] > 0 for name in ("parse_s", "extract_s", "write_s")), stages
    assert len(files) == 3
    text = run_cli(home, graph, "load", "--workers", "1", str(files[0]))
    assert text.code == 0 and "time: parse " in text.stderr and " reconcile " in text.stderr


def _stub_keys(store: Store) -> list[str]:
    return [r[0] for r in store.read("MATCH (d:Document {stub: true}) RETURN d.title_key").rows]


def _loaded_keys(store: Store) -> list[str]:
    query = "MATCH (d:Document) WHERE d.stub IS NULL OR d.stub = false RETURN d.title_key"
    return [r[0] for r in store.read(query).rows]


def test_a_load_in_ten_parts_equals_one_load(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    """Issue 12: the same graph whether a corpus is loaded at once or in ten runs (stubs made
    by an early part are merged with the documents a later part loads)."""
    # Newest first: the generator's chains cite earlier documents, so citing documents load
    # before the documents they cite, which exist meanwhile as stubs.
    files = generate(tmp_path / "docs", 30)[::-1]
    load_files(store, files, 50, workers=1)
    parts = open_store(replace(settings, graph_name=f"{settings.graph_name}_parts"))
    try:
        parts.ensure_schema()
        stubs_seen: set[str] = set()
        for start in range(0, len(files), 3):
            assert not load_files(parts, files[start : start + 3], 50, workers=1).failed
            stubs_seen |= set(_stub_keys(parts))
        assert _graph(parts) == _graph(store)
        # The case that matters happened: a document cited (as a stub) in an early part was
        # loaded in a later one.
        loaded = set(_loaded_keys(store))
        assert stubs_seen & loaded
    finally:
        parts.clear()
        parts.close()
