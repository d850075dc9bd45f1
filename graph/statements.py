"""The fixed Cypher statements of graph/, one `.cypher` file each in graph/cypher/, by name.

Statements that differ between the stores are built in graph/dialect.py; these are the
same for both. Leading `//` lines describe a statement and are not sent.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"


@cache
def statement(name: str) -> str:
    """The statement in graph/cypher/<name>.cypher, without its comment lines."""
    text = (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return "\n".join(lines).strip()


def statement_names() -> list[str]:
    """Every statement graph/cypher holds."""
    return sorted(p.stem for p in CYPHER_DIR.glob("*.cypher"))
