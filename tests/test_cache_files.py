"""Files kept between runs: written whole, the newest few of a kind kept, others left alone."""

from __future__ import annotations

import os
from pathlib import Path

from policykg.loaders import native
from policykg.loaders.cache_files import write_whole


def _aged(path: Path, age: int) -> Path:
    os.utime(path, (1_000_000 - age, 1_000_000 - age))
    return path


def test_write_whole_keeps_the_newest_of_its_kind(tmp_path: Path) -> None:
    olds = [tmp_path / f"regions-{i}.marshal" for i in range(5)]
    for age, path in enumerate(olds):
        path.write_bytes(b"old")
        _aged(path, age)
    other_kind = tmp_path / "regex-0.marshal"
    other_kind.write_bytes(b"other")
    target = tmp_path / "regions-new.marshal"
    write_whole(target, b"new", keep=3)
    assert target.read_bytes() == b"new"
    left = sorted(tmp_path.glob("regions-*.marshal"))
    assert left == sorted([target, olds[0], olds[1]])  # the two newest others, and target
    assert other_kind.read_bytes() == b"other"
    assert not list(tmp_path.glob("tmp*"))  # no half-written file left behind


def test_write_whole_in_a_folder_it_cannot_make_is_a_no_op(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    write_whole(blocker / "regions-x.marshal", b"data", keep=2)  # no exception
    assert blocker.read_text() == "not a folder"


def test_native_keeps_the_newest_builds(tmp_path: Path) -> None:
    builds = []
    for age in range(native.KEEP + 2):
        build = tmp_path / f"build{age}"
        build.mkdir()
        (build / "COMPLETE").write_text("key\n")
        builds.append(_aged(build, age + 1))
    unfinished = tmp_path / "tmp-staging"
    unfinished.mkdir()
    target = tmp_path / "current"
    target.mkdir()
    (target / "COMPLETE").write_text("key\n")
    native._drop_stale(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, unfinished.name, *(b.name for b in builds[: native.KEEP - 1])]
    )
