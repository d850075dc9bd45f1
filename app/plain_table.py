"""Query results as rich's table looks, without importing rich's console (~30 ms at start-up).

Covers what a result table needs: cells on one line each (no line breaks, tabs or other
controls, nothing rich would read as an :emoji: code, no characters of no width), columns
narrowed to the console's width as rich narrows them, and a cell too long for its column cut
with an ellipsis as rich cuts a word (one with spaces, which rich would wrap, is left to it).
For anything else table_text returns None and the caller uses rich. A test compares both.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TextIO

# rich's own character widths; cheap to import alone.
from rich.cells import cell_len, get_character_cell_size, set_cell_size

BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
# Text rich would change: control characters (stripped, expanded, or line breaks) and what its
# emoji replacement could read as a code (`:name:`).
_NOT_AS_IS = re.compile(r"[\x00-\x1f\x7f-\x9f]|:\S*?:")
_WHITESPACE = re.compile(r"\s")


def _as_is(text: str) -> bool:
    """Text rich prints unchanged in one line: no controls, no emoji codes, no characters of
    no width (combining marks, joiners: rich drops or merges them)."""
    if _NOT_AS_IS.search(text):
        return False
    return text.isascii() or all(get_character_cell_size(c) > 0 for c in text)


def is_terminal(stream: TextIO, environ: dict[str, str] | os._Environ[str]) -> bool:
    """Whether rich would treat the stream as a terminal (its TTY_COMPATIBLE, FORCE_COLOR)."""
    tty_compatible = environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    force_color = environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    try:
        return stream.isatty()
    except ValueError:  # closed
        return False


def console_width(terminal: bool, environ: dict[str, str] | os._Environ[str]) -> int:
    """The width rich's console lays out to: COLUMNS, else the terminal's, else 80."""
    if terminal and environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return 80
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def table_text(
    columns: tuple[str, ...],
    rows: list[list[str]],
    caption: str,
    stream: TextIO | None = None,
    environ: dict[str, str] | os._Environ[str] | None = None,
) -> str | None:
    """The table and its caption line as rich prints them to stream, or None when rich would
    lay it out differently (see the module docstring)."""
    stream = sys.stdout if stream is None else stream
    environ = os.environ if environ is None else environ
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
    if not columns or not all(columns) or not encoding.startswith("utf"):
        return None  # rich prints no table, an ASCII one, or an unstyled empty header
    if not all(map(_as_is, (*columns, caption))) or not all(_as_is(c) for r in rows for c in r):
        return None
    # Content widths; a column is its content plus one space either side, plus a border.
    widths = [cell_len(name) for name in columns]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], cell_len(cell))
    terminal = is_terminal(stream, environ)
    styled = terminal and environ.get("TERM", "").lower() not in ("dumb", "unknown")
    room = console_width(terminal, environ) - (len(widths) + 1)
    if sum(widths) + 2 * len(widths) > room:
        # rich measures each column within the room first, then narrows them together.
        narrowed = _narrowed([min(w + 2, room) for w in widths], room)
        if min(narrowed) < 3:
            return None  # columns of no content width: rich's edge cases
        widths = [w - 2 for w in narrowed]
        if any(cell_len(v) > w and _WHITESPACE.search(v)
               for r in (columns, *rows) for v, w in zip(r, widths, strict=True)):  # fmt: skip
            return None  # rich wraps such a cell onto more lines

    def line(left: str, fill: str, middle: str, right: str) -> str:
        return left + middle.join(fill * (w + 2) for w in widths) + right

    def cells(values: list[str] | tuple[str, ...], bold: bool) -> list[str]:
        padded = [_fitted(v, w) for v, w in zip(values, widths, strict=True)]
        if bold and styled:
            return [f"{BOLD} {RESET}{BOLD}{p}{RESET}{BOLD} {RESET}" for p in padded]
        return [f" {p} " for p in padded]

    out = [line("┏", "━", "┳", "┓"), "┃" + "┃".join(cells(columns, True)) + "┃"]
    out.append(line("┡", "━", "╇", "┩"))
    out += ["│" + "│".join(cells(row, False)) + "│" for row in rows]
    out.append(line("└", "─", "┴", "┘"))
    out.append(f"{DIM}{caption}{RESET}" if styled else caption)
    return "\n".join(out) + "\n"


def _fitted(text: str, width: int) -> str:
    """A cell's text in its column: padded, or cut with an ellipsis as rich cuts a word too
    long for its column."""
    size = cell_len(text)
    if size <= width:
        return text + " " * (width - size)
    return set_cell_size(text, width - 1) + "…"


def _narrowed(widths: list[int], room: int) -> list[int]:
    """Column widths reduced to fit the room as rich's table reduces them: the widest columns
    first, down to the next widest, then all evenly (rich.table.Table._collapse_widths and
    the last resort after it)."""
    excess = sum(widths) - room
    while excess > 0:
        widest = max(widths)
        second = max((w for w in widths if w != widest), default=0)
        if widest == second:
            break
        ratios = [1 if w == widest else 0 for w in widths]
        widths = _ratio_reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - room
    if excess > 0:
        widths = _ratio_reduce(excess, [1] * len(widths), widths, widths)
    return widths


def _ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    """rich._ratio.ratio_reduce (that module imports fractions and decimal)."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result
