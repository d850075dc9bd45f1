"""A table row as one line of clean text: the form every reader writes and extract/tables.py reads."""

from __future__ import annotations

from collections.abc import Iterable


def table_line(cells: Iterable[str]) -> str:
    """`A | B |`: cells joined by " | " and closed by " |", so a one-cell row is still a row."""
    return " | ".join(cells) + " |"
