"""Extraction speed on the seed texts, against jieba.cut on the same texts in the same run.

    python -m bench.extract_speed        # prints and writes bench/results/extract_speed.txt

Figures are per core (one process, one thread): CPU seconds of this process
(time.process_time), so other work on a shared machine does not count against us; each
figure is the best of several rounds, with the median alongside.
"""

from __future__ import annotations

import logging
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from policykg.loaders import parse
from policykg.loaders.document import ParsedDocument
from policykg.loaders.extract import extract

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "extract_speed.txt"
ROUNDS = 15


def seed_files() -> list[Path]:
    """The sample documents shipped in demo/ (else the shared seeds)."""
    for folder in (ROOT / "demo", Path("/work/shared/seeds")):
        files = sorted(folder.glob("*.txt"))
        if files:
            return files
    raise SystemExit("no seed texts found in demo/")


def timings(work: Callable[[], object], rounds: int = ROUNDS) -> list[float]:
    """CPU seconds of each round of work."""
    out = []
    for _ in range(rounds):
        start = time.process_time()
        work()
        out.append(time.process_time() - start)
    return out


def main() -> int:
    """Time extract() and jieba.cut() over the same texts; write the figures."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    docs: list[ParsedDocument] = [parse(path) for path in seed_files()]
    chars = sum(len(doc.text) for doc in docs)
    for doc in docs:  # warm caches: division table, automata, compiled patterns
        extract(doc)

    def run_extract() -> None:
        for doc in docs:
            extract(doc)

    def run_jieba() -> None:
        for doc in docs:
            for _ in jieba.cut(doc.text):
                pass

    ours = timings(run_extract)
    theirs = timings(run_jieba)
    best_ours, best_theirs = min(ours), min(theirs)
    lines = [
        f"policykg extract speed, {time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())} UTC",
        f"python {platform.python_version()} on {platform.machine()}, one core, CPU time",
        f"texts: {len(docs)} seed documents, {chars} characters (loaders.parse clean text)",
        f"rounds: {ROUNDS}, figures from the best round (median in brackets)",
        f"extract:    {chars / best_ours / 1e6:.2f} M chars/s "
        f"({chars / statistics.median(ours) / 1e6:.2f})  {best_ours * 1000:.1f} ms/round",
        f"jieba.cut:  {chars / best_theirs / 1e6:.2f} M chars/s "
        f"({chars / statistics.median(theirs) / 1e6:.2f})  {best_theirs * 1000:.1f} ms/round",
        f"ratio extract/jieba: {best_theirs / best_ours:.2f}x "
        f"(median {statistics.median(theirs) / statistics.median(ours):.2f}x)",
        f"goal: >= 1.00 M chars/s and >= 2.00x jieba: "
        f"{'met' if chars / best_ours >= 1e6 and best_theirs / best_ours >= 2 else 'NOT met'}",
    ]
    text = "\n".join(lines)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
