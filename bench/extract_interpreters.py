"""The same `policykg extract --json` run by two Python environments, in turn, in one run.

    python -m bench.extract_interpreters PYTHON_A PYTHON_B [RUNS]
    # writes bench/results/extract_interpreters.txt

Each PYTHON is the `python` of an environment that `make install` made for this tree (e.g.
`.venv/bin/python` and one made with `make install VENV=.venv-other PYTHON=/path/to/python3.11`).
Both extract the 150 files of bench/extract_cli_speed.py RUNS times (5), alternately, so the
shared host's slow and fast spells fall on both; the report gives each run's CPU seconds, each
interpreter's best run, the median of the per-run ratios, whether each used the compiled loaders
and whether the two printed byte-identical output. It is how the Makefile's choice of
interpreter was measured (README, "Session 13").
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.extract_cli_speed import bench_folder, extract_cpu, user_env

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "extract_interpreters.txt"
RUNS = 5
_DESCRIBE = (
    "import sys; from policykg.loaders import native; "
    "print(sys.version.split()[0], sys.base_prefix, "
    "'libpython shared' if 'libpython' in open('/proc/self/maps').read() "
    "else 'libpython linked in', "
    "'compiled loaders' if native.current_build() else 'Python loaders', sep=' | ')"
)


def describe(python: str) -> str:
    """Version, installation, how libpython is linked, and which loaders run."""
    done = subprocess.run(
        [python, "-c", _DESCRIBE], cwd=ROOT, env=user_env(), capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    return done.stdout.strip()


def main(argv: list[str]) -> int:
    """Run both interpreters in turn; print and write the figures."""
    if len(argv) < 2:
        raise SystemExit(__doc__)
    pythons = argv[:2]
    runs = int(argv[2]) if len(argv) > 2 else RUNS
    times: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder, chars, _ = bench_folder(Path(tmp))
        sinks = [Path(tmp) / "a.jsonl", Path(tmp) / "b.jsonl"]
        for python, sink in zip(pythons, sinks, strict=True):
            extract_cpu(folder, sink, python)  # not counted: writes .pyc files, pattern cache
        for _ in range(runs):
            a, b = (extract_cpu(folder, s, p)[0] for p, s in zip(pythons, sinks, strict=True))
            times.append((a, b))
        same = sinks[0].read_bytes() == sinks[1].read_bytes()
    ratios = sorted(b / a for a, b in times)
    lines = [
        f"policykg extract --json under two interpreters, alternately, "
        f"{time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}",
        f"input: the 150 files of bench/extract_cli_speed.py, {chars} characters of clean text",
        *(f"{name}: {p} ({describe(p)})" for name, p in zip("AB", pythons, strict=True)),
        *(
            f"run {i + 1}: A {a:.2f} s CPU, B {b:.2f} s CPU, B/A {b / a:.2f}"
            for i, (a, b) in enumerate(times)
        ),
        *(
            f"best {name}: {best:.2f} s CPU = {chars / best / 1e6:.2f} M chars/s per core"
            for name, best in (("A", min(a for a, _ in times)), ("B", min(b for _, b in times)))
        ),
        f"B/A, median of {runs} runs: {ratios[len(ratios) // 2]:.2f}",
        "output: " + ("byte-identical" if same else "DIFFERS"),
    ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
