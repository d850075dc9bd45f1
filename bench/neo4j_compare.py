"""The same corpus on both stores: load rate, graph equality and named-query p50/p95.

    python -m bench.neo4j_compare [N] [--bulk]   # default 1000 generated documents (bench.generate)

--bulk fills Neo4j by the documented bulk path instead of `policykg load`: `policykg export
--format csv` from the embedded store, then the export's neo4j-admin-import.sh (neo4j-admin
from tools/neo4j) into a new database, and Neo4j started on it; the time reported is export +
import.

Writes bench/results/neo4j_compare.txt for 1,000 documents, neo4j_compare_N.txt otherwise.

Neo4j 5 runs from its Maven artifacts (tools/neo4j, started as the test suite starts it);
the embedded FalkorDB is the default store. Both loads are `policykg load` subprocesses, as a
user runs them; queries are timed in this process through each store (server round trip
included): one first run (the query is planned), then REPEAT timed runs.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from policykg.graph import open_store
from policykg.graph.export_csv import IMPORT_SCRIPT
from policykg.graph.stats import graph_stats
from policykg.queries import named_queries
from policykg.settings import Settings
from tests.neo4j_server import LAUNCHER, build_launcher, start_server

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
REPEAT = 20


def _load(docs: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "policykg.app.cli", "load", str(docs)],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return time.perf_counter() - start


def _bulk(falkor_env: dict[str, str], out: Path, home: Path) -> float:
    """Export the embedded graph as CSV and neo4j-admin import it into a new database at home."""
    start = time.perf_counter()
    cli = [sys.executable, "-m", "policykg.app.cli", "export", "--format", "csv", str(out)]
    subprocess.run(cli, cwd=ROOT, env=falkor_env, check=True, capture_output=True, text=True)
    path = f"{LAUNCHER}{os.pathsep}{os.environ['PATH']}"
    subprocess.run(
        ["sh", str(out / IMPORT_SCRIPT)], env={**os.environ, "PATH": path, "NEO4J_HOME": str(home)},
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return time.perf_counter() - start


def _params(settings: Settings) -> dict[str, str]:
    store = open_store(settings)
    try:
        rows = store.read(
            "MATCH (d:Document) WHERE d.stub = false AND d.doc_number IS NOT NULL "
            "RETURN d.doc_number AS n ORDER BY n LIMIT 1"
        ).rows
    finally:
        store.close()
    number = str(rows[0][0]) if rows else "皖办发〔2024〕11号"
    return {"doc": number, "unit": "发展改革委", "year": "2025", "metric": "地区生产总值",
            "region": "河南省", "limit": "200", "similarity": "0.5"}  # fmt: skip


def _times(
    settings: Settings, values: dict[str, str]
) -> dict[str, tuple[float, float, float, int]]:
    """Per named query: first run, p50 and p95 of the REPEAT runs after it (ms), rows."""
    store = open_store(settings)
    out: dict[str, tuple[float, float, float, int]] = {}
    try:
        for name, named in sorted(named_queries().items()):
            params = named.bind({p.name: values[p.name] for p in named.params if p.name in values})
            start = time.perf_counter()
            store.read(named.cypher, params)
            first = (time.perf_counter() - start) * 1000
            samples, rows = [], 0
            for _ in range(REPEAT):
                start = time.perf_counter()
                rows = len(store.read(named.cypher, params).rows)
                samples.append((time.perf_counter() - start) * 1000)
            samples.sort()
            p95 = samples[min(len(samples) - 1, int(0.95 * len(samples)))]
            out[name] = (first, statistics.median(samples), p95, rows)
    finally:
        store.close()
    return out


def main(argv: list[str]) -> int:
    """Load N documents into each store, compare, time the named queries, write the table."""
    bulk = "--bulk" in argv
    numbers = [a for a in argv if not a.startswith("--")]
    count = int(numbers[0]) if numbers else 1000
    build_launcher()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        docs = base / "docs"
        generate(docs, count)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "POLICYKG_"))}
        falkor_env = {**env, "POLICYKG_HOME": str(base / "falkor")}
        falkor = Settings.from_env(env=falkor_env)
        falkor_s = _load(docs, falkor_env)
        if bulk:
            (base / "neo4j").mkdir()
            neo_s = _bulk(falkor_env, base / "csv", base / "neo4j")
        server = start_server(base / "neo4j")
        try:
            neo_env = {**env, **server.env(), "POLICYKG_STORE": "neo4j",
                       "POLICYKG_HOME": str(base / "neo")}  # fmt: skip
            neo = Settings.from_env(env=neo_env)
            if not bulk:
                neo_s = _load(docs, neo_env)
            stats = []
            for settings in (falkor, neo):
                store = open_store(settings)
                try:
                    stats.append(graph_stats(store).to_json())
                finally:
                    store.close()
            values = _params(falkor)
            falkor_q, neo_q = _times(falkor, values), _times(neo, values)
        finally:
            server.stop()
            subprocess.run([sys.executable, "-m", "policykg.app.cli", "db", "stop"], cwd=ROOT,
                           env=falkor_env, capture_output=True, check=False)  # fmt: skip
    neo_how = "export --format csv + neo4j-admin import" if bulk else "policykg load, whole process"
    lines = [
        f"policykg on both stores, {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}",
        f"python {platform.python_version()}, {os.cpu_count()} cores; Neo4j 5.26 (tools/neo4j), "
        f"embedded FalkorDB; {count} generated documents (bench.generate)",
        f"load: FalkorDB (policykg load, whole process) {falkor_s:.1f} s "
        f"({count / falkor_s:.1f} docs/s); Neo4j ({neo_how}) {neo_s:.1f} s "
        f"({count / neo_s:.1f} docs/s)",
        f"machine load average at the end: {os.getloadavg()[0]:.1f}",
        f"graphs equal (stats): {stats[0] == stats[1]}  "
        f"({stats[0]['nodes']} nodes, {stats[0]['relationships']} relationships)",
        "",
        f"{'':<34}{'FalkorDB':>24}{'Neo4j':>24}",
        f"{'named query':<28}{'rows':>6}{'first':>8}{'p50':>8}{'p95':>8}"
        f"{'first':>8}{'p50':>8}{'p95':>8}  (ms; p50/p95 of {REPEAT} runs after the first)",
    ]
    for name in sorted(falkor_q):
        f1, f50, f95, rows = falkor_q[name]
        n1, n50, n95, n_rows = neo_q[name]
        same = "" if rows == n_rows else f"  (Neo4j: {n_rows} rows)"
        lines.append(
            f"{name:<28}{rows:>6}{f1:>8.1f}{f50:>8.1f}{f95:>8.1f}{n1:>8.1f}{n50:>8.1f}{n95:>8.1f}{same}"
        )
    name = "neo4j_compare.txt" if count == 1000 else f"neo4j_compare_{count}.txt"
    (RESULTS / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
