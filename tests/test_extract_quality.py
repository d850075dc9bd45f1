"""Extraction quality against the hand-annotated fixtures (seeds and sentences)."""

from __future__ import annotations

import pytest

from bench.quality import evaluate, merged, seed_documents, sentence_documents


@pytest.fixture(scope="module")
def scores():
    return merged(evaluate(seed_documents), evaluate(sentence_documents))


@pytest.mark.parametrize(
    ("kind", "f1"), [("citations", 0.97), ("responsibilities", 0.97), ("targets", 0.95)]
)
def test_f1_goals(scores, kind, f1):
    score = scores[kind]
    assert score.f1 >= f1, score.misses


@pytest.mark.parametrize("kind", ["regions", "parks", "industries"])
def test_recall_goals(scores, kind):
    score = scores[kind]
    assert score.recall >= 0.90, score.misses


@pytest.mark.parametrize("kind", ["regions", "parks", "industries"])
def test_precision_goals(scores, kind):
    score = scores[kind]
    assert score.precision >= 0.85, score.misses
