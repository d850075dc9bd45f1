"""Scale: load 1k / 10k generated documents with `policykg load` and time every named query.

    python -m bench.scale [N …] [--baseline DIR] [--repeat 20] [--only pipelined] [--output F]

For each size N (default 1000): bench.generate writes N documents, and each tree loads them
into a fresh embedded store with `policykg load` as a real subprocess: this checkout serially
(`--workers 1`), pipelined and in ten parts (ten loads of consecutive slices), and with
--baseline an earlier checkout first (e.g. `git archive HEAD | tar -x -C DIR`), so that before
and after are measured in one run on one busy machine. Reported per load: wall, docs/s, chars/s, CPU seconds of the loader (its own
and its workers', from wait4) and of the embedded server (from /proc), loader peak RSS
(ru_maxrss of the loader and its children: the largest process), server RSS (VmRSS and peak
VmHWM, pid from `policykg db status --json`), disk of the data dir, nodes and relationships,
and a digest of the whole graph (serial and pipelined loads must agree; read in pages). Then p50 / p95 of
every named query with parameters taken from the loaded graph: server-side (store.read in
this process) and from the CLI (`policykg run NAME -p … --format csv`, start-up included),
and the start-up alone (`policykg query "RETURN 1"`, median of 10). The machine is shared:
compare CPU seconds and ratios within one run. Writes bench/results/scale.txt;
--startup-only appends start-up times of the trees taken in turn (noise falls on both).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.generate import generate
from policykg.graph import open_store
from policykg.graph.embedded import stop_server
from policykg.queries import NamedQuery, parse_query_file
from policykg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "scale.txt"
CLOCK = os.sysconf("SC_CLK_TCK")
SERVER_BUDGET_S = 10.0  # per query: stop repeating after this much time (min 3 runs)


@dataclass(frozen=True)
class Tree:
    """A checkout whose `policykg` is measured: this one, or a baseline."""

    name: str
    root: Path
    load_options: tuple[str, ...] = ()
    queries: bool = True  # time the named queries after this tree's load
    site: Path | None = None  # packages ahead of this venv's (the versions the tree pinned)
    parts: int = 1  # load the corpus in this many `policykg load` runs

    def command(self, *args: str) -> list[str]:
        # -m from the tree's root: its own packages come first on sys.path. Trees from
        # before the package rename (c6d4d02) have the CLI as top-level `app.cli`.
        module = "policykg.app.cli" if (self.root / "policykg" / "app").exists() else "app.cli"
        return [sys.executable, "-m", module, *args]

    def env(self, home: Path) -> dict[str, str]:
        env = _env(home)
        if self.site is not None:
            env["PYTHONPATH"] = str(self.site)
        return env


@dataclass(frozen=True)
class Run:
    """One finished CLI process."""

    wall: float
    cpu: float
    maxrss_kb: int
    stdout: str


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "POLICYKG_HOME": str(home), "COLUMNS": "200"}
    env.pop("POLICYKG_STORE", None)
    env.pop("POLICYKG_BATCH_SIZE", None)
    return env


def cli(tree: Tree, home: Path, *args: str) -> Run:
    """Run `policykg ARGS` as a user does; CPU and peak RSS of it and its children (wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as errf:
        start = time.perf_counter()
        proc = subprocess.Popen(
            tree.command(*args), cwd=tree.root, env=tree.env(home), stdout=out, stderr=errf
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        errf.seek(0)
        stdout, stderr = out.read().decode(), errf.read().decode()
    if proc.returncode not in (0, 1):  # 1: load finished with some failed files
        raise RuntimeError(f"policykg {' '.join(args)} exited {proc.returncode}: {stderr[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, stdout)


def server_figures(tree: Tree, home: Path) -> dict[str, float]:
    """CPU seconds, RSS and peak RSS (MB) of the embedded server."""
    status = json.loads(cli(tree, home, "db", "status", "--json").stdout)
    pid = status["pid"]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / CLOCK
    mem = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            mem[key] = int(value.split()[0]) / 1024
    return {"cpu": cpu, "rss": mem["VmRSS"], "hwm": mem["VmHWM"]}


def disk_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def percentiles(times: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def sample_params(home: Path, docs: Path, count: int) -> dict[str, str]:
    """Parameter values from the loaded graph: a document in the middle of the lineage chains,
    the unit that leads most tasks, the commonest target year, region and metric."""
    middle = (docs / f"gen_{count // 2:06d}.txt").read_text(encoding="utf-8").splitlines()
    store = open_store(Settings.from_env(env={}, home=home))
    try:

        def first(cypher: str) -> str:
            return str(store.read(cypher).scalar() or "")

        return {
            "doc": middle[1],
            "unit": first(
                "MATCH (u:Unit)<-[:LED_BY]-(:Task) RETURN u.name AS name, count(*) AS c "
                "ORDER BY c DESC, name LIMIT 1"
            ),
            "year": first(
                "MATCH (t:Target) WHERE t.year IS NOT NULL "
                "RETURN t.year AS year, count(*) AS c ORDER BY c DESC, year LIMIT 1"
            ),
            "metric": first(
                "MATCH (t:Target) WHERE t.metric_key IS NOT NULL "
                "RETURN t.metric_key AS m, count(*) AS c ORDER BY c DESC, m LIMIT 1"
            ),
            "region": first(
                "MATCH (:Document)-[:ISSUED_BY]->(:Unit)-[:BELONGS_TO]->(r:Region) "
                "RETURN r.name AS name, count(*) AS c ORDER BY c DESC, name LIMIT 1"
            ),
        }
    finally:
        store.close()


def tree_queries(tree: Tree) -> list[NamedQuery]:
    """The named queries of a tree, as its CLI reads them."""
    return [parse_query_file(p) for p in sorted((tree.root / "queries").glob("*.cypher"))]


def time_queries(tree: Tree, home: Path, values: dict[str, str], repeat: int) -> list[str]:
    """p50 / p95 of every named query of the tree, server-side and from the CLI."""
    lines = [
        f"  {'query':<28}{'rows':>7}{'server p50':>12}{'p95 ms':>9}{'CLI p50':>10}{'p95 ms':>9}"
    ]
    store = open_store(Settings.from_env(env={}, home=home))
    try:
        for named in tree_queries(tree):
            raw = {p.name: values[p.name] for p in named.params if p.default is None}
            params = named.bind(raw)
            times: list[float] = []
            rows = 0
            spent = time.perf_counter()
            while len(times) < repeat and (
                len(times) < 3 or time.perf_counter() - spent < SERVER_BUDGET_S
            ):
                start = time.perf_counter()
                rows = len(store.read(named.cypher, params).rows)
                times.append(time.perf_counter() - start)
            server = percentiles(times)
            args = [a for name, value in raw.items() for a in ("-p", f"{name}={value}")]
            walls = [
                cli(tree, home, "run", named.name, *args, "--format", "csv").wall for _ in range(5)
            ]
            client = percentiles(walls)
            lines.append(
                f"  {named.name:<28}{rows:>7}{server[0]:>12.1f}{server[1]:>9.1f}"
                f"{client[0]:>10.0f}{client[1]:>9.0f}"
            )
            print(lines[-1], flush=True)
    finally:
        store.close()
    return lines


def startup(tree: Tree, home: Path, runs: int = 10) -> str:
    """Median wall and CPU time of `policykg query "RETURN 1"` (server already running)."""
    done = [cli(tree, home, "query", "RETURN 1") for _ in range(runs)]
    wall = statistics.median(r.wall for r in done) * 1000
    cpu = statistics.median(r.cpu for r in done) * 1000
    return (
        f'  CLI start-up: policykg query "RETURN 1", median of {runs}: '
        f"{wall:.0f} ms wall, {cpu:.0f} ms CPU"
    )


def startup_interleaved(trees: list[Tree], runs: int = 10) -> list[str]:
    """`policykg query "RETURN 1"` of each tree in turn on one server: the machine's noise
    falls on every tree alike. Median wall and CPU per tree."""
    distinct = list({tree.root: tree for tree in trees}.values())
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        try:
            cli(distinct[-1], home, "query", "RETURN 1")  # starts the server
            done: dict[str, list[Run]] = {tree.name: [] for tree in distinct}
            for _ in range(runs):
                for tree in distinct:
                    done[tree.name].append(cli(tree, home, "query", "RETURN 1"))
        finally:
            stop_server(home)
    lines = [f'CLI start-up, interleaved: policykg query "RETURN 1", median of {runs} each']
    for name, results in done.items():
        wall = statistics.median(r.wall for r in results) * 1000
        cpu = statistics.median(r.cpu for r in results) * 1000
        lines.append(f"  {name.split(',')[0]:<12}{wall:6.0f} ms wall {cpu:6.0f} ms CPU")
    return lines


DIGEST = """
import hashlib, sys
from pathlib import Path
from policykg.graph import open_store
from policykg.settings import Settings
# Read in pages of internal ids (an id range is a seek, not a scan) and summed as a multiset
# hash (row order does not matter): one query over 100,000 documents' graph ran past the
# server's timeout, and sorting every row here would need gigabytes.
store = open_store(Settings.from_env(env={}, home=Path(sys.argv[1])))
PAGE = 20000
top = store.read("MATCH (n) RETURN max(id(n))").rows[0][0]
total = 0
def add(rows):
    global total
    for row in rows:
        total += int.from_bytes(hashlib.sha256(repr(row).encode()).digest()[:16], "big")
for low in range(0, (top or 0) + 1, PAGE):
    bounds = {"low": low, "high": low + PAGE}
    add(store.read("MATCH (n) WHERE id(n) >= $low AND id(n) < $high "
                   "RETURN labels(n), properties(n)", bounds).rows)
    add(store.read("MATCH (a)-[r]->(b) WHERE id(a) >= $low AND id(a) < $high "
                   "RETURN a.id, type(r), b.id, properties(r)", bounds).rows)
print(f"{total % 2**64:016x}")
"""


def graph_digest(home: Path) -> str:
    """A hash of every node and relationship with its properties: equal graphs, equal hash.

    In a process of its own: a child started later inherits this process's peak RSS as its
    own ru_maxrss (the kernel counts the forked image), so this process stays small.
    """
    return subprocess.run(
        [sys.executable, "-c", DIGEST, str(home)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip


def _load_in_parts(tree: Tree, docs: Path, home: Path) -> tuple[Run, dict[str, Any]]:
    """`policykg load` run tree.parts times on consecutive slices of the corpus: wall and CPU
    summed, peak RSS the largest, loaded/failed summed, stats those after the last part."""
    files = sorted(str(p) for p in docs.iterdir())
    size = -(-len(files) // tree.parts)
    runs, reports = [], []
    for start in range(0, len(files), size):
        run = cli(tree, home, "load", *files[start : start + size], "--json", *tree.load_options)
        runs.append(run)
        reports.append(json.loads(run.stdout))
    total = Run(
        sum(r.wall for r in runs), sum(r.cpu for r in runs), max(r.maxrss_kb for r in runs), ""
    )
    report = {
        "loaded": sum(r["loaded"] for r in reports),
        "failed": sum(r["failed"] for r in reports),
        "stats": reports[-1]["stats"],
    }
    return total, report


def measure_load(tree: Tree, docs: Path, home: Path, count: int, chars: int) -> list[str]:
    """Load the corpus into a fresh store; the load's figures as report lines."""
    if tree.parts == 1:
        load = cli(tree, home, "load", str(docs), "--json", *tree.load_options)
        report = json.loads(load.stdout)
    else:
        load, report = _load_in_parts(tree, docs, home)
    server = server_figures(tree, home)
    stats = report["stats"]
    return [
        f"  graph digest (all nodes, relationships, properties): {graph_digest(home)}",
        f"  load: {report['loaded']} loaded, {report['failed']} failed; wall {load.wall:.1f} s, "
        f"{count / load.wall:.1f} docs/s, {chars / load.wall / 1e6:.2f} M chars/s",
        f"  CPU: loader {load.cpu:.1f} s ({load.cpu / count * 1000:.1f} ms/doc), "
        f"server {server['cpu']:.1f} s ({server['cpu'] / count * 1000:.1f} ms/doc); "
        f"(loader+server CPU) / wall {(load.cpu + server['cpu']) / load.wall:.2f}",
        f"  memory: loader peak RSS {load.maxrss_kb / 1024:.0f} MB (largest process); "
        f"server RSS {server['rss']:.0f} MB (peak {server['hwm']:.0f} MB)",
        f"  graph: {stats['nodes']} nodes, {stats['relationships']} relationships; "
        f"disk {disk_mb(home / 'falkordb' / 'data'):.1f} MB",
        *_stage_line(report),
    ]


def _stage_line(report: dict[str, object]) -> list[str]:
    """Per-stage seconds from `load --json` (trees from before issue 12's stage timing lack them)."""
    stages = report.get("stages")
    if not isinstance(stages, dict):
        return []
    return [
        "  stages (s, summed over files; with workers parse and extract overlap the writes): "
        + ", ".join(f"{name.removesuffix('_s')} {value:.1f}" for name, value in stages.items())
    ]


def measure(count: int, trees: list[Tree], repeat: int) -> list[str]:
    """Every tree loads the same corpus of count documents; figures as report lines."""
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        generate(docs, count)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in docs.iterdir())
        lines.append(f"{count} documents, {chars / 1e6:.1f} M chars")
        for number, tree in enumerate(trees):
            home = Path(tmp) / f"home{number}"
            try:
                lines.append(f" {tree.name}:")
                lines += measure_load(tree, docs, home, count, chars)
                print("\n".join(lines[-8:]), flush=True)
                if tree.queries:
                    lines.append(startup(tree, home))
                    values = sample_params(home, docs, count)
                    lines.append(f"  parameters: {values}")
                    lines += time_queries(tree, home, values, repeat)
            finally:
                stop_server(home)
    return lines


def main(argv: list[str]) -> int:
    """Measure each size with each tree; print and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--baseline", type=Path, help="an earlier checkout, measured first")
    parser.add_argument(
        "--baseline-site",
        type=Path,
        help="packages the baseline runs with ahead of this venv's (pip install --target), "
        "e.g. the CLI library version it pinned",
    )
    parser.add_argument("--repeat", type=int, default=20, help="server-side runs per query")
    parser.add_argument(
        "--only",
        choices=("serial", "pipelined", "parts"),
        action="append",
        help="measure only these loads of this tree (repeatable; default all three)",
    )
    parser.add_argument(
        "--output", type=Path, default=RESULTS, help=f"results file (default {RESULTS})"
    )
    parser.add_argument(
        "--startup-only",
        action="store_true",
        help="only the interleaved start-up comparison, appended to the results file",
    )
    args = parser.parse_args(argv)
    loads = {
        "serial": Tree(
            "this tree, serial (load --workers 1)", ROOT, ("--workers", "1"), queries=False
        ),
        "pipelined": Tree("this tree, pipelined (load: one parsing worker per core)", ROOT),
        "parts": Tree(
            "this tree, in ten parts (ten pipelined loads)", ROOT, queries=False, parts=10
        ),
    }
    trees = [tree for name, tree in loads.items() if not args.only or name in args.only]
    if args.baseline:
        trees.insert(0, Tree("baseline", args.baseline.resolve(), site=args.baseline_site))
    lines = [
        f"policykg scale, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores "
        f"(shared: load average {os.getloadavg()[0]:.1f} at start)",
    ]
    if args.startup_only:
        lines = ["", lines[0].replace("policykg scale", "policykg scale --startup-only")]
        lines += startup_interleaved(trees)
        with args.output.open("a", encoding="utf-8") as results:
            results.write("\n".join(lines) + "\n")
        print("\n".join(lines))
        return 0
    for count in args.sizes:
        lines += measure(count, trees, args.repeat)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
