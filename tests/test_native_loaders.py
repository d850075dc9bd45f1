"""The loaders compiled with mypyc: used when built for these sources, the same output as Python.

`make install` builds them (python -m policykg.loaders.build_native). Where no build exists
(no C compiler, or a rule edited since) these tests skip, unless POLICYKG_REQUIRE_NATIVE=1
(CI sets it), when a missing build fails them.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from bench.extract_identity import inputs
from policykg.loaders import native

ROOT = Path(__file__).resolve().parent.parent

# Which file each loader module was imported from, in a fresh process.
_PROBE = """
import json, sys
import policykg.loaders.extract
names = ("policykg.loaders.clean", "policykg.loaders.extract.targets", "policykg.loaders.regex_cache")
print(json.dumps({name: sys.modules[name].__file__ for name in names}))
"""


def _current_build() -> Path:
    native.current_build.cache_clear()
    build = native.current_build()
    if build is None:
        if os.environ.get("POLICYKG_REQUIRE_NATIVE") == "1":
            pytest.fail("no compiled loaders for these sources: run make install")
        pytest.skip("no compiled loaders for these sources (make install builds them)")
    return build


def _files(**env: str) -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, env={**os.environ, **env},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def _extract(files: list[Path], **env: str) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "policykg.app.cli", "extract", "--json", *map(str, files)],
        cwd=ROOT, env={**os.environ, **env}, capture_output=True, check=True,
    )  # fmt: skip
    return done.stdout


def test_a_process_imports_the_compiled_loaders_when_they_are_built() -> None:
    build = _current_build()
    files = _files()
    assert files["policykg.loaders.clean"].startswith(str(build))
    assert files["policykg.loaders.extract.targets"].startswith(str(build))
    assert files["policykg.loaders.clean"].endswith(".so")
    assert files["policykg.loaders.regex_cache"].endswith("regex_cache.py")  # kept Python


def test_turned_off_a_process_imports_the_python_sources() -> None:
    _current_build()
    files = _files(POLICYKG_NATIVE="off")
    assert all(path.endswith(".py") for path in files.values()), files


def test_a_build_for_other_sources_is_not_used(tmp_path: Path) -> None:
    build = _current_build()
    stale = tmp_path / "00000000"
    stale.mkdir()
    (stale / "COMPLETE").write_text("00000000\n")
    (stale / "policykg" / "loaders").mkdir(parents=True)
    files = _files(POLICYKG_NATIVE_DIR=str(tmp_path))
    assert all(path.endswith(".py") for path in files.values()), files
    assert not any(path.startswith(str(build)) for path in files.values())


def test_the_compiled_loaders_print_what_the_python_sources_print() -> None:
    _current_build()
    files = inputs()  # the development corpus and the demo, as bench.extract_identity
    compiled = _extract(files)
    assert compiled.count(b"\n") >= len(files)
    assert compiled == _extract(files, POLICYKG_NATIVE="off")


def test_the_source_key_changes_when_a_source_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "rules.py"
    source.write_text("A = 1\n")
    monkeypatch.setattr(native, "_key_sources", lambda: [source])
    before = native.source_key()
    assert native.source_key() == before
    source.write_text("A = 22\n")
    assert native.source_key() != before


def test_a_parsed_document_pickles_and_reads_back_equal() -> None:
    _current_build()  # in this process too: the loaders imported here are the compiled ones
    from policykg.loaders import parse

    for path in sorted((ROOT / "demo").iterdir())[:3]:
        document = parse(path)
        assert pickle.loads(pickle.dumps(document)) == document


# A worker started by spawn (as load's are) gets the parent's sys.path and imports policykg
# first; run from outside the repository, so that only the installed package can be found.
_SPAWNED = """
import json, multiprocessing, sys
import policykg.loaders.extract

def where(_):
    import policykg.app.loading, policykg.loaders.clean
    return sys.modules["policykg.loaders.clean"].__file__

if __name__ == "__main__":
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        print(json.dumps(pool.map(where, [0])[0]))
"""


def test_a_spawned_worker_imports_the_package_and_the_compiled_loaders(tmp_path: Path) -> None:
    build = _current_build()
    script = tmp_path / "spawned.py"
    script.write_text(_SPAWNED)
    done = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout).startswith(str(build))
