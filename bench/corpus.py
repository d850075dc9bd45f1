"""The real-document corpus (tests/fixtures/corpus): its split, gold files and strict scores."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.strict import KINDS, Claim, Score, observed, score, table
from policykg.loaders import parse
from policykg.loaders.extract import extract

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
PARTS = (
    "development",
    "sealed",
    "sealed_2",
    "sealed_3",
    "sealed_4",
    "sealed_5",
    "sealed_6",
    "sealed_7",
    "sealed_8",
    "sealed_9",
    "sealed_10",
)


@dataclass(frozen=True)
class CorpusDocument:
    """One corpus file with its source record and gold annotations."""

    id: str
    path: Path
    source: dict[str, Any]
    gold: dict[str, Any]


def split() -> dict[str, list[str]]:
    """Document ids of each part."""
    data = json.loads((CORPUS / "split.json").read_text(encoding="utf-8"))
    return {part: list(data[part]) for part in PARTS}


def documents(part: str) -> Iterator[CorpusDocument]:
    """The annotated documents of one part (a document without a gold file is skipped)."""
    sources = {s["id"]: s for s in json.loads((CORPUS / "sources.json").read_text("utf-8"))}
    for doc_id in split()[part]:
        gold_path = CORPUS / "gold" / f"{doc_id}.json"
        if not gold_path.exists():
            continue
        source = sources[doc_id]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        yield CorpusDocument(doc_id, CORPUS / source["file"], source, gold)


def claims(path: Path) -> dict[str, list[Claim]]:
    """What extraction states about a file: its main document and every companion."""
    out: dict[str, list[Claim]] = {kind: [] for kind in KINDS}
    for doc in parse(path).documents():
        for kind, found in observed(extract(doc)).items():
            out[kind].extend(found)
    return out


@dataclass(frozen=True)
class PartScores:
    """Per-document and total scores of one part."""

    part: str
    per_document: dict[str, dict[str, Score]]
    total: dict[str, Score]


def evaluate_part(part: str) -> PartScores:
    """Score every annotated document of a part."""
    per_document: dict[str, dict[str, Score]] = {}
    total = {kind: Score() for kind in KINDS}
    for doc in documents(part):
        scores = score(doc.gold, claims(doc.path), doc.id)
        per_document[doc.id] = scores
        for kind in KINDS:
            total[kind].add(scores[kind])
    return PartScores(part, per_document, total)


def report(result: PartScores, sources: dict[str, dict[str, Any]] | None = None) -> str:
    """Totals per kind, then one line per document."""
    sources = sources or {
        s["id"]: s for s in json.loads((CORPUS / "sources.json").read_text("utf-8"))
    }
    n = len(result.per_document)
    title = f"{result.part} part: {n} real documents (tests/fixtures/corpus), strict scorer"
    lines = table(title, result.total, KINDS)
    lines += ["", "per document: gold/found/match for citations | responsibilities | targets"]
    for doc_id, scores in result.per_document.items():
        src = sources.get(doc_id, {})
        cells = " | ".join(
            f"{scores[k].expected:>3}/{scores[k].extracted:>3}/{scores[k].tp:>3}" for k in KINDS
        )
        lines.append(
            f"{doc_id}  {src.get('level', '?'):<10} {cells}  {str(src.get('title', ''))[:36]}"
        )
    return "\n".join(lines)
