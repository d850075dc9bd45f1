"""Proof that a speed change left `policykg extract` output as it was, byte for byte.

    python -m bench.extract_identity record   # writes the reference (default under /tmp)
    python -m bench.extract_identity check    # runs again, compares, exits 1 on a difference
    python -m bench.extract_identity change loaders/docnumber.py …   # HEAD vs HEAD + your diff

Every file of the development corpus (tests/fixtures/corpus/docs, without the sealed e*, f* and
g* files) and of demo/ is given to one `policykg extract` process, once with --json and once
with --pretty; stdout, stderr and the exit code are kept. The reference follows the rules:
when a rule change lands in loaders/, record again before comparing. While others edit the
same working tree, `change PATH…` compares HEAD with HEAD plus the working tree's diff of
those paths only (both unpacked with git archive into a temporary folder).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.held_out import is_held_out

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "tests" / "fixtures" / "corpus" / "docs", ROOT / "demo")
DEFAULT_REFERENCE = Path("/tmp/policykg_extract_reference.json")


def inputs() -> list[Path]:
    """The files to extract; the sealed evaluation files (e*, f*, g*) are never opened."""
    return sorted(
        f for source in SOURCES for f in source.iterdir() if f.is_file() and not is_held_out(f)
    )


def run(mode: str, files: list[Path], tree: Path) -> dict[str, str | int]:
    """One `policykg extract` process of TREE's code over every file: stdout, stderr, exit code."""
    args = [sys.executable, "-m", "policykg.app.cli", "extract", mode]
    done = subprocess.run(
        args + [str(f) for f in files],
        cwd=tree, capture_output=True, check=False,
    )  # fmt: skip
    return {
        "stdout": done.stdout.decode("utf-8"),
        "stderr": done.stderr.decode("utf-8"),
        "returncode": done.returncode,
    }


def capture(tree: Path) -> dict[str, dict[str, str | int]]:
    """Output of both modes over every input file."""
    files = inputs()
    return {mode: run(mode, files, tree) for mode in ("--json", "--pretty")}


def digest(output: dict[str, dict[str, str | int]]) -> str:
    return hashlib.sha256(json.dumps(output, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def first_difference(old: str, new: str) -> str:
    """Where two outputs part, with a little context."""
    at = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), None)
    if at is None:
        return f"one output is a prefix of the other ({len(old)} vs {len(new)} characters)"
    return f"at character {at}: {old[max(0, at - 80) : at + 80]!r} vs {new[max(0, at - 80) : at + 80]!r}"


def unpack_head(folder: Path, diff_of: list[str] | None = None) -> Path:
    """HEAD's files in folder, with the working tree's diff of diff_of applied."""
    folder.mkdir()
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    if diff_of:
        diff = subprocess.run(
            ["git", "diff", "HEAD", "--", *diff_of], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["git", "apply", "-"], cwd=folder, input=diff, check=True)
    return folder


def compare_change(paths: list[str]) -> int:
    """Output of HEAD against HEAD with the working tree's changes to paths."""
    with tempfile.TemporaryDirectory() as tmp:
        before = capture(unpack_head(Path(tmp) / "head"))
        after = capture(unpack_head(Path(tmp) / "changed", paths))
    return report(before, after)


def report(
    reference: dict[str, dict[str, str | int]], output: dict[str, dict[str, str | int]]
) -> int:
    """Print whether two captures are identical (and where they part); 1 when they differ."""
    differences = [
        f"{mode} {part}: {first_difference(str(reference[mode][part]), str(output[mode][part]))}"
        for mode in output
        for part in output[mode]
        if reference[mode][part] != output[mode][part]
    ]
    if differences:
        print("\n".join(["output CHANGED:", *differences]))
        return 1
    print(f"identical: {len(inputs())} files, digest {digest(output)}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("record", "check", "change"))
    parser.add_argument("paths", nargs="*", help="change: the files whose diff to apply")
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument(
        "--tree", type=Path, default=ROOT,
        help="run the code of this checkout (e.g. a git worktree of HEAD), on this tree's files",
    )  # fmt: skip
    args = parser.parse_args()
    if args.action == "change":
        if not args.paths:
            parser.error("change needs the paths whose working-tree diff to compare")
        return compare_change(args.paths)
    output = capture(args.tree.resolve())
    if args.action == "record":
        args.reference.write_text(json.dumps(output, ensure_ascii=False), encoding="utf-8")
        lines = sum(str(o["stdout"]).count("\n") for o in output.values())
        print(f"recorded {len(inputs())} files, {lines} lines, digest {digest(output)} "
              f"in {args.reference}")  # fmt: skip
        return 0
    reference = json.loads(args.reference.read_text(encoding="utf-8"))
    return report(reference, output)


if __name__ == "__main__":
    sys.exit(main())
