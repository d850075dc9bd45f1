"""Two documents side by side: the rows of the compare_* queries shaped into tables.

Each function takes the query's rows (a `doc` column says whose row it is) and the two
document ids, a and b; columns named a and b hold what each document says. What both share
comes first. Values are named in the interface language (no Streamlit here).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from policykg.app import vocabulary
from policykg.app.task_numbers import number_key

Rows = Iterable[Mapping[str, Any]]
SIDES = ("a", "b")


def _side(row: Mapping[str, Any], a: str, b: str) -> str | None:
    return "a" if row["doc"] == a else "b" if row["doc"] == b else None


def shared_citations(rows: Rows, a: str, b: str, lang: str = "zh") -> pd.DataFrame:
    """Documents both cite: the cited document and how each cites it (relation, sentence)."""
    cited: dict[str, dict[str, Any]] = {}
    for row in rows:
        side = _side(row, a, b)
        if side is None or row["id"] in (a, b):  # a citing b is a direct link, not shared
            continue
        entry = cited.setdefault(row["id"], {"cited": row["cited"], "title": row["title"]})
        relation = vocabulary.name(vocabulary.RELATIONS, row["relation"], lang)
        colon = ":" if lang == "zh" else ": "
        entry[side] = f"{relation}{colon}{row['evidence'] or ''}"
    both = [e for e in cited.values() if all(s in e for s in SIDES)]
    return pd.DataFrame(both, columns=["cited", "title", "a", "b"])


def direct_links(rows: Rows, a: str, b: str) -> list[tuple[str, str, str]]:
    """(citing, cited, relation) where one of the two cites the other."""
    return [
        (str(row["doc"]), str(row["id"]), str(row["relation"]))
        for row in rows
        if (row["doc"], row["id"]) in ((a, b), (b, a))
    ]


def _tasks(cells: list[tuple[Any, str]]) -> str:
    """Task numbers in reading order (7 before 10), each with the start of its title."""
    ordered = sorted(set(cells), key=lambda c: (number_key(c[0]), c[1]))
    return ";".join(f"{n} {title[:24]}" if n else title[:24] for n, title in ordered)


def tasks_per_unit(rows: Rows, a: str, b: str, lang: str = "zh") -> pd.DataFrame:
    """Per unit: in each document how many tasks it leads and supports, and which.

    Units named in both documents come first, then the busiest.
    """
    lead = vocabulary.name(vocabulary.ROLES, "lead", lang)
    support = vocabulary.name(vocabulary.ROLES, "support", lang)
    units: dict[str, dict[str, dict[str, list[tuple[Any, str]]]]] = {}
    for row in rows:
        side = _side(row, a, b)
        if side is None or not row["unit"]:
            continue
        roles = units.setdefault(str(row["unit"]), {}).setdefault(side, {})
        roles.setdefault(str(row["role"]), []).append((row["task_number"], row["task"] or ""))
    table = []
    for unit, sides in units.items():
        entry: dict[str, Any] = {"unit": unit}
        for side in SIDES:
            roles = sides.get(side, {})
            parts = [
                f"{word} {len(set(roles[role]))}:{_tasks(roles[role])}"
                for role, word in (("lead", lead), ("support", support))
                if role in roles
            ]
            entry[side] = "\n".join(parts)
        entry["both"] = all(side in sides for side in SIDES)
        entry["tasks"] = sum(len(set(c)) for s in sides.values() for c in s.values())
        table.append(entry)
    table.sort(key=lambda e: (not e["both"], -e["tasks"], e["unit"]))
    return pd.DataFrame(table, columns=["unit", "a", "b", "both"])


def _target(row: Mapping[str, Any]) -> str:
    value = row["value"]
    number = f"{value:g}" if isinstance(value, int | float) else "?"
    scope = f" ({row['scope']})" if row.get("scope") else ""
    return f"{row.get('comparator') or ''}{number}{row.get('unit') or ''}{scope}"


def targets_side_by_side(rows: Rows, a: str, b: str) -> pd.DataFrame:
    """Targets on one indicator (metric_key, else the printed metric) and year, side by side.

    Where each document sets one value in the same unit, the difference b − a is given;
    pairs come first, then indicators both set for other years, then what only one sets.
    """
    cells: dict[tuple[str, Any], dict[str, list[Mapping[str, Any]]]] = {}
    for row in rows:
        side = _side(row, a, b)
        if side is None:
            continue
        indicator = str(row.get("metric_key") or row["metric"])
        cells.setdefault((indicator, row.get("year")), {}).setdefault(side, []).append(row)
    table = []
    for (indicator, year), sides in cells.items():
        entry: dict[str, Any] = {"indicator": indicator, "year": year, "difference": ""}
        for side in SIDES:
            entry[side] = ";".join(_target(r) for r in sides.get(side, []))
        pair = [sides.get(side, []) for side in SIDES]
        if all(len(p) == 1 for p in pair):
            (ra,), (rb,) = pair
            numbers = isinstance(ra["value"], int | float) and isinstance(rb["value"], int | float)
            if numbers and (ra.get("unit") or "") == (rb.get("unit") or ""):
                entry["difference"] = f"{rb['value'] - ra['value']:+g}{rb.get('unit') or ''}"
        entry["paired"] = all(pair)
        table.append(entry)
    # Then the indicators both set, in other years: one row after the other.
    sides_of: dict[str, set[str]] = {}
    for (indicator, _year), sides in cells.items():
        sides_of.setdefault(indicator, set()).update(sides)
    table.sort(
        key=lambda e: (
            not e["paired"],
            len(sides_of[e["indicator"]]) < 2,
            e["indicator"],
            e["year"] is None,
            e["year"] or 0,
        )
    )
    for entry in table:  # as text: a column with gaps would turn 2025 into 2025.0 and nan
        year = entry["year"]
        entry["year"] = "" if year is None or year != year else f"{year:g}"
    return pd.DataFrame(table, columns=["indicator", "year", "a", "b", "difference"])


def shared_reach(rows: Rows, a: str, b: str, lang: str = "zh") -> pd.DataFrame:
    """Industries, regions and parks: what each document does with each (promotes, applies
    to, mentions); those both name first."""
    found: dict[tuple[str, str], dict[str, set[str]]] = {}
    for row in rows:
        side = _side(row, a, b)
        if side is None or not row["name"]:
            continue
        key = (str(row["kind"]), str(row["name"]))
        found.setdefault(key, {}).setdefault(side, set()).add(str(row["relation"]))
    table = []
    for (kind, name), sides in found.items():
        entry: dict[str, Any] = {
            "kind": vocabulary.name(vocabulary.LABELS, kind, lang),
            "name": name,
        }
        for side in SIDES:
            entry[side] = "、".join(
                vocabulary.name(vocabulary.TYPES, r, lang) for r in sorted(sides.get(side, ()))
            )
        entry["both"] = all(side in sides for side in SIDES)
        table.append(entry)
    table.sort(key=lambda e: (not e["both"], e["kind"], e["name"]))
    return pd.DataFrame(table, columns=["kind", "name", "a", "b", "both"])
