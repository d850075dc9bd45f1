"""Corpus files the benchmarks never open: the parts collected as a letter of their own and
sealed for a once-only score (e*: sealed_3, f*: sealed_4, g*: sealed_5, h*: sealed_6, i*:
sealed_7, j*: sealed_8, k*: sealed_9, l*: sealed_10). A new such part adds its letter here, once,
for every benchmark."""

from __future__ import annotations

from pathlib import Path

HELD_OUT_PREFIXES = ("e", "f", "g", "h", "i", "j", "k", "l")


def is_held_out(path: Path) -> bool:
    """A file of a sealed part that benchmarks must not read."""
    return path.name.startswith(HELD_OUT_PREFIXES)
