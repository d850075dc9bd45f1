"""Copy the benchmark figures from bench/results/ into the README's marked blocks.

`python -m bench.readme_figures` after running a benchmark; a test fails when the README
quotes other figures than the results files hold.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
README = ROOT / "README.md"


def _quality_excerpt(text: str) -> str:
    """The combined table (seeds + hand-written sentences) of the quality report."""
    start = text.index("combined (seeds + sentences)")
    end = text.find("\n\n", start)
    return text[start : end if end >= 0 else None].strip()


def _table(name: str) -> str:
    """The totals table at the head of a corpus quality report (up to its blank line)."""
    text = (RESULTS / name).read_text(encoding="utf-8")
    return text.split("\n\n", 1)[0].strip()


def _fuzz_excerpt(text: str) -> str:
    """The fuzz report's heading and its two per-format tables (not the per-mutation one)."""
    return text.split("\n\nimports by mutation", 1)[0].strip()


# README block name -> the figures it quotes.
BLOCKS = {
    "corpus-first": lambda: _table("quality_development_first_contact.txt"),
    "corpus-dev": lambda: _table("quality_development.txt"),
    # The sealed parts as scored once, before any rule was tuned on them (kept as they came
    # out; quality_sealed*.txt hold today's figures on those parts, now spent).
    "corpus-sealed": lambda: _table("quality_sealed_scored_once.txt"),
    "corpus-sealed-2": lambda: _table("quality_sealed_2_scored_once.txt"),
    "corpus-sealed-3": lambda: _table("quality_sealed_3_scored_once.txt"),
    "corpus-sealed-4": lambda: _table("quality_sealed_4_scored_once.txt"),
    "corpus-sealed-5": lambda: _table("quality_sealed_5_scored_once.txt"),
    "corpus-sealed-6": lambda: _table("quality_sealed_6_scored_once.txt"),
    "corpus-sealed-7": lambda: _table("quality_sealed_7_scored_once.txt"),
    "corpus-sealed-8": lambda: _table("quality_sealed_8_scored_once.txt"),
    "corpus-sealed-9": lambda: _table("quality_sealed_9_scored_once.txt"),
    "corpus-sealed-10": lambda: _table("quality_sealed_10_scored_once.txt"),
    "speed-cli": lambda: (RESULTS / "extract_cli_speed.txt").read_text(encoding="utf-8").strip(),
    "load": lambda: (RESULTS / "load_throughput.txt").read_text(encoding="utf-8").strip(),
    "quality": lambda: _quality_excerpt((RESULTS / "quality.txt").read_text(encoding="utf-8")),
    "speed": lambda: (RESULTS / "extract_speed.txt").read_text(encoding="utf-8").strip(),
    "restart": lambda: (RESULTS / "restart.txt").read_text(encoding="utf-8").strip(),
    "neo4j-compare": lambda: (RESULTS / "neo4j_compare.txt").read_text(encoding="utf-8").strip(),
    "neo4j-compare-10k": lambda: (
        (RESULTS / "neo4j_compare_10000.txt").read_text(encoding="utf-8").strip()
    ),
    "fuzz": lambda: _fuzz_excerpt((RESULTS / "fuzz.txt").read_text(encoding="utf-8")),
    "scale": lambda: (RESULTS / "scale.txt").read_text(encoding="utf-8").strip(),
    "scale-10k": lambda: (RESULTS / "scale_10000.txt").read_text(encoding="utf-8").strip(),
    "scale-100k": lambda: (RESULTS / "scale_100000.txt").read_text(encoding="utf-8").strip(),
    "scale-20k-leaner": lambda: (
        (RESULTS / "scale_20000_leaner.txt").read_text(encoding="utf-8").strip()
    ),
    "analysis-demo": lambda: (RESULTS / "analysis_demo.txt").read_text(encoding="utf-8").strip(),
    "analysis-1k": lambda: (RESULTS / "analysis_1k.txt").read_text(encoding="utf-8").strip(),
    "analysis-queries": lambda: (
        (RESULTS / "analysis_queries.txt").read_text(encoding="utf-8").strip()
    ),
}


def render(readme: str) -> str:
    """The README with every marked block holding the current figures."""
    for name, figures in BLOCKS.items():
        pattern = re.compile(
            rf"(<!-- bench:{name}:start -->\n).*?(\n<!-- bench:{name}:end -->)", re.DOTALL
        )
        if not pattern.search(readme):
            raise ValueError(f"README has no bench:{name} block")
        block = f"```\n{figures()}\n```"
        readme = pattern.sub(lambda m, b=block: m.group(1) + b + m.group(2), readme)
    return readme


if __name__ == "__main__":
    README.write_text(render(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"{README} updated")
