"""Documents that come without a section tree get the loaders' own reading of their text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from policykg.loaders import parse
from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.loaders.extract.context import build_context
from policykg.loaders.structure import text_sections

DEMO = sorted((Path(__file__).resolve().parent.parent / "demo").glob("*.txt"))


@pytest.mark.parametrize("path", DEMO, ids=lambda p: p.name[:3])
def test_text_sections_match_parse(path):
    parsed = parse(path)
    assert parsed.sections
    assert text_sections(parsed.text) == parsed.sections


@pytest.mark.parametrize("path", DEMO, ids=lambda p: p.name[:3])
def test_extraction_same_without_parsed_sections(path):
    parsed = replace(parse(path), companions=())
    assert extract(replace(parsed, sections=())) == extract(parsed)


def test_indented_headings_nest():
    text = "一、总体要求\n  （一）目标。到2025年建成。\n二、重点任务\n\u3000（一）扩大开放。由市商务局牵头。"
    doc = ParsedDocument("t", "txt", "utf-8", text, Metadata(title="某某实施方案"))
    index = build_context(doc, "d").sections
    assert [s.title for s in index.sections] == ["总体要求", "目标", "重点任务", "扩大开放"]
    assert index.heading_paths[-1] == "二 重点任务 > （一） 扩大开放"
