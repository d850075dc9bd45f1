"""CLI start-up: wall and CPU time of short `policykg` commands on a warm embedded server.

    python -m bench.startup [--runs 20] [--baseline DIR] [--out bench/results/startup.txt]

Loads demo/ into a temporary POLICYKG_HOME (`policykg load demo/`, which also starts the
server), then runs the real console script (.venv/bin/policykg) RUNS times for each command:
`query "RETURN 1"`, `run lineage_up -p doc=…` (the demo document with the longest citation
chain) and `--help`, stdout to a file as a script would. With --baseline DIR (an earlier
checkout, e.g. `git archive BASE | tar -x -C DIR`) the same console script runs with DIR
first on PYTHONPATH, and the trees take turns, so a shared machine's noise falls on both;
both must print the same answers. Bytecode is cached in a temporary PYTHONPYCACHEPREFIX
(as an installed package has its .pyc files; this workspace sets PYTHONDONTWRITEBYTECODE)
after one warm-up run per command. Also: the import time of `policykg query "RETURN 1"` per
top-level module (-X importtime, the least of 5 runs), and `python -c pass` as the floor.
Reports median and p95 wall and median CPU per command, with the load average before and
after; writes --out.
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
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONSOLE_SCRIPT = Path(sys.executable).parent / "policykg"
RESULTS = ROOT / "bench" / "results" / "startup.txt"
# The chain the lineage query follows: the document that cites most, directly or not.
LINEAGE_START = (
    "MATCH (d:Document)-[:CITES*1..6]->(c:Document) WHERE NOT coalesce(d.stub, false) "
    "RETURN coalesce(d.doc_number, d.title) AS doc, count(DISTINCT c) AS n "
    "ORDER BY n DESC, doc LIMIT 1"
)
IMPORT_RUNS = 5
FLOOR = "python -c pass (the floor)"


@dataclass(frozen=True)
class Tree:
    """A checkout whose CLI is measured through the one console script."""

    name: str
    pythonpath: Path | None = None  # the checkout ahead of the editable install

    def env(self, base: dict[str, str]) -> dict[str, str]:
        env = dict(base)
        if self.pythonpath is not None:
            env["PYTHONPATH"] = str(self.pythonpath)
        return env


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    stdout: bytes


def run(command: list[str], env: dict[str, str]) -> Run:
    """One process, stdout to a file; CPU of it and its children from wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=err, cwd=env["POLICYKG_HOME"])
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {stderr.decode()[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, stdout)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def import_times(tree: Tree, env: dict[str, str], argv: list[str]) -> dict[str, float]:
    """Milliseconds per top-level import of one command (-X importtime), least of the runs."""
    code = f"import sys; sys.argv = {argv!r}; from policykg.app.cli import main; main()"
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(IMPORT_RUNS):
        # Not from ROOT: `-c` puts the working directory ahead of PYTHONPATH.
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=env["POLICYKG_HOME"],
                              env=tree.env(env), capture_output=True, text=True, check=True)  # fmt: skip
        seen: dict[str, float] = defaultdict(float)
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "cumulative" in line:
                continue
            _, cumulative, name = line.removeprefix("import time:").split("|")
            if not name.startswith("  "):  # top level: one space after the bar
                seen[name.strip()] += int(cumulative) / 1000
        for name, ms in seen.items():
            best[name] = min(best[name], ms)
    return dict(best)


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--baseline", type=Path, help="an earlier checkout to compare with")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    trees = [Tree("this checkout")]
    if args.baseline:
        trees.insert(0, Tree(f"baseline {args.baseline}", args.baseline.resolve()))

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()  # also the working directory: no checkout on sys.path by accident
        env = {**os.environ, "POLICYKG_HOME": str(home), "PYTHONPYCACHEPREFIX": f"{tmp}/pyc"}
        for name in ("PYTHONDONTWRITEBYTECODE", "POLICYKG_STORE", "POLICYKG_GRAPH"):
            env.pop(name, None)
        policykg = [str(CONSOLE_SCRIPT)]
        try:
            run([*policykg, "load", str(ROOT / "demo")], env)
            found = run([*policykg, "query", LINEAGE_START, "--format", "json"], env)
            doc = json.loads(found.stdout)[0]["doc"]
            commands = {
                'query "RETURN 1"': ["query", "RETURN 1"],
                "run lineage_up -p doc=DOC": ["run", "lineage_up", "-p", f"doc={doc}"],
                "--help": ["--help"],
            }
            for tree in trees:  # warm-up: bytecode written, pages cached
                for argv in commands.values():
                    run([*policykg, *argv], tree.env(env))
            before = load_average()
            done: dict[tuple[str, str], list[Run]] = defaultdict(list)
            for _ in range(args.runs):
                for label, argv in commands.items():
                    for tree in trees:
                        done[tree.name, label].append(run([*policykg, *argv], tree.env(env)))
                # The floor: the interpreter starting and stopping, site (this venv) included.
                done["interpreter", FLOOR].append(run([sys.executable, "-c", "pass"], env))
            after = load_average()
            imports = {
                tree.name: import_times(tree, env, ["policykg", "query", "RETURN 1"])
                for tree in trees
            }
        finally:
            subprocess.run([*policykg, "db", "stop"], env=env, capture_output=True)

    lines = [
        f"policykg CLI start-up ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC), "
        f"python -m bench.startup --runs {args.runs}"
        + (f" --baseline {args.baseline}" if args.baseline else ""),
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        f"; load average (1/5/15 min) {before} before, {after} after (a shared machine)",
        f"demo/ loaded into a temporary home, warm server; stdout to a file; bytecode cached; "
        f"{args.runs} runs per command, trees in turn; DOC = {doc}",
        "",
        f"  {'command':<44}{'tree':<28}{'median':>8}{'p95':>8}{'CPU':>8}  (ms)",
    ]
    for label in [*commands, FLOOR]:
        trees_of_label = [Tree("interpreter")] if label == FLOOR else trees
        answers = {done[tree.name, label][-1].stdout for tree in trees_of_label}
        if label != "--help" and len(answers) > 1:
            raise RuntimeError(f"the trees print different answers to {label}")
        for tree in trees_of_label:
            runs = done[tree.name, label]
            walls = [r.wall * 1000 for r in runs]
            cpu = statistics.median(r.cpu * 1000 for r in runs)
            lines.append(
                f"  {label:<44}{tree.name[:27]:<28}{statistics.median(walls):>8.0f}"
                f"{percentile(walls, 0.95):>8.0f}{cpu:>8.0f}"
            )
    lines += ["", 'import time of policykg query "RETURN 1" by top-level module (ms, least of '
              f"{IMPORT_RUNS} runs; 2 ms and more)"]  # fmt: skip
    for tree in trees:
        spent = imports[tree.name]
        top = sorted(((ms, name) for name, ms in spent.items() if ms >= 2), reverse=True)
        lines.append(f"  {tree.name}: {sum(spent.values()):.0f} ms in all")
        lines += [f"    {ms:7.1f}  {name}" for ms, name in top]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
