"""A relationship's evidence sentence stays out of the graph: the extraction keeps it with its
offsets, the graph keeps the offsets, and readers find the sentence in the saved text of the
relationship's `doc`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.app.texts import (
    StoredText,
    save_text,
    saved_text_reader,
    span_evidence,
    stored_text,
    with_sentences,
)
from policykg.graph import GraphPath, GraphRelationship, QueryResult
from policykg.graph.writer import relationship_rows
from policykg.loaders import parse
from policykg.loaders.extract import extract
from policykg.loaders.extract.sentences import halfwidth
from policykg.ontology import RelationshipRecord
from policykg.ontology.schema import RELATIONSHIPS
from policykg.queries import SPAN_COLUMNS
from policykg.settings import Settings
from tests.cli_runner import run_cli

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "fixtures" / "corpus" / "docs"
# Development documents only (the sealed parts are never extracted by tests): a table of
# tasks (a03), numbered items (b03), citations and full-width digits (c01), a demo text.
DOCUMENTS = [
    CORPUS / "a03.txt",
    CORPUS / "b03.txt",
    CORPUS / "c01.txt",
    REPO / "demo" / "002_93a20f831e1b95f8.txt",
]
QUOTED = {"CITES", "ISSUED_BY", "APPLIES_TO", "MENTIONS", "PROMOTES", "LED_BY", "SUPPORTED_BY"}


def _quoted(path: Path) -> list[tuple[str, str, RelationshipRecord]]:
    """(document id, saved text, relationship) for every relationship extracted with offsets."""
    found = []
    for document in parse(path).documents():
        extraction = extract(document)
        text = stored_text(extraction.document_id, document).text
        found += [
            (extraction.document_id, text, r)
            for r in extraction.relationships
            if "evidence_start" in r.properties
        ]
    return found


def test_the_types_whose_evidence_the_graph_keeps_take_offsets() -> None:
    assert {
        r.name for r in RELATIONSHIPS.values() if "evidence_start" in r.property_names
    } == QUOTED


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_evidence_sentence_is_its_span_of_its_documents_saved_text(path: Path) -> None:
    quoted = _quoted(path)
    assert {r.type for _, _, r in quoted} >= {"LED_BY", "MENTIONS"}, path.name
    for document_id, text, rel in quoted:
        props = rel.properties
        start, end = props["evidence_start"], props["evidence_end"]
        assert props["doc"] == document_id
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
        assert halfwidth(text[start:end]) == props["evidence"], (rel.type, props)


def test_the_graph_keeps_the_offsets_and_evidence_that_is_no_sentence() -> None:
    doc = "doc:x"
    rows = relationship_rows(
        [
            RelationshipRecord(
                "LED_BY",
                "Task",
                "task:x#1",
                "Unit",
                "unit:a",
                {"doc": doc, "evidence": "由a牵头。", "evidence_start": 4, "evidence_end": 9},
            ),
            RelationshipRecord(
                "ISSUED_BY",
                "Document",
                doc,
                "Unit",
                "unit:a",
                {"doc": doc, "evidence": "发布机构: a"},
            ),
        ]
    )
    led = rows[("LED_BY", "Task", "Unit")][0]
    issued = rows[("ISSUED_BY", "Document", "Unit")][0]
    assert led["key"] == {"doc": doc} and led["props"] == {"evidence_start": 4, "evidence_end": 9}
    assert issued["props"] == {"evidence": "发布机构: a"}


def _rel(key: str, **props: object) -> GraphRelationship:
    return GraphRelationship(key, "LED_BY", "1", "2", dict(props))


def test_with_sentences_fills_relationships_and_drops_their_offsets(tmp_path: Path) -> None:
    save_text(tmp_path, StoredText("doc:A", "一、任务。\n由市局牵头，到２０２５年完成。\n"))
    quoted = _rel("r1", doc="doc:A", evidence_start=6, evidence_end=21)
    old = _rel("r2", doc="doc:A", evidence="由旧局牵头")  # loaded before: keeps its sentence
    lost = _rel("r3", doc="doc:missing", evidence_start=0, evidence_end=3)
    path = GraphPath((), (quoted, old))
    result = QueryResult(("r", "p", "rs"), ((quoted, path, [lost, {"x": quoted}]),))
    filled = with_sentences(result, saved_text_reader(tmp_path))
    sentence = {"doc": "doc:A", "evidence": "由市局牵头，到2025年完成。"}
    ((r, p, (missing, nested)),) = filled.rows
    assert r.properties == sentence
    assert [x.properties for x in p.relationships] == [sentence, old.properties]
    assert missing.properties == {"doc": "doc:missing", "evidence": None}
    assert nested["x"].properties == sentence


def test_span_columns_and_check_examples_read_the_sentence(tmp_path: Path) -> None:
    save_text(tmp_path, StoredText("doc:A", "一、任务。\n由市局牵头，到２０２５年完成。\n"))
    text_of = saved_text_reader(tmp_path)
    result = QueryResult(
        ("unit", "evidence", *SPAN_COLUMNS),
        (("市局", None, "doc:A", 6, 21), ("旧局", "由旧局牵头", "doc:A", None, None)),
    )
    assert with_sentences(result, text_of).rows == (
        ("市局", "由市局牵头，到2025年完成。"),
        ("旧局", "由旧局牵头"),
    )
    examples = [
        {
            "item": "市局",
            "evidence": None,
            **dict(zip(SPAN_COLUMNS, ("doc:A", 6, 21), strict=True)),
        },
        {"item": "旧局", "evidence": "由旧局牵头", **dict.fromkeys(SPAN_COLUMNS)},
    ]
    assert span_evidence(examples, text_of) == [
        {"item": "市局", "evidence": "由市局牵头，到2025年完成。"},
        {"item": "旧局", "evidence": "由旧局牵头"},
    ]


def test_unit_tasks_and_check_show_the_sentences_as_extracted(settings: Settings) -> None:
    path = CORPUS / "a03.txt"
    led = [r for _, _, r in _quoted(path) if r.type in ("LED_BY", "SUPPORTED_BY")]
    loaded = run_cli(settings.home, settings.graph_name, "load", str(path))
    assert loaded.code == 0, loaded.stderr
    unit = "发展改革委"
    ran = run_cli(
        settings.home,
        settings.graph_name,
        "run",
        "unit_tasks",
        "-p",
        f"unit={unit}",
        "--format",
        "json",
    )
    assert ran.code == 0, ran.stderr
    rows = json.loads(ran.stdout)
    assert rows and not set(SPAN_COLUMNS) & set(rows[0])
    assert {r["evidence"] for r in rows} <= {str(r.properties["evidence"]) for r in led}
    assert all(r["evidence"] for r in rows)
    checked = run_cli(settings.home, settings.graph_name, "check", "--json")
    results = {c["check"]: c for c in json.loads(checked.stdout)}
    assert results["relationships_have_evidence"]["count"] == 0
