"""Fuzz: malformed documents through `loaders.parse` and malformed exports through the import
path into a real embedded store; every failure must be one of our errors, one line, naming
the file. Peak memory is measured per input.

    python -m bench.fuzz [DOCUMENTS IMPORTS]   # default 400 300; writes bench/results/fuzz.txt

Each batch (one document kind, or one import format) runs in a fresh worker process. Before
each input the worker resets its peak resident set size (Linux `/proc/self/clear_refs`), so
the peak RSS reported per input is that input's own; growth is the peak less the RSS before.
For imports the figure is the importing process's (the embedded server is another process).
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from bench.fuzz_inputs import (
    FuzzInput,
    clear_error,
    document_inputs,
    import_inputs,
    parse_input,
    write_exports,
)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "fuzz.txt"
SEED = 20261127
GRAPH = "fuzz"


def _rss_kb(field: str) -> int:
    status = Path("/proc/self/status").read_text()
    match = re.search(rf"^{field}:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) if match else 0


def _reset_peak() -> None:
    # Not Linux, or not allowed: peaks then only ever rise.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def worker(mode: str, folder: Path, home: Path | None) -> None:
    """Run every input in folder; print one JSON line per input."""
    store = None
    if mode == "imports":
        from policykg.graph import open_store
        from policykg.settings import Settings

        assert home is not None
        store = open_store(Settings.from_env(env={}, home=home, graph_name=GRAPH))
    from policykg.graph.importers import import_path

    for path in sorted(folder.iterdir()):
        before = _rss_kb("VmRSS")
        _reset_peak()
        start = time.perf_counter()
        try:
            if store is None:
                outcome, problem = parse_input(path), None
            else:
                store.clear()
                import_path(store, path, 1000)
                outcome, problem = "imported", None
        except BaseException as exc:  # the point of the fuzz: anything not ours is a finding
            problem = clear_error(exc, path)
            outcome = "error" if problem is None else "unexpected"
        row = {
            "name": path.name, "outcome": outcome, "problem": problem,
            "seconds": time.perf_counter() - start,
            "peak_kb": _rss_kb("VmHWM"), "growth_kb": max(0, _rss_kb("VmHWM") - before),
        }  # fmt: skip
        print(json.dumps(row, ensure_ascii=False), flush=True)
    if store is not None:
        store.clear()
        store.close()


def _batches(inputs: list[FuzzInput], key: Any) -> dict[str, list[tuple[int, FuzzInput]]]:
    grouped: dict[str, list[tuple[int, FuzzInput]]] = defaultdict(list)
    for index, item in enumerate(inputs):
        grouped[key(item)].append((index, item))
    return grouped


def _run_batch(
    mode: str, folder: Path, items: list[tuple[int, FuzzInput]], home: Path
) -> list[dict[str, Any]]:
    folder.mkdir(parents=True)
    kinds = {item.write(folder, index).name: item.kind for index, item in items}
    done = subprocess.run(
        [sys.executable, "-m", "bench.fuzz", "--worker", mode, str(folder), str(home)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    for row in rows:
        row["kind"] = kinds[row["name"]]
    if done.returncode != 0 or len(rows) != len(items):
        missing = sorted(set(kinds) - {r["name"] for r in rows})
        rows += [
            {"name": n, "kind": kinds[n], "outcome": "unexpected", "seconds": 0.0,
             "problem": f"worker exited {done.returncode}: {done.stderr.strip()[-300:]}",
             "peak_kb": 0, "growth_kb": 0}
            for n in missing[:1] or ["(worker)"] if n in kinds
        ]  # fmt: skip
    return rows


def _p95(values: list[int]) -> float:
    return (
        statistics.quantiles(values, n=20, method="inclusive")[-1]
        if len(values) > 1
        else float(values[0])
    )


def _report(title: str, rows: list[dict[str, Any]], by: Any) -> list[str]:
    lines = [
        "",
        title,
        f"{'kind':<28}{'inputs':>7}{'ok':>6}{'clear errors':>14}{'other':>7}"
        f"{'peak RSS max':>14}{'growth p95':>12}{'growth max':>12}{'max s':>7}",
    ]
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[by(row)].append(row)
    for name, group in [*sorted(groups.items()), ("all", rows)]:
        counts = Counter(r["outcome"] for r in group)
        growth = [r["growth_kb"] for r in group]
        lines.append(
            f"{name:<28}{len(group):>7}{counts['parsed'] + counts['imported']:>6}"
            f"{counts['error']:>14}{counts['unexpected']:>7}"
            f"{max(r['peak_kb'] for r in group) / 1024:>11.0f} MB"
            f"{_p95(growth) / 1024:>9.1f} MB{max(growth) / 1024:>9.1f} MB"
            f"{max(r['seconds'] for r in group):>7.1f}"
        )
    return lines


def main(argv: list[str]) -> int:
    """Generate, run in worker batches, print and write the report; 1 if anything escaped."""
    if argv[:1] == ["--worker"]:
        worker(argv[1], Path(argv[2]), Path(argv[3]) if len(argv) > 3 else None)
        return 0
    documents, imports = (int(a) for a in (argv or ["400", "300"]))
    from policykg.graph.embedded import stop_server

    started = time.perf_counter()
    rows: dict[str, list[dict[str, Any]]] = {"documents": [], "imports": []}
    with tempfile.TemporaryDirectory() as tmp:
        home, exports = Path(tmp) / "home", Path(tmp) / "exports"
        exports.mkdir()
        try:
            write_exports(exports, home, "fuzz-source")
            plan = {
                "documents": _batches(document_inputs(SEED, documents), lambda i: i.kind),
                "imports": _batches(
                    import_inputs(SEED, imports, exports), lambda i: i.kind.split(":")[0]
                ),
            }
            for mode, batches in plan.items():
                for batch, items in sorted(batches.items()):
                    slug = re.sub(r"\W", "_", batch)
                    rows[mode] += _run_batch(mode, Path(tmp) / mode / slug, items, home)
                    print(f"{mode} {batch}: {len(items)} inputs", flush=True)
        finally:
            stop_server(home)
    escaped = [r for mode in rows.values() for r in mode if r["outcome"] == "unexpected"]
    total = sum(len(r) for r in rows.values())
    lines = [
        f"policykg fuzz, {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, seed {SEED}",
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
        f"{total} inputs in {time.perf_counter() - started:.0f} s",
        f"escaped (not a one-line PolicyKGError naming the file): {len(escaped)}",
        "peak RSS: the worker process's peak while reading that input (interpreter included);",
        "growth: that peak less the RSS before the input",
    ]
    lines += _report("documents (loaders.parse)", rows["documents"], lambda r: r["kind"])
    lines += _report("imports (graph.importers.import_path, embedded store)", rows["imports"],
                     lambda r: r["kind"].split(":")[0])  # fmt: skip
    lines += _report("imports by mutation", rows["imports"], lambda r: r["kind"])
    lines += ["", *(f"ESCAPED {r['kind']} {r['name']}: {r['problem']}" for r in escaped)]
    RESULTS.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 1 if escaped else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
