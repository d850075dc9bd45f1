"""The analysis commands (issue 14) on 1,000 generated documents, as printed.

    python -m bench.analysis_1k [N]     # writes bench/results/analysis_1k.txt

bench.generate writes N documents (default 1000; deterministic, seed 7), `policykg load` loads
them and then tests/fixtures/analysis (a State Council 意见 with its chain of implementing
documents and a national → park target cascade) into a fresh data dir, and `policykg run` of
broken_chains, coverage, target_cascade and diffusion, then `policykg check`, run as real
processes; their output is written under the command line that printed it. Parameters are
those bench.analysis times; long answers are cut with --limit (the CLI counts the rest).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.analysis_demo import CSV, ROOT, cli
from bench.generate import generate
from policykg.graph.embedded import stop_server

RESULTS = ROOT / "bench" / "results" / "analysis_1k.txt"
FIXTURES = "tests/fixtures/analysis"
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("run", "broken_chains", *CSV, "--limit", "12"),
    ("run", "coverage", "-p", "doc=国发〔2024〕9号", *CSV, "--limit", "12"),
    ("run", "target_cascade", "-p", "metric=地区生产总值增速", "-p", "year=2026", *CSV, "--limit", "12"),
    ("run", "diffusion", "-p", "doc=国发〔2024〕9号", *CSV),
    ("check",),
)  # fmt: skip


def capture(count: int) -> list[str]:
    """Generate and load count documents plus the fixtures; print each command's output."""
    with tempfile.TemporaryDirectory() as tmp:
        docs, home = Path(tmp) / "generated", Path(tmp) / "home"
        generate(docs, count)
        try:
            cli(home, "load", str(docs))
            cli(home, "load", FIXTURES)
            lines = [
                f"$ python -m bench.generate generated {count}",
                "$ policykg load generated",
                f"$ policykg load {FIXTURES}",
            ]
            for args in COMMANDS:
                lines += ["", f"$ policykg {' '.join(args)}", cli(home, *args)]
            return lines
        finally:
            stop_server(home)


def main(argv: list[str]) -> int:
    """Capture the commands on N generated documents; write the results file."""
    count = int(argv[0]) if argv else 1000
    RESULTS.write_text("\n".join(capture(count)) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
