"""Compiled regular expressions kept on disk between runs, as .pyc files keep bytecode.

The loaders and extractors compile ~340 patterns when imported; re's parser and compiler are
Python and take ~0.1 s of every process (7 % of `policykg extract` over 150 documents).
Their compiled programs read back in ~3 ms. Importing this module seeds re's own cache from
the file, so every later `re.compile` of a known pattern is a lookup; `save_new()` writes the
patterns compiled since then when any was missing.

The file is named after the interpreter build and the loaders' source files (paths, sizes
and modification times, as .pyc files are checked), so an edited rule starts a new file; an
entry is keyed by its pattern and flags and can only miss, never match the wrong pattern.
A missing, unreadable or foreign file is ignored, and `_sre.compile` validates every program
it is given. POLICYKG_REGEX_CACHE=off turns it off.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

from policykg.loaders.cache_files import cache_dir, write_whole
from policykg.loaders.native import stamp

_LOADERS = Path(__file__).resolve().parent
_Entry = tuple[str, int, int, list[int], int, dict[str, int], tuple[str | None, ...]]
# re's own cache: {(type, pattern, flags): compiled}; 3.11 to 3.13 keep this shape.
_CACHE: dict[tuple[type, Any, int], re.Pattern[Any]] | None = getattr(re, "_cache", None)
_loaded: dict[tuple[str, int], _Entry] = {}
KEEP = 8  # cache files kept (~0.3 MB each)
_before: set[tuple[type, Any, int]] = set()


def enabled() -> bool:
    """Cache on: CPython's re internals as expected and not turned off."""
    return (
        os.environ.get("POLICYKG_REGEX_CACHE", "").lower() not in ("off", "0", "no")
        and sys.implementation.name == "cpython"
        and isinstance(_CACHE, dict)
        and hasattr(re, "_compiler")
        and hasattr(re, "_parser")
    )


def cache_file() -> Path:
    """This interpreter's and these loaders' file under $XDG_CACHE_HOME/policykg."""
    key = stamp(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}", sorted(_LOADERS.rglob("*.py")))
    return cache_dir() / f"regex-{key}.marshal"


def preload() -> None:
    """Seed re's cache with the patterns of the cache file (nothing when it cannot be read)."""
    if not enabled() or _CACHE is None:
        return
    _before.update(_CACHE)
    try:
        entries = marshal.loads(cache_file().read_bytes())
        for entry in entries:
            pattern, flags, all_flags, code, groups, groupindex, indexgroup = entry
            compiled = _sre.compile(pattern, all_flags, code, groups, groupindex, indexgroup)
            _CACHE[(str, pattern, flags)] = compiled
            _loaded[(pattern, flags)] = entry
    except (OSError, EOFError, ValueError, TypeError, RuntimeError):
        return  # no file yet, or not one of ours: patterns compile as usual


def save_new() -> None:
    """Write the file again when patterns were compiled since preload() that it lacked."""
    if not enabled() or _CACHE is None:
        return
    new = [
        (key[1], key[2])
        for key in list(_CACHE)
        if key not in _before and key[0] is str and (key[1], key[2]) not in _loaded
        and not key[2] & re.DEBUG
    ]  # fmt: skip
    if not new:
        return
    for pattern, flags in new:
        _loaded[(pattern, flags)] = _entry(pattern, flags)
    write_whole(cache_file(), marshal.dumps(list(_loaded.values())), KEEP)


def _entry(pattern: str, flags: int) -> _Entry:
    """What re._compiler.compile passes to _sre.compile, in plain ints for marshal."""
    tree = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
    code = [int(op) for op in re._compiler._code(tree, flags)]  # type: ignore[attr-defined]
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    all_flags = int(flags | tree.state.flags)
    return (pattern, flags, all_flags, code, tree.state.groups - 1, groupindex, tuple(indexgroup))


preload()
