"""Instructions `policykg extract --json` executes over the speed bench's 150 files: a figure the
shared host's noise does not move, for changes smaller than its ±15 % swings in CPU time.

    python -m bench.extract_instructions [BASELINE_DIR]   # writes bench/results/extract_instructions.txt

Counts instructions with `valgrind --tool=cachegrind --cache-sim=no` (Debian's valgrind; a run
takes about a minute) for this tree and, given a checkout of another commit (`git archive C |
tar -x -C DIR`), for that one too, on the same files and in the same way as
bench/extract_cli_speed.py: .pyc files written, one uncounted run first (it writes them and the
compiled-pattern cache). Also says whether the two trees printed byte-identical output.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.extract_cli_speed import corpus, extract_command, user_env

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "extract_instructions.txt"
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(tree: Path, folder: Path, sink: Path) -> int:
    """Instructions of one `policykg extract --json folder` in tree (output to sink)."""
    env = {**user_env(), "PYTHONPATH": str(tree)}
    command = extract_command(folder)
    subprocess.run(command, cwd=tree, env=env, stdout=subprocess.DEVNULL, check=True)
    with open(sink, "wb") as out:
        done = subprocess.run(
            ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
             *command],
            cwd=tree, env=env, stdout=out, stderr=subprocess.PIPE, text=True, check=True,
        )  # fmt: skip
    found = _REFS.search(done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output: {done.stderr[-300:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str]) -> int:
    """Count this tree (and a baseline's) instructions; print and write the figures."""
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt install valgrind)")
    baseline = Path(argv[0]).resolve() if argv else None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        corpus(folder)
        this = instructions(ROOT, folder, Path(tmp) / "this.jsonl")
        lines = [
            f"policykg extract --json, instructions (cachegrind), "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
            "input: the 150 files of bench/extract_cli_speed.py; .pyc files and pattern cache warm",
            f"this tree: {this / 1e9:.2f} G instructions",
        ]
        if baseline is not None:
            base = instructions(baseline, folder, Path(tmp) / "base.jsonl")
            same = (Path(tmp) / "this.jsonl").read_bytes() == (
                Path(tmp) / "base.jsonl"
            ).read_bytes()
            lines += [
                f"baseline ({baseline.name}): {base / 1e9:.2f} G instructions",
                f"change: {100 * (this - base) / base:+.1f} %; output "
                + ("byte-identical" if same else "differs (rules changed between the trees)"),
            ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
