"""Expand the paths a user gives (files, folders, globs) into document files.

Walking never follows a symlink loop (each real directory is entered once, whatever links
lead to it), never opens anything but regular files (a FIFO would block the read forever)
and never gives up on the whole run for one bad path: each is reported and skipped.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from policykg.errors import LoadError

# What a folder is searched for; a file named explicitly is always tried.
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".doc"})


@dataclass(frozen=True)
class Skipped:
    """A path that names no readable file, and why."""

    path: str
    error: LoadError


@dataclass
class Discovery:
    """The files to read, in a stable order, each once; and the paths skipped."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def discover(paths: list[str]) -> Discovery:
    """Files named by paths (files, folders, glob patterns); bad paths are skipped, with a reason."""
    found = Discovery()
    unique: dict[Path, None] = {}
    for raw in paths:
        for path, problem in _expand(raw):
            if problem is not None:
                found.skipped.append(Skipped(str(path), problem))
                continue
            try:
                unique.setdefault(path.resolve(), None)
            except (OSError, RuntimeError) as exc:  # a link loop resolves to nothing
                found.skipped.append(Skipped(str(path), LoadError(f"{path}: {_reason(exc)}")))
    found.files = list(unique)
    return found


def _expand(raw: str) -> Iterator[tuple[Path, LoadError | None]]:
    path = Path(raw)
    kind = _kind(path)
    if kind == "dir":
        yield from _folder(path)
    elif kind == "file":
        yield path, None
    elif glob.has_magic(raw):
        matches = list(_glob(raw))
        if not matches:
            yield path, LoadError(f"{raw}: no file matches this pattern")
        yield from matches
    elif kind == "missing":
        yield path, LoadError(f"{raw}: no such file or folder")
    else:
        yield path, LoadError(f"{raw}: {kind}, not a file", hint="name a regular file or folder")


def _kind(path: Path) -> str:
    """dir, file, missing, or what else the path is (a FIFO, a device, a symlink loop …)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "missing" if not path.is_symlink() else "a broken symbolic link"
    except OSError as exc:
        return _reason(exc)
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        if exc.strerror == "Too many levels of symbolic links":
            return "a symbolic link loop"
        return exc.strerror.lower()
    return str(exc)


def _walk(root: Path, max_depth: int | None = None) -> Iterator[tuple[Path, tuple[str, ...]]]:
    """Every entry under root with its parts relative to root, each real directory once."""
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Path, tuple[str, ...]]] = [(root, ())]
    while stack:
        folder, parts = stack.pop()
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                continue  # a link back to a folder already walked: a loop or a second way in
            seen.add(key)
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError:
            continue  # unreadable or vanished: nothing under it to report by name
        for entry in entries:
            entry_parts = (*parts, entry.name)
            yield Path(entry.path), entry_parts
            if max_depth is not None and len(entry_parts) >= max_depth:
                continue
            try:
                is_dir = entry.is_dir()  # follows links; the seen set stops loops
            except OSError:
                is_dir = False
            if is_dir:
                stack.append((Path(entry.path), entry_parts))


def _folder(root: Path) -> Iterator[tuple[Path, LoadError | None]]:
    """Document files under a folder; a FIFO or device with a document suffix is reported."""
    for path, _parts in sorted(_walk(root)):
        if path.suffix.lower() not in DOCUMENT_SUFFIXES:
            continue
        kind = _kind(path)
        if kind == "file":
            yield path, None
        elif kind != "dir":
            yield path, LoadError(f"{path}: {kind}, not a file; skipped")


def _glob(pattern: str) -> Iterator[tuple[Path, LoadError | None]]:
    """Files matching a glob pattern (`**` any depth), found without following link loops."""
    parts = Path(pattern).parts
    fixed = 0
    while fixed < len(parts) - 1 and not glob.has_magic(parts[fixed]):
        fixed += 1
    root = Path(*parts[:fixed]) if fixed else Path(".")
    rest = parts[fixed:]
    depth = None if "**" in rest else len(rest)
    matches = sorted(path for path, relative in _walk(root, depth) if _matches(relative, rest))
    for path in matches:
        kind = _kind(path)
        if kind == "file":
            yield path, None
        elif kind != "dir":
            yield path, LoadError(f"{path}: {kind}, not a file; skipped")


def _matches(parts: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Path parts against pattern parts; `**` matches any number of folders (as in glob)."""
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(
            _matches(parts[skip:], rest)
            for skip in range(len(parts) + 1)
            if not any(_hidden(p, "*") for p in parts[:skip])
        )
    if not parts or _hidden(parts[0], head):
        return False
    return fnmatch.fnmatchcase(parts[0], head) and _matches(parts[1:], rest)


def _hidden(name: str, pattern: str) -> bool:
    """glob skips names starting with a dot unless the pattern part does too."""
    return name.startswith(".") and not pattern.startswith(".")
