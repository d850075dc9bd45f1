"""A synthetic corpus for scale benchmarks, recombined from real policy texts.

    python -m bench.generate OUT_DIR N [--seed 7]

Every document is a real text (the corpus in tests/fixtures/corpus and the demo) under a fresh
title and 文号 of a real city (from the division table), with a citation of an earlier
generated document planted in its first paragraph, so lineage chains 3–6 deep exist, and the
units of the real text (市发展改革委 …) shared by every document of the same city.
Deterministic for a seed.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from bench.held_out import is_held_out
from policykg.loaders import parse
from policykg.loaders.extract.regions import regions

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "tests" / "fixtures" / "corpus" / "docs", ROOT / "demo")
TOPICS = (
    "推进数字经济高质量发展", "优化营商环境", "加快新型城镇化建设", "促进产业园区转型升级",
    "推进城市更新", "加强科技创新平台建设", "促进消费扩容提质", "推进乡村振兴",
)  # fmt: skip
KINDS = ("实施方案", "行动计划", "实施意见", "工作要点")


def _bodies() -> list[str]:
    bodies = []
    for folder in SOURCES:
        for path in sorted(folder.iterdir()):
            if is_held_out(path):  # sealed evaluation files are never opened
                continue
            for doc in parse(path).documents():
                if len(doc.text) > 1500:
                    bodies.append(doc.text)
    return bodies


def generate(out: Path, count: int, seed: int = 7) -> list[Path]:
    """Write count documents to out; return their paths."""
    rng = random.Random(seed)
    cities = sorted((r for r in regions().values() if r.level == "city"), key=lambda r: r.adcode)
    bodies = _bodies()
    out.mkdir(parents=True, exist_ok=True)
    written: list[tuple[str, str]] = []  # (title, 文号) of each generated document
    paths = []
    for i in range(count):
        city = rng.choice(cities)
        year = rng.randint(2019, 2026)
        title = f"{city.name}关于{rng.choice(TOPICS)}的{rng.choice(KINDS)}（第{i}号）"
        number = f"{city.name[:2]}政〔{year}〕{i + 1}号"
        lines = [title, number, ""]
        if written and rng.random() < 0.8:
            # A chain: cite one of the last few documents, so paths grow 3–6 deep.
            cited_title, cited_number = written[max(0, len(written) - rng.randint(1, 5))]
            lines.append(f"为贯彻落实《{cited_title}》（{cited_number}），结合实际，制定本方案。")
        lines.append(rng.choice(bodies))
        path = out / f"gen_{i:06d}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        written.append((title, number))
        paths.append(path)
    return paths


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    files = generate(Path(args[0]), int(args[1]), seed)
    print(f"{len(files)} documents in {args[0]}")
