"""Files kept between runs under $XDG_CACHE_HOME/policykg (compiled patterns, division tables).

Each is named after what it was made from, so a changed source starts a new file; one machine
may hold several (checkouts of other commits, trees extracting at the same time), so the newest
few of a kind are kept rather than one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/policykg, else ~/.cache/policykg (not created here)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "policykg"


def write_whole(target: Path, data: bytes, keep: int) -> None:
    """Write target whole or not at all (processes started together may write at once), and
    delete all but the newest `keep` files of its kind (same name before the first '-')."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        kind = target.name.split("-", 1)[0]
        for old in stale(target, target.parent.glob(f"{kind}-*{target.suffix}"), keep):
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as out:
            out.write(data)
        os.replace(out.name, target)
    except OSError:
        return  # a read-only home: the file is made again in each run, which is only slower


def stale(target: Path, candidates: Iterable[Path], keep: int) -> list[Path]:
    """The candidates other than target beyond the newest keep - 1 (target makes keep)."""
    others = [path for path in candidates if path != target]
    return sorted(others, key=modified_time, reverse=True)[keep - 1 :]


def modified_time(path: Path) -> float:
    """path's modification time; 0 for a file gone meanwhile."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
