"""The organ vocabulary (`ontology/data/organs.tsv`): central organs and spellings of local ones.

One node per organ needs one spelling per organ: 发改委, 发展和改革委员会 and 发展改革委 are
the same organ, and 农业农村部 is a central ministry wherever it is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "organs.tsv"


@dataclass(frozen=True)
class OrganTable:
    """Whole-name aliases of central organs, and in-name aliases of local organ words."""

    national: dict[str, str]  # any spelling → canonical central organ
    local: dict[str, str]  # spelling of an organ word → canonical word
    local_pattern: re.Pattern[str]


@cache
def organ_table() -> OrganTable:
    """The table file, read once."""
    national: dict[str, str] = {}
    local: dict[str, str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        scope, canonical, *rest = line.split("\t")
        aliases = [a for a in (rest[0].split(";") if rest else []) if a and a != canonical]
        if scope == "national":
            for name in (canonical, *aliases):
                national[name] = canonical
        elif scope == "organ":
            # The canonical word maps to itself so that the longest match consumes it
            # (地方金融监管局 is not rewritten through its shorter alias 金融监管局).
            for alias in (canonical, *aliases):
                local[alias] = canonical
        else:
            raise ValueError(f"{TABLE}: unknown scope {scope!r} in {line!r}")
    words = sorted(local, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, words))) if words else re.compile(r"(?!)")
    return OrganTable(national, local, pattern)


def national_organ(name: str) -> str | None:
    """The canonical central organ a whole name denotes (发改委 → 国家发展改革委), else None."""
    return organ_table().national.get(name)


def normalize_organ_words(name: str) -> str:
    """Local organ words in their one spelling: 河南省发展和改革委员会 → 河南省发展改革委."""
    table = organ_table()
    return table.local_pattern.sub(lambda m: table.local[m.group()], name)


def canonical_organ(name: str) -> str:
    """One spelling per organ of one jurisdiction: central organs whole, local words folded."""
    return national_organ(name) or normalize_organ_words(name)


@cache
def central_organ_pattern() -> re.Pattern[str]:
    """Any spelling of a central ministry, commission or agency (not the State Council or the
    Party centre, which local documents cite all the time), longest first."""
    leaders = ("国务院", "中共中央", "党中央", "中央", "全国", "新华社")
    names = sorted(
        (n for n in organ_table().national if len(n) >= 3 and not n.startswith(leaders)),
        key=len,
        reverse=True,
    )
    return re.compile("|".join(map(re.escape, names)))
