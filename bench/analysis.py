"""The analysis queries (issue 14) at scale: p50 / p95 of each on a generated corpus.

    python -m bench.analysis [N …] [--repeat 20] [--home DIR]

For each size N (default 1000): bench.generate writes N documents, `policykg load` loads them
into a fresh embedded store (pipelined, as a user runs it), then loads the eight texts of
tests/fixtures/analysis on top, so that a State Council 意见 with its chain of implementing
documents and a national → park target cascade exist among the generated ones. Then every
analysis query and every graph check runs --repeat times in this process (store.read: the
server's work plus transfer and decoding of the rows), with the parameters printed. With
--home an already loaded data dir is measured instead (one size), and its
figures are added to the results file. Writes bench/results/analysis_queries.txt. The machine is shared: the load average is printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.generate import generate
from policykg.errors import QueryError
from policykg.graph import Store, open_store
from policykg.graph.embedded import stop_server
from policykg.queries import get_query
from policykg.queries.graph_checks import graph_checks
from policykg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "analysis_queries.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "analysis"
NATIONAL = "国发〔2024〕9号"  # the State Council 意见 of the fixtures


def _load(home: Path, folder: Path) -> float:
    """`policykg load FOLDER` as a subprocess; its wall time."""
    env = {**os.environ, "POLICYKG_HOME": str(home)}
    env.pop("POLICYKG_STORE", None)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "policykg.app.cli", "load", str(folder), "--json"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - start


def _first(store: Store, cypher: str) -> Any:
    return store.read(cypher).scalar()


def cases(store: Store) -> list[tuple[str, dict[str, str]]]:
    """Each analysis query with the parameters it is timed with: a generated document in
    the middle of the lineage chains, the national 意见, the commonest metric key and year."""
    middle = _first(
        store,
        "MATCH (d:Document) WHERE d.source ENDS WITH '.txt' AND d.doc_number CONTAINS '政〔' "
        "RETURN d.doc_number ORDER BY d.source SKIP 500 LIMIT 1",
    )
    metric, year = store.read(
        "MATCH (t:Target) WHERE t.metric_key IS NOT NULL AND t.year IS NOT NULL "
        "RETURN t.metric_key AS m, t.year AS y, count(*) AS c ORDER BY c DESC, m, y LIMIT 1"
    ).rows[0][:2]
    return [
        ("broken_chains", {}),
        ("coverage", {"doc": NATIONAL}),
        ("coverage", {"doc": str(middle)}),
        ("target_cascade", {"metric": "研发经费投入强度", "year": "2025"}),
        ("target_cascade", {"metric": str(metric), "year": str(year)}),
        ("diffusion", {"doc": NATIONAL}),
        ("diffusion", {"doc": str(middle)}),
    ]


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _timed(
    store: Store, cypher: str, params: dict[str, Any], repeat: int
) -> tuple[int, list[float], list[float]]:
    """Rows, then wall times of store.read and the times the store reports (s)."""
    rows, walls, servers = 0, [], []
    for _ in range(repeat):
        start = time.perf_counter()
        result = store.read(cypher, params)
        walls.append(time.perf_counter() - start)
        servers.append((result.server_ms or 0.0) / 1000)
        rows = len(result.rows)
    return rows, walls, servers


def _figures(walls: list[float], servers: list[float]) -> str:
    server_p50, server_p95 = _percentiles(servers)
    wall_p50, wall_p95 = _percentiles(walls)
    return f"{server_p50:>9.1f}{server_p95:>9.1f}{wall_p50:>9.1f}{wall_p95:>9.1f}"


def measure_store(store: Store, repeat: int, check_repeat: int) -> list[str]:
    """p50 / p95 of every analysis query and graph check on a loaded store: as the store
    reports its own work (server), and as store.read takes in this process (wall)."""
    lines = [
        f"  {'query':<16}{'parameters':<46}{'rows':>6}{'server':>9}{'':>9}{'wall':>9}{'':>9}",
        f"  {'':<16}{'':<46}{'':>6}{'p50 ms':>9}{'p95 ms':>9}{'p50 ms':>9}{'p95 ms':>9}",
    ]
    for name, raw in cases(store):
        named = get_query(name)
        rows, walls, servers = _timed(store, named.cypher, named.bind(raw), repeat)
        shown = " ".join(f"{k}={v}" for k, v in raw.items())
        lines.append(f"  {name:<16}{shown:<46}{rows:>6}{_figures(walls, servers)}")
        print(lines[-1], flush=True)
    for name, check in graph_checks().items():
        try:
            _, walls, servers = _timed(store, check.cypher, {}, check_repeat)
        except QueryError as exc:  # a full scan may outrun the store's query timeout
            lines.append(f"  {'check':<16}{name:<46}  {exc}")
        else:
            lines.append(f"  {'check':<16}{name:<46}{'':>6}{_figures(walls, servers)}")
        print(lines[-1], flush=True)
    return lines


def _graph_size(store: Store) -> str:
    docs = _first(store, "MATCH (d:Document) WHERE d.stub = false RETURN count(d)")
    nodes = _first(store, "MATCH (n) RETURN count(n)")
    rels = _first(store, "MATCH ()-[r]->() RETURN count(r)")
    return f"{docs} loaded documents, {nodes} nodes, {rels} relationships"


def measure_home(home: Path, repeat: int, check_repeat: int, heading: str) -> list[str]:
    """Measure the store of an already loaded data dir."""
    store = open_store(Settings.from_env(env={}, home=home))
    try:
        store.ensure_schema()  # a store loaded by an older checkout gets today's indexes
        lines = [f"{heading}: {_graph_size(store)}"]
        print(lines[0], flush=True)
        return lines + measure_store(store, repeat, check_repeat)
    finally:
        store.close()


def measure(count: int, repeat: int, check_repeat: int) -> list[str]:
    """Generate, load and measure count documents (plus the fixtures)."""
    with tempfile.TemporaryDirectory() as tmp:
        docs, home = Path(tmp) / "docs", Path(tmp) / "home"
        generate(docs, count)
        try:
            wall = _load(home, docs) + _load(home, FIXTURES)
            heading = f"{count} generated documents + tests/fixtures/analysis (load {wall:.0f} s)"
            return measure_home(home, repeat, check_repeat, heading)
        finally:
            stop_server(home)


def main(argv: list[str]) -> int:
    """Measure each size; print and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--repeat", type=int, default=20, help="runs per query")
    parser.add_argument(
        "--check-repeat", type=int, default=5, help="runs per graph check (full scans: slow)"
    )
    parser.add_argument("--home", type=Path, help="measure this loaded data dir instead")
    args = parser.parse_args(argv)
    lines = [
        f"policykg analysis queries, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores "
        f"(shared: load average {os.getloadavg()[0]:.1f} at start); "
        f"p50 / p95 of {args.repeat} runs ({args.check_repeat} per check): server = the "
        "store's own time for the query, wall = store.read in one process (plus transfer and "
        "decoding of the rows)",
    ]
    if args.home:
        size = args.sizes[0] if args.sizes else "?"
        heading = f"{size} generated documents + fixtures"
        lines += measure_home(args.home, args.repeat, args.check_repeat, heading)
    else:
        for count in args.sizes:
            lines += measure(count, args.repeat, args.check_repeat)
    lines.append(f"load average at end: {os.getloadavg()[0]:.1f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    previous = RESULTS.read_text(encoding="utf-8") if args.home and RESULTS.exists() else ""
    RESULTS.write_text(previous + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
