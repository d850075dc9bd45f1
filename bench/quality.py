"""Precision, recall and F1 of extraction against hand annotations.

python -m bench.quality            # the development part of the real-document corpus (strict
                                   # scorer), then the older tuning sets (seeds + sentences)
python -m bench.quality -v         # also every miss and extra
python -m bench.quality --sealed   # the sealed part, scored once at the end of issue 10
python -m bench.quality --part sealed_2
                                   # any part of tests/fixtures/corpus/split.json by name
                                   # (sealed_2: collected after the first sealed part was
                                   # spent, scored once; sealed_3 likewise after sealed_2,
                                   # sealed_4 after sealed_3, sealed_5 after sealed_4,
                                   # sealed_6 after sealed_5, sealed_7 after sealed_6,
                                   # sealed_8 after sealed_7, sealed_9 after sealed_8,
                                   # sealed_10 after sealed_9)

Figures are written to bench/results/ (quality_<part>.txt for a corpus part, quality.txt for
the tuning sets).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.corpus import PARTS, evaluate_part, report
from bench.strict import Score
from bench.strict import table as score_table
from policykg.loaders import parse
from policykg.loaders.docnumber import normalize_title
from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.loaders.extract.sentences import halfwidth
from policykg.ontology import Extraction
from policykg.ontology.organs import canonical_organ

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "extraction"
RESULTS = ROOT / "bench" / "results"
SEEDS = (ROOT / "demo", Path("/work/shared/seeds"))
KINDS = ("citations", "responsibilities", "targets", "regions", "parks", "industries")
_PUNCT = re.compile(r"[\s,，。、;；:：“”\"'‘’()（）《》\-—]")
_PARK_FORMS = (
    ("高新技术产业开发区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("自由贸易试验区", "自贸区"),
)


def norm(text: str | None) -> str:
    """Comparison form: half-width, no punctuation or spaces."""
    return _PUNCT.sub("", halfwidth(text or ""))


def _park_norm(name: str) -> str:
    name = norm(name).replace("市", "").replace("省", "")
    for long, short in _PARK_FORMS:
        name = name.replace(long, short)
    return name


def observed(extraction: Extraction) -> dict[str, list[Any]]:
    """What an extraction says, in the shape of the annotations."""
    nodes = {n.id: n for n in extraction.nodes}
    out: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    for rel in extraction.relationships:
        end = nodes.get(rel.end)
        props = end.properties if end else {}
        if rel.type == "CITES":
            title = props.get("title")
            key = normalize_title(str(title)) if title else None
            out["citations"].append((key, props.get("doc_number"), rel.properties["relation"]))
        elif rel.type in ("LED_BY", "SUPPORTED_BY"):
            task = nodes[rel.start].properties.get("title")
            out["responsibilities"].append((norm(str(task)), props.get("name"), rel.type))
        elif rel.type in ("APPLIES_TO", "MENTIONS") and rel.end_label == "Region":
            out["regions"].append((props.get("name"), props.get("adcode")))
        elif rel.type == "PROMOTES":
            out["industries"].append((props.get("name"), rel.properties.get("role")))
    for node in extraction.nodes:
        p = node.properties
        if node.label == "Target":
            out["targets"].append(
                (norm(str(p["metric"])), p.get("value"), p["unit"], p.get("year"))
            )
        elif node.label == "Park":
            out["parks"].append(_park_norm(str(p["name"])))
    out["regions"] = sorted(set(out["regions"]), key=str)
    out["parks"] = sorted(set(out["parks"]))
    out["industries"] = sorted(set(out["industries"]), key=str)
    return out


def _expected(kind: str, gold: Any) -> Any:
    if kind == "citations":
        title, number, relation = gold
        return (normalize_title(title) if title else None, number, relation)
    if kind == "responsibilities":
        return (norm(gold[0]), gold[1], gold[2])
    if kind == "targets":
        metric, value, unit, year = gold
        return (norm(metric), None if value is None else float(value), unit, year)
    return gold


def _same(kind: str, gold: Any, seen: Any) -> bool:
    if kind == "citations":
        return bool(gold == seen)
    if kind == "responsibilities":
        task, unit, role = gold
        return (
            canonical_organ(str(seen[1])) == canonical_organ(unit)
            and seen[2] == role
            and (seen[0].startswith(task) or task.startswith(seen[0]))
        )
    if kind == "targets":
        metric, value, unit, year = gold
        return seen[1:] == (value, unit, year) and (metric in seen[0] or seen[0] in metric)
    if kind == "regions":
        name, _, code = str(gold).partition("@")
        return seen[0] == name and (not code or seen[1] == code)
    if kind == "parks":
        want = _park_norm(gold)
        return want in seen or seen in want
    if kind == "industries":
        return bool(seen[0] == gold[0])
    return False


def score_case(
    case: dict[str, Any], doc: ParsedDocument, scores: dict[str, Score], label: str
) -> None:
    """Add one annotated document's matches to scores (only the kinds it annotates)."""
    seen = observed(extract(doc))
    for kind in KINDS:
        if kind not in case:
            continue
        remaining = list(seen[kind])
        score = scores.setdefault(kind, Score())
        score.extracted += len(remaining)
        for raw in case[kind]:
            gold = _expected(kind, raw)
            score.expected += 1
            hit = next((s for s in remaining if _same(kind, gold, s)), None)
            if hit is None:
                score.misses.append(f"{label}: missed {raw}")
            else:
                remaining.remove(hit)
                score.tp += 1
        score.misses.extend(f"{label}: extra {s}" for s in remaining)


def _seed_path(name: str) -> Path:
    for folder in SEEDS:
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(name)


def seed_documents() -> Iterable[tuple[dict[str, Any], ParsedDocument]]:
    """The annotated seeds, parsed by the loaders, with the annotated metadata."""
    data = json.loads((FIXTURES / "seeds.json").read_text(encoding="utf-8"))
    for case in data["documents"]:
        parsed = parse(_seed_path(case["file"]))
        meta = Metadata(**case["metadata"])
        yield case, replace(parsed, metadata=meta, companions=())


def sentence_documents(
    name: str = "sentences.json",
) -> Iterable[tuple[dict[str, Any], ParsedDocument]]:
    """The hand-written sentences, each as a one-paragraph document."""
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    for case in data["cases"]:
        meta = Metadata(
            title=case.get("title", "某某实施方案"), issuer=case.get("issuer"),
            doc_number=case.get("doc_number"),
        )  # fmt: skip
        yield case, ParsedDocument(f"sentence:{case['id']}", "txt", "utf-8", case["text"], meta)


def evaluate(
    documents: Callable[[], Iterable[tuple[dict[str, Any], ParsedDocument]]],
) -> dict[str, Score]:
    """Scores per kind over a set of annotated documents."""
    scores: dict[str, Score] = {}
    for case, doc in documents():
        score_case(case, doc, scores, case.get("id") or case.get("file", "?"))
    return scores


def table(title: str, scores: dict[str, Score]) -> str:
    """A plain-text table of P, R and F1 per kind."""
    return "\n".join(score_table(title, scores, KINDS))


def merged(*sets: dict[str, Score]) -> dict[str, Score]:
    """Scores of several sets added up."""
    out: dict[str, Score] = {}
    for scores in sets:
        for kind, s in scores.items():
            out.setdefault(kind, Score()).add(s)
    return out


HELDOUT = (
    ("heldout.json", "later sentences"),
    ("heldout2.json", "held-out sentences"),
    ("heldout3.json", "held-out sentences, other provinces"),
    ("heldout4.json", "held-out sentences, written after the heldout3 fixes"),
    ("heldout5.json", "held-out sentences, written after the heldout4 fixes"),
)


def corpus(part: str, verbose: bool) -> None:
    """Score one part of the real-document corpus, print it and write it to bench/results/."""
    result = evaluate_part(part)
    text = report(result)
    (RESULTS / f"quality_{part}.txt").write_text(text + "\n", encoding="utf-8")
    print(text, end="\n\n")
    if verbose:
        for kind, s in result.total.items():
            for miss in s.misses:
                print(f"{kind}: {miss}")


def _part(argv: list[str]) -> str | None:
    """The corpus part named by --part NAME (or --sealed), None for the default run."""
    if "--sealed" in argv:
        return "sealed"
    if "--part" not in argv:
        return None
    at = argv.index("--part") + 1
    name = argv[at] if at < len(argv) else ""
    if name not in PARTS:
        raise SystemExit(
            f"bench.quality: unknown corpus part {name!r}; "
            f"choose one of {', '.join(PARTS)} (tests/fixtures/corpus/split.json)"
        )
    return name


def main(argv: list[str]) -> int:
    """Print the tables; with -v also every miss and extra."""
    part = _part(argv)
    if part is not None:
        corpus(part, "-v" in argv)
        return 0
    corpus("development", "-v" in argv)
    if "--corpus" in argv:
        return 0
    seeds = evaluate(seed_documents)
    sentences = evaluate(sentence_documents)
    both = merged(seeds, sentences)
    print(table("seeds 000, 002, 003 (document bodies)", seeds), end="\n\n")
    print(table("hand-written sentences", sentences), end="\n\n")
    print(table("combined (seeds + sentences)", both), end="\n\n")
    held = []
    for name, title in HELDOUT:
        scores = evaluate(lambda name=name: sentence_documents(name))
        print(table(f"{title} ({name}, see its note)", scores), end="\n\n")
        held.append(scores)
    if "-v" in argv:
        for kind in KINDS:
            for miss in merged(both, *held).get(kind, Score()).misses:
                print(f"{kind}: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
