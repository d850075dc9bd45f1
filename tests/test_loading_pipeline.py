"""A load with parsing in worker processes writes the same graph and report as a serial one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.generate import generate
from policykg.app.loading import POOL_MIN_FILES, FileResult, load_files
from policykg.graph import Store, open_store
from policykg.settings import Settings
from tests.graph_fixtures import whole_graph as _graph


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


def test_documents_written_in_groups_equal_one_at_a_time(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    """Issue 12/15: several documents per round trip (FalkorDB) or transaction (Neo4j) write
    the graph that one document at a time writes — citation chains in both directions within
    a group, stubs that later become documents, a 废止 triad, shared units and regions, and
    a file loaded twice in one run."""
    repo = Path(__file__).resolve().parent.parent
    analysis = sorted((repo / "tests" / "fixtures" / "analysis").glob("*.txt"))
    demo = sorted((repo / "demo").glob("*"))
    files = [*reversed(analysis), *demo, *generate(tmp_path / "docs", 12), *analysis, demo[0]]

    one_at_a_time = load_files(store, files, 7, group_documents=1)
    other = open_store(replace(settings, graph_name=f"{settings.graph_name}_grouped"))
    try:
        other.ensure_schema()
        grouped = load_files(other, files, 7, group_documents=16)
        assert _graph(other) == _graph(store)
    finally:
        other.clear()
        other.close()
    assert grouped == one_at_a_time
    assert not grouped.failed and len(grouped.loaded) >= len(files)


def _document(doc_id: str, nodes: list[Any], rels: list[Any]) -> Any:
    from policykg.app.loading import PreparedDocument
    from policykg.graph.writer import prepare_records

    return PreparedDocument(doc_id, doc_id, prepare_records(nodes, rels))


def test_a_group_keeps_what_one_at_a_time_would_write(store: Store, settings: Settings) -> None:
    """The three cases where writing a group naively (every delete, then every row) differs
    from writing its documents in turn: a strong node followed by a weak row of the same id
    (the weak row must not add its properties), a relationship starting at a later document
    of the group (that document's replacement deletes it), and one document twice (the
    second version replaces the first)."""
    from policykg.app.loading import DocumentGroup
    from policykg.ontology.records import NodeRecord as N
    from policykg.ontology.records import RelationshipRecord as R

    region = N("Region", "r1", {"name": "甲市"})
    zero = _document(
        "d0", [N("Document", "d0", {"title": "〇"}), N("Unit", "u1", {"name": "甲局"})], []
    )
    weak_unit = _document(
        "d4", [N("Document", "d4", {"title": "四"}), N("Unit", "u1", {"name": "甲局", "kind": "x"}, True)],
        [],
    )  # fmt: skip
    first = _document(
        "d1",
        [N("Document", "d1", {"title": "一"}), N("Document", "d2", {"title": "二"}, weak=True),
         region],
        [R("MENTIONS", "Document", "d2", "Region", "r1", {"doc": "d1"})],
    )  # fmt: skip
    second = _document(
        "d2",
        [N("Document", "d2", {"title": "二"}), N("Unit", "u1", {"name": "甲局"}), region],
        [R("ISSUED_BY", "Document", "d2", "Unit", "u1", {"doc": "d2"})],
    )  # fmt: skip
    third_v1 = _document(
        "d3", [N("Document", "d3", {"title": "三"}), region],
        [R("APPLIES_TO", "Document", "d3", "Region", "r1", {"doc": "d3"})],
    )  # fmt: skip
    third_v2 = _document("d3", [N("Document", "d3", {"title": "三（修订）"})], [])
    documents = [zero, weak_unit, first, second, third_v1, third_v2]

    for document in documents:
        one = DocumentGroup(1)
        one.add(Path("f"), [document])
        one.write(store, 50, None)
    other = open_store(replace(settings, graph_name=f"{settings.graph_name}_group"))
    try:
        other.ensure_schema()
        group = DocumentGroup(16)
        written = 0
        for document in documents:
            if group.must_flush_before([document]):
                written += len(group.write(other, 50, None))
            group.add(Path("f"), [document])
        written += len(group.write(other, 50, None))
        assert _graph(other) == _graph(store)
        assert written == 6
    finally:
        other.clear()
        other.close()
    nodes, rels = _graph(store)
    assert not any("MENTIONS" in r or "APPLIES_TO" in r for r in rels), rels
    assert not any("'kind'" in n for n in nodes) and any("三（修订）" in n for n in nodes), nodes
