"""The compiled-pattern cache: written once, read back as the same programs, never in the way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "demo"

# Imports the extractors in a fresh process and reports what the cache did: which file, how
# many patterns came from it, and whether each equals what re compiles (Pattern equality
# compares pattern, flags and compiled program).
_PROBE = """
import json, re
import policykg.loaders.extract
from policykg.loaders import regex_cache
same = all(
    re._compiler.compile(pattern, flags) == re._cache[(str, pattern, flags)]
    for pattern, flags in regex_cache._loaded
)
print(json.dumps({"file": str(regex_cache.cache_file()), "loaded": len(regex_cache._loaded),
                  "same": same}))
"""


def _probe(cache_home: Path, **env: str) -> dict[str, object]:
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache_home), **env}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, env=environment,
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def test_the_first_process_writes_the_file_and_the_next_reads_the_same_programs(
    tmp_path: Path,
) -> None:
    first = _probe(tmp_path)
    cache_file = Path(str(first["file"]))
    assert cache_file.is_file() and cache_file.parent == tmp_path / "policykg"
    written = cache_file.stat().st_mtime_ns
    second = _probe(tmp_path)
    assert second["file"] == first["file"]
    assert int(str(second["loaded"])) > 300  # every pattern of the loaders and extractors
    assert second["same"] is True
    assert cache_file.stat().st_mtime_ns == written  # nothing missed: not written again


def test_a_damaged_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    cache_file = Path(str(_probe(tmp_path)["file"]))
    cache_file.write_bytes(b"\x00not marshal data")
    assert _probe(tmp_path)["same"] is True
    cache_file.write_bytes(cache_file.read_bytes()[:1000])  # a truncated write
    _probe(tmp_path)
    assert int(str(_probe(tmp_path)["loaded"])) > 300


def test_turned_off_it_writes_nothing(tmp_path: Path) -> None:
    assert _probe(tmp_path, POLICYKG_REGEX_CACHE="off")["loaded"] == 0
    assert not (tmp_path / "policykg").exists()


def test_extraction_is_the_same_with_and_without_it(tmp_path: Path) -> None:
    def extract(**env: str) -> str:
        environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), **env}
        return subprocess.run(
            [sys.executable, "-m", "policykg.app.cli", "extract", "--json", str(DOCUMENT)],
            cwd=ROOT, env=environment, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip

    without = extract(POLICYKG_REGEX_CACHE="off")
    extract()  # writes the file
    assert list((tmp_path / "policykg").glob("regex-*.marshal"))
    assert extract() == without and without.count("\n") >= 6


def test_files_of_other_sources_are_kept_up_to_the_newest_few(tmp_path: Path) -> None:
    folder = tmp_path / "policykg"
    folder.mkdir()
    others = [folder / f"regex-0000000{i}.marshal" for i in range(10)]
    for age, other in enumerate(others):  # regex-00000000 the newest
        other.write_bytes(b"another checkout's patterns")
        os.utime(other, (1_700_000_000 - age, 1_700_000_000 - age))
    own = Path(str(_probe(tmp_path)["file"]))
    assert sorted(folder.glob("regex-*.marshal")) == sorted([own, *others[:7]])  # KEEP = 8
