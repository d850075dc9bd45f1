"""Query results as rich's table looks, without importing rich's console (~30 ms at start-up).

Only for tables rich would print without wrapping or cutting a cell (every cell on one line,
the table as wide as its content and within the terminal) and for text rich prints as it is
(no control characters, nothing that reads as an :emoji: code); for anything else
table_text returns None and the caller uses rich. A test compares both on many tables.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TextIO

# rich's own character widths; cheap to import alone.
from rich.cells import cell_len, get_character_cell_size

BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
# Text rich would change: control characters (stripped, expanded, or line breaks) and what its
# emoji replacement could read as a code (`:name:`).
_NOT_AS_IS = re.compile(r"[\x00-\x1f\x7f-\x9f]|:\S*?:")


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
    widths = [cell_len(name) for name in columns]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], cell_len(cell))
    terminal = is_terminal(stream, environ)
    styled = terminal and environ.get("TERM", "").lower() not in ("dumb", "unknown")
    if sum(widths) + 3 * len(widths) + 1 > console_width(terminal, environ):
        return None  # rich wraps or cuts cells to fit

    def line(left: str, fill: str, middle: str, right: str) -> str:
        return left + middle.join(fill * (w + 2) for w in widths) + right

    def cells(values: list[str] | tuple[str, ...], bold: bool) -> list[str]:
        padded = [v + " " * (w - cell_len(v)) for v, w in zip(values, widths, strict=True)]
        if bold and styled:
            return [f"{BOLD} {RESET}{BOLD}{p}{RESET}{BOLD} {RESET}" for p in padded]
        return [f" {p} " for p in padded]

    out = [line("┏", "━", "┳", "┓"), "┃" + "┃".join(cells(columns, True)) + "┃"]
    out.append(line("┡", "━", "╇", "┩"))
    out += ["│" + "│".join(cells(row, False)) + "│" for row in rows]
    out.append(line("└", "─", "┴", "┘"))
    out.append(f"{DIM}{caption}{RESET}" if styled else caption)
    return "\n".join(out) + "\n"
