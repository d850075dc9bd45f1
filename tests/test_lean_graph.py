"""A Target's sentence and a Task's heading path stay out of the graph: the extraction keeps
them, the graph keeps a Target's offsets, and readers find the sentence in the saved text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.app.texts import (
    StoredText,
    save_text,
    saved_text_reader,
    sentence_at,
    with_sentences,
)
from policykg.graph import QueryResult
from policykg.graph.writer import node_rows
from policykg.loaders.extract.sentences import halfwidth
from policykg.ontology import NodeRecord
from policykg.queries import SPAN_COLUMNS
from policykg.settings import Settings
from tests.cli_runner import run_cli
from tests.test_task_spans import extracted_nodes

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "fixtures" / "corpus" / "docs"
# Development documents only (the sealed parts are never extracted by tests). c01 prints
# full-width digits in some of its targets' sentences, which the extraction reads half-width.
DOCUMENTS = [CORPUS / "a03.txt", CORPUS / "b03.txt", CORPUS / "c01.txt", CORPUS / "c12.txt"]
C01_YEAR = "2025"


def _targets(path: Path) -> list[tuple[str, dict[str, object]]]:
    return extracted_nodes(path, "Target")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_target_sentence_is_its_span_of_the_saved_text(path: Path) -> None:
    targets = _targets(path)
    assert targets, f"{path.name}: no targets extracted"
    for text, props in targets:
        start, end = props["start"], props["end"]
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
        assert halfwidth(text[start:end]) == props["text"], (props["name"], text[start:end])


def test_the_graph_keeps_a_targets_offsets_and_no_heading_path() -> None:
    target = NodeRecord(
        "Target",
        "target:doc:x@5",
        {"name": "a >= 1%", "metric": "a", "text": "到2025年a达到1%", "start": 0, "end": 11},
    )
    task = NodeRecord(
        "Task", "task:doc:x#1", {"name": "1 b", "title": "b", "section": "一、总则 > 1", "start": 3}
    )
    rows = {label: r for (label, _), r in node_rows([target, task]).items()}
    assert rows["Target"][0]["props"] == {"name": "a >= 1%", "metric": "a", "start": 0, "end": 11}
    # the title is name after number: the graph keeps it once
    assert rows["Task"][0]["props"] == {"name": "1 b", "start": 3}


def test_sentences_are_read_half_width_as_the_extraction_reads_them() -> None:
    every = "".join(chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c < 0xE000)
    assert sentence_at(every, 0, len(every)) == halfwidth(every)


def test_with_sentences_fills_evidence_and_drops_the_span_columns(tmp_path: Path) -> None:
    save_text(tmp_path, StoredText("doc:A", "一、目标。\n到２０２５年，增长５％。\n"))
    result = QueryResult(
        ("metric", "evidence", *SPAN_COLUMNS),
        (
            ("增长", None, "doc:A", 6, 18),  # from the saved text, read as the extraction did
            ("旧", "到2024年旧图", "doc:A", None, None),  # a graph loaded before keeps its text
            ("缺", None, "doc:missing", 0, 3),  # no saved text: no sentence
        ),
    )
    filled = with_sentences(result, saved_text_reader(tmp_path))
    assert filled.columns == ("metric", "evidence")
    assert filled.rows == (
        ("增长", "到2025年，增长5%。"),
        ("旧", "到2024年旧图"),
        ("缺", None),
    )
    plain = QueryResult(("evidence",), (("x",),))
    assert with_sentences(plain, saved_text_reader(tmp_path)) is plain


def test_run_prints_each_targets_sentence_as_extracted(settings: Settings) -> None:
    path = CORPUS / "c01.txt"
    loaded = run_cli(settings.home, settings.graph_name, "load", str(path))
    assert loaded.code == 0, loaded.stderr
    ran = run_cli(
        settings.home,
        settings.graph_name,
        "run",
        "targets_by_year",
        "-p",
        f"year={C01_YEAR}",
        "--format",
        "json",
    )
    assert ran.code == 0, ran.stderr
    rows = json.loads(ran.stdout)
    assert rows and not set(SPAN_COLUMNS) & set(rows[0])
    extracted = sorted(str(p["text"]) for _, p in _targets(path) if p.get("year") == 2025)
    assert sorted(r["evidence"] for r in rows) == extracted
    # the sentences with full-width digits in the file come out half-width, as extracted
    assert any(text[p["start"] : p["end"]] != p["text"] for text, p in _targets(path))  # type: ignore[misc]
