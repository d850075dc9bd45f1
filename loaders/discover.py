"""Expand the paths a user gives (files, folders, globs) into document files."""

from __future__ import annotations

import glob
from pathlib import Path

from policykg.errors import LoadError

# What a folder is searched for; a file named explicitly is always tried.
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".doc"})


def discover(paths: list[str]) -> list[Path]:
    """Files named by paths, in a stable order, each once."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
        elif path.is_file():
            found.append(path)
        elif glob.has_magic(raw):
            matches = [Path(p) for p in sorted(glob.glob(raw, recursive=True)) if Path(p).is_file()]
            if not matches:
                raise LoadError(f"{raw}: no file matches this pattern")
            found.extend(matches)
        else:
            raise LoadError(f"{raw}: no such file or folder")
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path.resolve(), None)
    return list(unique)
