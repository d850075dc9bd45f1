"""Where each node of a drawn graph goes: layered by level, by date, or around one unit.

Positions are computed here, not by vis-network's hierarchical layout: a researcher reads a
lineage top-down (national → park) and left to right (older → newer), and the drawing must
not hint at chains that do not exist (an edge passing behind an unrelated node reads as one).
Pure functions over node keys, levels and edges: no Streamlit, no vis.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

ROW_GAP = 150  # vertical distance between two levels
COLUMN_GAP = 195  # horizontal distance between two nodes of a level (box width ≤ 150)
# A node closer than this to a straight edge it is not part of would look like a step on it.
CLEARANCE = 60
SWEEPS = 6


@dataclass(frozen=True)
class Placed:
    """A node's position; row and column are the grid cell it was given."""

    x: float
    y: float
    row: int


Edge = tuple[str, str]


def _centred(keys: Sequence[str], y: float, row: int) -> dict[str, Placed]:
    offset = (len(keys) - 1) / 2
    return {k: Placed((i - offset) * COLUMN_GAP, y, row) for i, k in enumerate(keys)}


def layered(
    rows: Mapping[str, int], edges: Sequence[Edge], order: Callable[[str], object]
) -> dict[str, Placed]:
    """Nodes in horizontal rows, ordered within a row to keep edges short and uncrossed.

    Barycentre sweeps (Sugiyama's heuristic): each node moves under the mean x of its
    neighbours in other rows; ties and isolated nodes keep the given order (date, title).
    """
    layers: dict[int, list[str]] = defaultdict(list)
    for key in sorted(rows, key=order):  # type: ignore[arg-type]
        layers[rows[key]].append(key)
    neighbours: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        if a in rows and b in rows and a != b:
            neighbours[a].append(b)
            neighbours[b].append(a)
    placed: dict[str, Placed] = {}
    for row, keys in layers.items():
        placed.update(_centred(keys, row * ROW_GAP, row))
    ordered_rows = sorted(layers)
    for sweep in range(SWEEPS):
        for row in ordered_rows if sweep % 2 == 0 else reversed(ordered_rows):
            keys = layers[row]
            keys.sort(key=lambda k: (_centre(k, neighbours, placed), placed[k].x))
            placed.update(_centred(keys, row * ROW_GAP, row))
    return placed


def _centre(key: str, neighbours: Mapping[str, list[str]], placed: Mapping[str, Placed]) -> float:
    """Mean x of a node's neighbours in other rows (its own x when it has none)."""
    row = placed[key].row
    xs = [placed[n].x for n in neighbours[key] if placed[n].row != row]
    return sum(xs) / len(xs) if xs else placed[key].x


def by_date(
    rows: Mapping[str, int],
    dates: Mapping[str, str | None],
    edges: Sequence[Edge],
    order: Callable[[str], object],
) -> dict[str, Placed]:
    """Dated nodes in one column per date (older left), in their level's row; undated
    ones in a block of their own to the right, spread along their rows, not in one column.
    """
    dated = sorted({d for d in dates.values() if d})
    column = {d: i for i, d in enumerate(dated)}
    placed: dict[str, Placed] = {}
    cells: dict[tuple[int, int], int] = defaultdict(int)
    for key in sorted((k for k in rows if dates.get(k)), key=order):  # type: ignore[arg-type]
        cell = (column[str(dates[key])], rows[key])
        shift = cells[cell]
        cells[cell] += 1
        # A second document of the same day and level sits a little lower, not on top.
        placed[key] = Placed(cell[0] * COLUMN_GAP, rows[key] * ROW_GAP + shift * 55, rows[key])
    undated = {k: r for k, r in rows.items() if not dates.get(k)}
    if undated:
        block = layered(undated, edges, order)
        left = (len(dated) + 1) * COLUMN_GAP  # one empty column between the two blocks
        low = min(p.x for p in block.values())
        for key, spot in block.items():
            placed[key] = Placed(left + spot.x - low, spot.y, spot.row)
    return placed


def undated_left(placed: Mapping[str, Placed], dates: Mapping[str, str | None]) -> float | None:
    """The x where the block of undated nodes starts (None when every node has a date)."""
    xs = [p.x for k, p in placed.items() if not dates.get(k)]
    return min(xs) if xs else None


def _distance(point: Placed, a: Placed, b: Placed) -> float:
    dx, dy = b.x - a.x, b.y - a.y
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(point.x - a.x, point.y - a.y)
    t = max(0.0, min(1.0, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length2))
    return math.hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy))


def blocked(edges: Sequence[Edge], placed: Mapping[str, Placed]) -> set[int]:
    """Indexes of edges whose straight line passes close to a node not their own.

    Those are drawn curved; every other edge stays straight.
    """
    out: set[int] = set()
    for index, (a, b) in enumerate(edges):
        if a not in placed or b not in placed:
            continue
        pa, pb = placed[a], placed[b]
        for key, spot in placed.items():
            if key in (a, b):
                continue
            if _distance(spot, pa, pb) < CLEARANCE:
                out.add(index)
                break
    return out


def around(
    focus: str,
    rings: Sequence[Sequence[str]],
    edges: Sequence[Edge] = (),
    groups: Mapping[str, str] | None = None,
) -> dict[str, Placed]:
    """The focus node at the centre, each further sequence on a ring of its own.

    The first ring keeps the nodes of one group (the tasks of one document) together; a
    node of a later ring sits at the mean angle of its neighbours already placed.
    """
    placed = {focus: Placed(0.0, 0.0, 0)}
    angles: dict[str, float] = {}
    neighbours: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)

    def mean_angle(key: str) -> float:
        near = [angles[n] for n in neighbours[key] if n in angles]
        if not near:
            return 10.0  # after every placed angle: unconnected nodes close the ring
        return math.atan2(sum(map(math.sin, near)), sum(map(math.cos, near))) % (2 * math.pi)

    radius = 0.0
    for ring, keys in enumerate(rings, start=1):
        if not keys:
            continue
        if ring == 1:
            ordered = sorted(keys, key=lambda k: ((groups or {}).get(k, ""), k))
        else:
            ordered = sorted(keys, key=lambda k: (mean_angle(k), k))
        # Far enough out that neighbours on the ring are a box apart.
        radius = max(radius + 280, len(ordered) * 190 / (2 * math.pi))
        for i, key in enumerate(ordered):
            angle = 2 * math.pi * i / len(ordered)
            angles[key] = angle
            placed[key] = Placed(radius * math.sin(angle), -radius * math.cos(angle), ring)
    return placed
