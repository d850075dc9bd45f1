"""The strict scorer: extraction of a real document against its gold file (ANNOTATION.md).

A unit counts only when it is the same organ of the same jurisdiction (aliases of one organ
are equal, a wrong region prefix is wrong); a target only when value, unit, year,
comparator, scope and the normalised metric agree; a citation only when the cited document
and the relation agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from policykg.loaders.docnumber import normalize_title
from policykg.loaders.extract.sentences import halfwidth
from policykg.ontology import Extraction
from policykg.ontology.metrics import metric_key
from policykg.ontology.organs import canonical_organ

KINDS = ("citations", "responsibilities", "targets")
_PUNCT = re.compile(r"[\s,，。、;；:：“”\"'‘’()（）《》〈〉\-—_·]")
_ROLES = {"LED_BY": "lead", "SUPPORTED_BY": "support"}
# Units printed at two scales: compare in the larger one.
_SCALE = {"万亿元": ("亿元", 10_000.0), "千亿元": ("亿元", 1_000.0), "万亿": ("亿元", 10_000.0)}


def norm(text: str | None) -> str:
    """Comparison form: half-width, no punctuation or spaces."""
    return _PUNCT.sub("", halfwidth(text or ""))


def unit_key(name: str | None) -> str:
    """One key per organ of one jurisdiction: aliases folded, punctuation dropped."""
    return canonical_organ(norm(name))


def _number_key(number: str | None) -> str | None:
    if not number:
        return None
    return norm(number).replace("[", "〔").replace("]", "〕")


def _amount(value: Any, unit: str | None) -> tuple[float | None, str]:
    unit = halfwidth(unit or "").strip()
    if value is None:
        return None, unit
    base, factor = _SCALE.get(unit, (unit, 1.0))
    return round(float(value) * factor, 6), base


@dataclass(frozen=True)
class Claim:
    """One statement in comparable form, with what to show when it is missed or extra."""

    kind: str
    key: tuple[Any, ...]
    shown: str


def observed(extraction: Extraction) -> dict[str, list[Claim]]:
    """What an extraction states, as claims."""
    nodes = {n.id: n for n in extraction.nodes}
    scope: dict[str, str] = {}
    for rel in extraction.relationships:
        if rel.type == "FOR":
            end = nodes.get(rel.end)
            scope[rel.start] = norm(str(end.properties.get("name"))) if end else ""
    out: dict[str, list[Claim]] = {kind: [] for kind in KINDS}
    for rel in extraction.relationships:
        end = nodes.get(rel.end)
        props = end.properties if end else {}
        if rel.type == "CITES":
            title = props.get("title")
            key = (
                normalize_title(str(title)) if title else None,
                _number_key(props.get("doc_number")),  # type: ignore[arg-type]
                rel.properties.get("relation"),
            )
            out["citations"].append(
                Claim("citations", key, f"{title} {props.get('doc_number')} {key[2]}")
            )
        elif rel.type in _ROLES:
            task = nodes[rel.start].properties
            title, text = norm(str(task.get("title") or "")), norm(str(task.get("text") or ""))
            name = str(props.get("name") or props.get("full_name") or "")
            key = (title, text[:300], unit_key(name), _ROLES[rel.type])
            out["responsibilities"].append(
                Claim("responsibilities", key, f"{task.get('title')} | {name} | {_ROLES[rel.type]}")
            )
    for node in extraction.nodes:
        if node.label != "Target":
            continue
        p = node.properties
        value, unit = _amount(p.get("value"), str(p.get("unit") or ""))
        key = (
            metric_key(str(p.get("metric") or "")), norm(str(p.get("metric") or "")), value, unit,
            p.get("year"), p.get("comparator"), scope.get(node.id, ""),
        )  # fmt: skip
        shown = f"{p.get('metric')} {p.get('comparator')} {p.get('value')}{p.get('unit')} {p.get('year')} @{scope.get(node.id, '')}"
        if p.get("value_max") is not None and value is not None:
            # A range (增长4.5%—5%) states two bounds; gold files write one entry per bound.
            top, _ = _amount(p.get("value_max"), str(p.get("unit") or ""))
            low = (*key[:2], value, unit, key[4], ">=", key[6])
            high = (*key[:2], top, unit, key[4], "<=", key[6])
            out["targets"].append(Claim("targets", low, shown + " (lower bound)"))
            out["targets"].append(Claim("targets", high, shown + " (upper bound)"))
            continue
        out["targets"].append(Claim("targets", key, shown))
    return out


def expected(gold: dict[str, Any]) -> dict[str, list[Claim]]:
    """The gold file's statements, as claims."""
    out: dict[str, list[Claim]] = {kind: [] for kind in KINDS}
    national = gold.get("level") == "national"
    for c in gold.get("citations", []):
        title = c.get("title")
        key = (
            normalize_title(title) if title else None,
            _number_key(c.get("doc_number")),
            c["relation"],
        )
        out["citations"].append(
            Claim("citations", key, f"{title} {c.get('doc_number')} {c['relation']}")
        )
    for r in gold.get("responsibilities", []):
        key = (norm(r["task"]), unit_key(r["unit"]), r["role"])
        out["responsibilities"].append(
            Claim("responsibilities", key, f"{r['task']} | {r['unit']} | {r['role']}")
        )
    for t in gold.get("targets", []):
        value, unit = _amount(t.get("value"), t.get("unit"))
        where = t.get("scope")
        where_key = (
            ""
            if where in (None, "", "全国", "国家") or (national and where is None)
            else norm(where)
        )
        key = (
            metric_key(t["metric"]), norm(t["metric"]), value, unit, t.get("year"),
            t.get("comparator", "="), where_key,
        )  # fmt: skip
        shown = f"{t['metric']} {t.get('comparator')} {t.get('value')}{t.get('unit')} {t.get('year')} @{where}"
        out["targets"].append(Claim("targets", key, shown))
    return out


def _same_citation(gold: tuple[Any, ...], seen: tuple[Any, ...]) -> bool:
    g_title, g_number, g_rel = gold
    s_title, s_number, s_rel = seen
    if g_rel != s_rel:
        return False
    if g_number and s_number:
        return bool(g_number == s_number)
    return bool(g_title and s_title and g_title == s_title)


def _same_responsibility(gold: tuple[Any, ...], seen: tuple[Any, ...]) -> bool:
    g_task, g_unit, g_role = gold
    s_title, s_text, s_unit, s_role = seen
    if g_unit != s_unit or g_role != s_role:
        return False
    head = g_task[:10]
    return bool(
        (s_title and (head in s_title or s_title[:10] in g_task)) or (head and head in s_text)
    )


def _same_target(gold: tuple[Any, ...], seen: tuple[Any, ...]) -> bool:
    g_key, g_metric, *g_rest = gold
    s_key, s_metric, *s_rest = seen
    if g_rest != s_rest:
        return False
    if g_key and g_key == s_key:
        return True
    return bool(g_metric and s_metric and (g_metric in s_metric or s_metric in g_metric))


SAME: dict[str, Callable[[tuple[Any, ...], tuple[Any, ...]], bool]] = {
    "citations": _same_citation,
    "responsibilities": _same_responsibility,
    "targets": _same_target,
}


@dataclass
class Score:
    """Matched, extracted and expected counts of one kind, with misses and extras."""

    tp: int = 0
    extracted: int = 0
    expected: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.extracted += other.extracted
        self.expected += other.expected
        self.misses.extend(other.misses)


def table(title: str, scores: dict[str, Score], kinds: tuple[str, ...]) -> list[str]:
    """Lines of a plain-text table of P, R and F1, one row per kind present, in kinds order."""
    lines = [title, f"{'kind':<18}{'gold':>6}{'found':>7}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for kind in kinds:
        s = scores.get(kind)
        if s is None:
            continue
        lines.append(
            f"{kind:<18}{s.expected:>6}{s.extracted:>7}{s.tp:>7}"
            f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        )
    return lines


def score(gold: dict[str, Any], seen: dict[str, list[Claim]], label: str) -> dict[str, Score]:
    """Scores per kind of one document: each gold claim matched to at most one seen claim."""
    want = expected(gold)
    out: dict[str, Score] = {}
    for kind in KINDS:
        remaining = list(seen[kind])
        # The same statement extracted twice (two evidence sentences) counts once.
        unique: list[Claim] = []
        for claim in remaining:
            if claim.key not in {c.key for c in unique}:
                unique.append(claim)
        remaining = unique
        s = Score(extracted=len(remaining), expected=len(want[kind]))
        for claim in want[kind]:
            hit = next((c for c in remaining if SAME[kind](claim.key, c.key)), None)
            if hit is None:
                s.misses.append(f"{label}: missed {claim.shown}")
            else:
                remaining.remove(hit)
                s.tp += 1
        s.misses.extend(f"{label}: extra {c.shown}" for c in remaining)
        out[kind] = s
    return out
