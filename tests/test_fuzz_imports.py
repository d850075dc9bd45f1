"""120 malformed exports (bench/fuzz_inputs.py: every importable format, each broken one of a
dozen ways) through the import path into the real embedded store: each imports whole or
is one line naming the file, never another exception, and a refused import writes nothing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.fuzz_inputs import IMPORT_FORMATS, clear_error, import_inputs, write_exports
from policykg.graph import Store
from policykg.graph.importers import import_path
from policykg.graph.stats import graph_stats

SEED = 20261127  # fixed: the same 120 inputs on every run
CASES = 120


@pytest.fixture(scope="module")
def exports(server_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two demo documents loaded and exported in every importable format."""
    folder = tmp_path_factory.mktemp("fuzz-exports")
    write_exports(folder, server_home, "fuzz_import_source")
    return folder


def test_malformed_imports_are_one_line_errors_or_import_whole(
    exports: Path, store: Store, tmp_path: Path
) -> None:
    outcomes: Counter[str] = Counter()
    unexpected: list[str] = []
    inputs = import_inputs(SEED, CASES, exports)
    for index, item in enumerate(inputs):
        path = item.write(tmp_path, index)
        store.clear()
        try:
            import_path(store, path, 1000)
            outcomes["imported"] += 1
        except Exception as exc:  # the point of the test: anything not ours is a bug
            problem = clear_error(exc, path)
            if problem:
                unexpected.append(f"{item.kind} {path.name}: {problem}")
            elif graph_stats(store).nodes:
                unexpected.append(f"{item.kind} {path.name}: refused, but wrote nodes")
            outcomes["error"] += 1
    print(f"fuzz: {CASES} imports, {dict(outcomes)}")
    assert not unexpected, "\n".join(unexpected)
    assert outcomes["error"] > 0
    assert {i.kind.split(":")[0] for i in inputs} == set(IMPORT_FORMATS)
