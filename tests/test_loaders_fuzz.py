"""200 malformed documents (bench/fuzz_inputs.py, every kind in turn): each gives a one-line
LoadError naming the file or a valid parse, never another exception."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench.fuzz_inputs import DOCUMENT_KINDS, clear_error, document_inputs, parse_input

SEED = 20261126  # fixed: the same 200 inputs on every run
CASES = 200


def test_malformed_documents_raise_load_error_or_parse(tmp_path: Path) -> None:
    outcomes: Counter[str] = Counter()
    unexpected: list[str] = []
    for index, item in enumerate(document_inputs(SEED, CASES)):
        path = item.write(tmp_path, index)
        try:
            outcomes[parse_input(path)] += 1
        except Exception as exc:  # the point of the test: anything not ours is a bug
            problem = clear_error(exc, path)
            if problem:
                unexpected.append(f"{path.name}: {problem}")
            outcomes["LoadError"] += 1
    print(f"fuzz: {CASES} documents, {dict(outcomes)}")
    assert not unexpected, "\n".join(unexpected)
    assert outcomes["parsed"] > 0 and outcomes["LoadError"] > 0
    assert {i.kind for i in document_inputs(SEED, len(DOCUMENT_KINDS))} == set(DOCUMENT_KINDS)
