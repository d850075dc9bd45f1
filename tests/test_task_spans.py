"""A Task's paragraph lives in the text store, not the graph: its offsets find it again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.app.responsibility import task_title
from policykg.app.texts import (
    StoredText,
    read_text,
    save_text,
    saved_text_reader,
    span_evidence,
    stored_text,
)
from policykg.graph.writer import node_rows
from policykg.loaders import parse
from policykg.loaders.extract import extract
from policykg.ontology import NodeRecord

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "fixtures" / "corpus"
# Development documents only (the sealed parts are never extracted by tests): a table of
# tasks (a03), numbered items under groups (b03), a county assessment scheme (b04), demo texts.
DOCUMENTS = [
    CORPUS / "docs" / "a03.txt",
    CORPUS / "docs" / "b03.txt",
    CORPUS / "docs" / "b04.txt",
    *sorted((REPO / "demo").glob("00*.txt"))[:3],
]


def extracted_nodes(path: Path, label: str) -> list[tuple[str, dict[str, object]]]:
    """(saved text, properties) for every node of a label extracted from every document of a
    file (test_lean_graph reads Targets with it)."""
    found = []
    for document in parse(path).documents():
        extraction = extract(document)
        text = stored_text(extraction.document_id, document).text
        found += [(text, n.properties) for n in extraction.nodes if n.label == label]
    return found


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_task_text_is_its_span_of_the_saved_text(path: Path) -> None:
    tasks = extracted_nodes(path, "Task")
    assert tasks, f"{path.name}: no tasks extracted"
    for text, props in tasks:
        start, end = props["start"], props["end"]
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
        span, extracted = text[start:end], str(props["text"])
        if props.get("section") == "任务分工表":
            # a row's text joins its task cells; its span is the row as printed
            assert str(props["title"])[:8] in span, (props["title"], span)
        else:
            assert span[:2000] == extracted, (props["name"], span[:80], extracted[:80])


def test_the_graph_keeps_offsets_not_the_paragraph() -> None:
    node = NodeRecord(
        "Task",
        "task:doc:x#1",
        {"name": "1 a", "title": "a", "text": "1.a。长段落", "start": 3, "end": 9},
    )
    [(_, rows)] = node_rows([node]).items()
    assert rows == [{"id": "task:doc:x#1", "props": {"name": "1 a", "start": 3, "end": 9}}]


def test_span_evidence_reads_each_document_once_and_keeps_the_query_evidence_without_text(
    tmp_path: Path,
) -> None:
    save_text(tmp_path, StoredText("doc:A", "一、总则。\n1.建设平台。由市大数据局负责。"))
    reads: list[str | None] = []
    reader = saved_text_reader(tmp_path)

    def text_of(document_id: str | None) -> str | None:
        reads.append(document_id)
        return reader(document_id)

    rows = [
        {
            "item": "1 建设平台",
            "evidence": "建设平台",
            "document_id": "doc:A",
            "start": 6,
            "end": 24,
        },
        {"item": "2 其他", "evidence": "其他", "document_id": "doc:missing", "start": 0, "end": 3},
        {"item": "CITES", "evidence": "根据《X》"},
    ]
    assert span_evidence(rows, text_of) == [
        {"item": "1 建设平台", "evidence": "1.建设平台。由市大数据局负责。"},
        {"item": "2 其他", "evidence": "其他"},
        {"item": "CITES", "evidence": "根据《X》"},
    ]
    assert reads == ["doc:A", "doc:missing"]
    assert read_text(tmp_path, "doc:missing") is None


def test_extract_json_still_prints_the_task_text(tmp_path: Path) -> None:
    from tests.cli_runner import run_cli

    result = run_cli(tmp_path / "home", "g", "extract", str(DOCUMENTS[2]), "--json")
    assert result.code == 0, result.stderr
    nodes = [n for line in result.stdout.splitlines() for n in json.loads(line)["nodes"]]
    tasks = [n["properties"] for n in nodes if n["label"] == "Task"]
    assert tasks and all(t["text"] and t["end"] > t["start"] for t in tasks)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_a_tasks_title_is_read_back_from_its_name_and_number(path: Path) -> None:
    """The graph keeps a Task's title once, in name (number, a space, title): what the named
    queries and the Responsibility page show is the title the extraction read."""
    tasks = extracted_nodes(path, "Task")
    assert tasks
    for _, props in tasks:
        stored = {k: v for k, v in props.items() if k in ("name", "number")}
        assert task_title(stored) == (props["title"] or props["name"]), props
