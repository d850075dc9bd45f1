"""Restart time of the embedded store after loading 1,000 and 10,000 documents.

    python -m bench.restart [N …]     # default 1000 10000; writes bench/results/restart.txt
    python -m bench.restart --home DIR [--output F]   # a data directory loaded before

For each size: a fresh data directory, `policykg load` of N generated documents
(bench.generate), `policykg db stop`, then the wall time of the first command after the
stop (`policykg query`), which starts the server and waits until it has read its
append-only file — what a user waits for. The size of that file is reported too.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "restart.txt"


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYKG_HOME": str(home)}
    env.pop("POLICYKG_STORE", None)
    return subprocess.run(
        [sys.executable, "-m", "policykg.app.cli", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip


def _disk(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def measure(count: int) -> str:
    """Load count documents, stop the server, time the first command after."""
    with tempfile.TemporaryDirectory() as tmp:
        home, docs = Path(tmp) / "home", Path(tmp) / "docs"
        generate(docs, count)
        start = time.perf_counter()
        _cli(home, "load", str(docs))
        load_s = time.perf_counter() - start
        stats = _cli(home, "stats", "--json").stdout
        data, restart_s, documents = _restart(home)
        _cli(home, "db", "stop")
    nodes = stats.split('"nodes": ')[1].split(",")[0]
    return (
        f"{count:>6} documents: load {load_s:7.1f} s, {nodes} nodes; data dir {data / 1e6:6.1f} MB; "
        f"first command after stop {restart_s:5.2f} s (answer: {documents} documents)"
    )


def _restart(home: Path) -> tuple[int, float, str]:
    """Stop the server; the data dir's bytes, the first command's wall time and its answer."""
    _cli(home, "db", "stop")
    data = _disk(home / "falkordb" / "data")
    start = time.perf_counter()
    answer = _cli(
        home, "query", "MATCH (d:Document) RETURN count(d) AS documents", "--format", "csv"
    )
    return data, time.perf_counter() - start, answer.stdout.split()[-1]


def measure_home(home: Path) -> str:
    """Stop the server of a data directory loaded before, time the first command after; then
    a lookup through the 文号 index, which is rebuilt in the background after a start."""
    _cli(home, "query", "RETURN 1")  # running, and its append-only file compacted at the stop
    data, restart_s, documents = _restart(home)
    start = time.perf_counter()
    _cli(home, "run", "lineage_up", "-p", f"doc={_a_doc_number(home)}", "--format", "csv")
    lookup_s = time.perf_counter() - start
    return (
        f"{home}: data dir {data / 1e6:6.1f} MB; first command after stop {restart_s:5.2f} s "
        f"(answer: {documents} documents); lineage_up from the CLI right after "
        f"{lookup_s:5.2f} s"
    )


def _a_doc_number(home: Path) -> str:
    rows = _cli(
        home, "query", "MATCH (d:Document) WHERE d.doc_number IS NOT NULL "
        "RETURN d.doc_number AS n LIMIT 1", "--format", "csv",
    ).stdout.split()  # fmt: skip
    return rows[-1]


def main(argv: list[str]) -> int:
    """Measure each size (or --home DIR), print and write the results."""
    output = RESULTS
    if "--output" in argv:
        at = argv.index("--output")
        output, argv = Path(argv[at + 1]), argv[:at] + argv[at + 2 :]
    lines = [
        f"policykg restart after load, {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}",
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores",
    ]
    if argv[:1] == ["--home"]:
        lines.append(measure_home(Path(argv[1])))
        print(lines[-1], flush=True)
    else:
        for count in [int(a) for a in argv] or [1000, 10000]:
            lines.append(measure(count))
            print(lines[-1], flush=True)
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
