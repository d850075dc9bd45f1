"""Whole-process speed of `policykg extract --json` over 150 real documents, as a user runs it.

    python -m bench.extract_cli_speed [RUNS]   # prints and writes bench/results/extract_cli_speed.txt

The development corpus documents (tests/fixtures/corpus, without the sealed e* files) and the
demo documents, copied round-robin into 150 files in a temporary folder, are extracted by one
`policykg extract --json` process with its output written to a file, RUNS times (5), each run followed by `jieba.cut` over the same
clean texts in this process (its dictionary loaded once before, not counted): the machine is
shared and its speed swings ~2x within minutes, so every run's pair is printed, with the best
run's CPU time (one process, one thread: per core) and the median of the per-run ratios.

Where the time goes (py-spy, a test dependency, samples the real process without slowing it):

    py-spy record -r 250 -f raw -o spy.txt -- python -m policykg.app.cli extract --json DIR

On this bench (2026-11-28, after saved pages moved from trafilatura to resiliparse and the
JSON lines to orjson; .pyc files cached): reading the 31 saved pages ~9 % (resiliparse itself
~3 %, removing link menus and table rows in Python the rest; trafilatura took ~27 %), imports
~13 % (regular expressions compiled at import about half), the extraction rules and cleaning
the rest, JSON output ~1 %. Since then the compiled patterns are read from a file
(loaders/regex_cache.py: -9 % instructions), link menus are looked for only in blocks with
two links or more, and the garbage collector runs less often during extraction
(loaders/collector.py), and `make install` compiles the loaders with mypyc
(loaders/native.py: -10 % instructions; the report says whether the run used them). The bench
runs without PYTHONDONTWRITEBYTECODE (a user's Python writes
.pyc files) after one uncounted run that writes them and the pattern cache.
A pattern scanned over a whole text should open on a
literal or a character set (or a look-ahead naming its first characters): Python's re
otherwise tries the whole pattern at every offset. CPU figures move by ±15 % from run to
run on the shared 2-core machine; `valgrind --tool=cachegrind --cache-sim=no` counts
instructions when a change is smaller than that.
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.extract_identity import inputs
from policykg.loaders import native, parse

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "extract_cli_speed.txt"
COUNT = 150
RUNS = 5


def corpus(folder: Path) -> list[Path]:
    """COUNT files copied round-robin from the corpus and demo documents (not the sealed e*)."""
    files = inputs()
    out = []
    for i in range(COUNT):
        original = files[i % len(files)]
        target = folder / f"{i:03d}_{original.name}"
        shutil.copyfile(original, target)
        out.append(target)
    return out


def bench_folder(tmp: Path) -> tuple[Path, int, list[str]]:
    """The bench's folder under tmp, its characters of clean text, and those texts."""
    folder = tmp / "docs"
    folder.mkdir()
    chars, texts = clean_chars(corpus(folder))
    return folder, chars, texts


def clean_chars(files: list[Path]) -> tuple[int, list[str]]:
    """Characters of clean text the loaders read (every document of every file)."""
    texts = [doc.text for f in files for doc in parse(f).documents()]
    return sum(len(t) for t in texts), texts


def user_env() -> dict[str, str]:
    """This process's environment as on a user's machine: Python writes .pyc files (a
    developer's shell may forbid it)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def extract_command(folder: Path, python: str = sys.executable) -> list[str]:
    """`policykg extract --json folder` as this Python (or python) runs it."""
    return [python, "-m", "policykg.app.cli", "extract", "--json", str(folder)]


def extract_cpu(folder: Path, sink: Path, python: str = sys.executable) -> tuple[float, float, int]:
    """One `policykg extract --json` process: (CPU s, wall s, output lines)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(sink, "w", encoding="utf-8") as out:
        done = subprocess.run(
            extract_command(folder, python),
            cwd=ROOT, env=user_env(), stdout=out, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"policykg extract failed: {done.stderr[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, sink.read_text(encoding="utf-8").count("\n")


def loaders_used() -> str:
    """Whether `policykg extract` ran the compiled loaders (make install builds them)."""
    build = native.current_build()
    return (
        f"compiled with mypyc ({build})" if build else "Python (no native build for these sources)"
    )


def jieba_cpu(texts: list[str]) -> float:
    """CPU seconds of jieba.cut over texts (its dictionary already loaded)."""
    import jieba

    start = time.process_time()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    return time.process_time() - start


def main() -> int:
    """Run the benchmark, print the figures and write them to RESULTS."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()  # its dictionary load (~0.9 s) is not counted: the harder comparison
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    pairs: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder, chars, texts = bench_folder(Path(tmp))
        # Not counted: a fresh install's first run also writes .pyc files and the compiled
        # pattern cache (loaders/regex_cache.py), once.
        first_cpu, _, _ = extract_cpu(folder, Path(tmp) / "out.jsonl")
        # In turn, so that the shared machine's slow and fast spells fall on both.
        for _ in range(runs):
            cpu, wall, lines = extract_cpu(folder, Path(tmp) / "out.jsonl")
            pairs.append((cpu, jieba_cpu(texts)))
    ratios = sorted(j / c for c, j in pairs)
    best = min(c for c, _ in pairs)
    median_ratio = ratios[len(ratios) // 2]
    report = "\n".join(
        [
            f"policykg extract --json, whole process, {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}",
            f"python {platform.python_version()} ({sys.base_prefix}) on {platform.machine()}, one process; "
            f"{runs} runs, each followed by jieba.cut over the same texts (dictionary loaded before)",
            f"input: {COUNT} files ({len(texts)} documents) from the corpus and demo, "
            f"{chars} characters of clean text; output: {lines} JSON lines",
            *(
                f"run {i + 1}: policykg {c:.2f} s CPU ({chars / c / 1e6:.2f} M chars/s per core), "
                f"jieba.cut {j:.2f} s ({chars / j / 1e6:.2f} M chars/s), ratio {j / c:.2f}x"
                for i, (c, j) in enumerate(pairs)
            ),
            f"last run wall: {wall:.2f} s; imports, parsing (HTML too) and JSON output included",
            f"loaders: {loaders_used()}",
            f"first run before these (not counted; .pyc files and pattern cache as the bench "
            f"found them): {first_cpu:.2f} s CPU",
            f"best run: {best:.2f} s CPU = {chars / best / 1e6:.2f} M chars/s per core",
            f"ratio policykg extract / jieba.cut, median of {runs} runs: {median_ratio:.2f}x",
        ]
    )
    RESULTS.write_text(report + "\n", encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
