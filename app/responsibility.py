"""Who does what: (task, unit, role) rows read from a drawn subgraph, and the tasks × units matrix."""

from __future__ import annotations

from typing import Any

from policykg.app.task_numbers import number_key, position_key
from policykg.app.visual import Subgraph


def task_title(properties: dict[str, Any]) -> str | None:
    """A Task's title: its name after its number (a graph loaded before the title was kept
    only in name still has it as a property of its own)."""
    if properties.get("title") is not None:
        return str(properties["title"])
    name, number = properties.get("name"), properties.get("number")
    if name is None or not number or not str(name).startswith(f"{number} "):
        return name
    return str(name)[len(str(number)) + 1 :]


def unit_name(properties: dict[str, Any]) -> str:
    """How a unit is named in the matrix: its region-qualified full name, else its name."""
    return str(properties.get("full_name") or properties.get("name") or "")


def responsibility_rows(sub: Subgraph) -> list[dict[str, Any]]:
    """One row per (task, responsible unit): role lead or support, with the evidence.

    In reading order: by document, then the task's place in the document (its id ends in
    #3.2.1), then its printed number counted as a number (7 before 10, 三 before 七).
    """
    nodes = {n.key: n for n in sub.nodes}
    documents = {
        r.end: nodes[r.start]
        for r in sub.relationships
        if r.type == "HAS_TASK" and r.start in nodes
    }
    rows = []
    for rel in sub.relationships:
        if rel.type not in ("LED_BY", "SUPPORTED_BY"):
            continue
        task, unit = nodes[rel.start], nodes[rel.end]
        document = documents.get(rel.start)
        rows.append(
            {
                "document": document.properties.get("title") if document else None,
                "task_number": task.properties.get("number"),
                "task": task_title(task.properties),
                "unit": unit_name(unit.properties),
                "role": "lead" if rel.type == "LED_BY" else "support",
                "evidence": rel.properties.get("evidence"),
                "_order": (
                    position_key(task.properties.get("id")),
                    number_key(task.properties.get("number")),
                ),
            }
        )
    rows.sort(key=lambda r: (str(r["document"]), r["_order"], r["role"]))
    for row in rows:
        del row["_order"]
    return rows


def responsibility_matrix(
    rows: list[dict[str, Any]],
    lead: str = "lead",
    support: str = "support",
    first: str | None = None,
) -> tuple[list[str], list[dict[str, str]]]:
    """Tasks × units: each cell says lead or support (lead wins when a unit is both).

    Units by name, except first (the unit the reader chose), which is the first column:
    in a wide matrix it would otherwise be off-screen.
    """
    units = sorted({str(r["unit"]) for r in rows}, key=lambda u: (u != first, u))
    tasks: dict[tuple[str, str, str], dict[str, str]] = {}
    for row in rows:
        key = (str(row["document"] or ""), str(row["task_number"] or ""), str(row["task"] or ""))
        cells = tasks.setdefault(key, {})
        word = lead if row["role"] == "lead" else support
        if cells.get(str(row["unit"])) != lead:
            cells[str(row["unit"])] = word
    matrix = [
        {
            "document": doc,
            "task_number": number,
            "task": task,
            **{u: cells.get(u, "") for u in units},
        }
        for (doc, number, task), cells in tasks.items()
    ]
    return units, matrix
