"""The analysis commands (issue 14) on the demo corpus and on the analysis fixtures, as printed.

    python -m bench.analysis_demo      # writes bench/results/analysis_demo.txt

Each corpus is loaded with `policykg load` into a fresh data dir; then `policykg run` of
broken_chains, coverage, target_cascade and diffusion (CSV, so that no column is cut to the
terminal's width) and `policykg check` run as real processes, and their output is written
under the command line that printed it. demo/ is six unrelated documents;
tests/fixtures/analysis holds a whole chain (国发 → 河南 → 郑州/洛阳 → 郑州高新区).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from policykg.graph.embedded import stop_server

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "analysis_demo.txt"
CSV = ("--format", "csv")

# (corpus folder, commands after `policykg`)
RUNS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    (
        "demo",
        (
            ("run", "broken_chains", *CSV, "--limit", "6"),
            ("run", "coverage", "-p", "doc=豫政〔2019〕19号", *CSV),
            ("run", "target_cascade", "-p", "metric=产业规模", "-p", "year=2025", *CSV),
            ("run", "diffusion", "-p", "doc=园区转型升级工程实施方案", *CSV),
            ("check",),
        ),
    ),
    (
        "tests/fixtures/analysis",
        (
            ("run", "broken_chains", *CSV),
            ("run", "coverage", "-p", "doc=国发〔2024〕9号", *CSV),
            ("run", "target_cascade", "-p", "metric=研发经费投入强度", "-p", "year=2025", *CSV),
            ("run", "diffusion", "-p", "doc=郑政〔2024〕12号", *CSV),
            ("check",),
        ),
    ),
)


def cli(home: Path, *args: str) -> str:
    """`policykg ARGS` as a user runs it; stdout (stderr too when it fails)."""
    env = {**os.environ, "POLICYKG_HOME": str(home), "COLUMNS": "120"}
    env.pop("POLICYKG_STORE", None)
    done = subprocess.run(
        [sys.executable, "-m", "policykg.app.cli", *args],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode not in (0, 1):  # check exits 1 when a check fails
        raise RuntimeError(f"policykg {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done.stdout.rstrip()


def capture(folder: str, commands: tuple[tuple[str, ...], ...]) -> list[str]:
    """Load folder into a fresh store and print each command with its output."""
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        try:
            cli(home, "load", folder)
            lines = [f"$ policykg load {folder}"]
            for args in commands:
                shown = " ".join(args)
                lines += ["", f"$ policykg {shown}", cli(home, *args)]
            return lines
        finally:
            stop_server(home)


def main() -> int:
    """Capture every corpus; write the results file."""
    lines: list[str] = []
    for folder, commands in RUNS:
        if lines:
            lines.append("")
        lines += capture(folder, commands)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
