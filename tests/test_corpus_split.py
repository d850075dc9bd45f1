"""The real-document corpus stays consistent: split, sources, files and gold agree.

No extraction runs here: the sealed parts must not be scored outside their one scoring run.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from bench.corpus import CORPUS, PARTS
from bench.held_out import is_held_out
from bench.quality import _part

SPLIT = json.loads((CORPUS / "split.json").read_text(encoding="utf-8"))
SOURCES = json.loads((CORPUS / "sources.json").read_text(encoding="utf-8"))
BY_ID = {source["id"]: source for source in SOURCES}
SPLIT_IDS = [doc_id for part in PARTS for doc_id in SPLIT[part]]
LEVELS = {"national", "provincial", "city", "county", "park"}
COMMIT = re.compile(r"[0-9a-f]{40}")


def test_parts_are_the_split_files_parts() -> None:
    assert sorted(PARTS) == sorted(key for key in SPLIT if not key.startswith("_"))


def test_no_document_is_in_two_parts_and_every_source_is_in_one() -> None:
    assert len(SPLIT_IDS) == len(set(SPLIT_IDS))
    assert sorted(SPLIT_IDS) == sorted(BY_ID)
    assert len(BY_ID) == len(SOURCES)


@pytest.mark.parametrize("doc_id", SPLIT_IDS)
def test_every_document_has_a_file_a_source_record_and_gold(doc_id: str) -> None:
    source = BY_ID[doc_id]
    path = CORPUS / source["file"]
    assert path.is_file(), f"{doc_id}: {path} is missing"
    assert Path(source["file"]).stem == doc_id
    assert COMMIT.fullmatch(source["commit"]), f"{doc_id}: commit is not 40 hex digits"
    assert source["level"] in LEVELS
    gold = json.loads((CORPUS / "gold" / f"{doc_id}.json").read_text(encoding="utf-8"))
    assert gold["id"] == doc_id
    assert gold["level"] == source["level"]
    for kind in ("citations", "responsibilities", "targets"):
        assert isinstance(gold[kind], list), f"{doc_id}: {kind} is not a list"


@pytest.mark.parametrize("doc_id", SPLIT["sealed_2"])
def test_sealed_2_sources_record_what_the_file_holds(doc_id: str) -> None:
    source = BY_ID[doc_id]
    text = (CORPUS / source["file"]).read_text(encoding="utf-8")
    assert source["chars"] == len(text)
    assert source["repository"] not in {"mengke25/policy_text_frenq", "ZhouYNF/platform-1"}


def test_sealed_2_is_new_and_covers_every_level() -> None:
    sealed_2 = [BY_ID[doc_id] for doc_id in SPLIT["sealed_2"]]
    earlier = {
        BY_ID[doc_id]["title"] for part in ("development", "sealed") for doc_id in SPLIT[part]
    }
    assert len(sealed_2) >= 15
    assert not {source["title"] for source in sealed_2} & earlier
    assert {source["level"] for source in sealed_2} == LEVELS


@pytest.mark.parametrize("doc_id", SPLIT["sealed_3"])
def test_sealed_3_sources_record_what_the_file_holds(doc_id: str) -> None:
    """PDFs by size and sha256 (their text is read by the loader, never here); text by length."""
    source = BY_ID[doc_id]
    path = CORPUS / source["file"]
    if path.suffix == ".pdf":
        data = path.read_bytes()
        assert source["bytes"] == len(data)
        assert source["sha256"] == hashlib.sha256(data).hexdigest()
    else:
        assert source["chars"] == len(path.read_text(encoding="utf-8"))


def test_sealed_3_is_new_and_covers_every_level() -> None:
    sealed_3 = [BY_ID[doc_id] for doc_id in SPLIT["sealed_3"]]
    earlier_ids = [
        doc_id for part in ("development", "sealed", "sealed_2") for doc_id in SPLIT[part]
    ]
    earlier_titles = {BY_ID[doc_id]["title"] for doc_id in earlier_ids}
    earlier_repositories = {BY_ID[doc_id]["repository"] for doc_id in earlier_ids}
    reserved = {"mengke25/policy_text_frenq", "ZhouYNF/platform-1"}
    assert len(sealed_3) >= 15
    assert not {source["title"] for source in sealed_3} & earlier_titles
    assert not {source["repository"] for source in sealed_3} & (earlier_repositories | reserved)
    assert {source["level"] for source in sealed_3} == LEVELS


@pytest.mark.parametrize("doc_id", SPLIT["sealed_4"])
def test_sealed_4_sources_record_what_the_file_holds(doc_id: str) -> None:
    source = BY_ID[doc_id]
    assert source["chars"] == len((CORPUS / source["file"]).read_text(encoding="utf-8"))


def _new_part(part: str) -> list[dict[str, str]]:
    """The part's source records, after checking that no earlier part has their titles or
    repositories and that none comes from a reserved repository."""
    records = [BY_ID[doc_id] for doc_id in SPLIT[part]]
    earlier_ids = [doc_id for p in PARTS[: PARTS.index(part)] for doc_id in SPLIT[p]]
    earlier_titles = {BY_ID[doc_id]["title"] for doc_id in earlier_ids}
    earlier_repositories = {BY_ID[doc_id]["repository"] for doc_id in earlier_ids}
    reserved = {"mengke25/policy_text_frenq", "ZhouYNF/platform-1"}
    assert not {source["title"] for source in records} & earlier_titles
    assert not {source["repository"] for source in records} & (earlier_repositories | reserved)
    return records


def test_sealed_4_is_new_and_covers_every_level() -> None:
    sealed_4 = _new_part("sealed_4")
    assert len(sealed_4) >= 12
    assert len({source["repository"] for source in sealed_4}) >= 3
    assert {source["level"] for source in sealed_4} == LEVELS


@pytest.mark.parametrize(
    "doc_id",
    SPLIT["sealed_5"]
    + SPLIT["sealed_6"]
    + SPLIT["sealed_7"]
    + SPLIT["sealed_8"]
    + SPLIT["sealed_9"]
    + SPLIT["sealed_10"],
)
def test_sealed_5_to_10_files_are_the_ones_sealed(doc_id: str) -> None:
    """Size and sha256 were recorded before any gold was written; the files never change."""
    source = BY_ID[doc_id]
    path = CORPUS / source["file"]
    data = path.read_bytes()
    assert source["bytes"] == len(data)
    assert source["sha256"] == hashlib.sha256(data).hexdigest()
    assert source["chars"] == len(path.read_text(encoding="utf-8"))


def test_sealed_5_is_new_and_mixes_levels() -> None:
    sealed_5 = _new_part("sealed_5")
    assert len(sealed_5) >= 12
    assert len({source["repository"] for source in sealed_5}) >= 2
    assert len({source["level"] for source in sealed_5}) >= 4


def test_sealed_6_is_new_mixes_levels_and_is_held_out() -> None:
    sealed_6 = _new_part("sealed_6")
    assert len(sealed_6) >= 7
    assert len({source["repository"] for source in sealed_6}) >= 3
    assert len({source["level"] for source in sealed_6}) >= 4
    assert all(is_held_out(CORPUS / source["file"]) for source in sealed_6)


def test_sealed_7_is_new_mixes_levels_and_is_held_out() -> None:
    sealed_7 = _new_part("sealed_7")
    assert len(sealed_7) >= 10
    assert len({source["repository"] for source in sealed_7}) >= 3
    assert {source["level"] for source in sealed_7} == LEVELS
    assert all(is_held_out(CORPUS / source["file"]) for source in sealed_7)


def test_sealed_8_is_new_mixes_levels_and_is_held_out() -> None:
    """Its documents are new (titles and 文号); its repositories are not: none with usable
    full texts that no earlier part used could be had when it was collected (split.json's
    note), so this part checks documents, not repositories, for newness."""
    sealed_8 = [BY_ID[doc_id] for doc_id in SPLIT["sealed_8"]]
    earlier_ids = [doc_id for p in PARTS[: PARTS.index("sealed_8")] for doc_id in SPLIT[p]]
    earlier_titles = {BY_ID[doc_id]["title"] for doc_id in earlier_ids}
    earlier_numbers = {BY_ID[doc_id]["doc_number"] for doc_id in earlier_ids} - {None}
    reserved = {"mengke25/policy_text_frenq", "ZhouYNF/platform-1"}
    assert len(sealed_8) >= 12
    assert not {source["title"] for source in sealed_8} & earlier_titles
    assert not {source["doc_number"] for source in sealed_8} & earlier_numbers
    assert not {source["repository"] for source in sealed_8} & reserved
    assert len({source["repository"] for source in sealed_8}) >= 3
    assert len({source["level"] for source in sealed_8}) >= 4
    assert all(is_held_out(CORPUS / source["file"]) for source in sealed_8)


def test_sealed_9_is_new_mixes_levels_and_is_held_out() -> None:
    """Like sealed_8, new by document (titles and 文号), not by repository (split.json's note:
    no repository that no earlier part used had usable full texts); it has county documents."""
    sealed_9 = [BY_ID[doc_id] for doc_id in SPLIT["sealed_9"]]
    earlier_ids = [doc_id for p in PARTS[: PARTS.index("sealed_9")] for doc_id in SPLIT[p]]
    earlier_titles = {BY_ID[doc_id]["title"] for doc_id in earlier_ids}
    earlier_numbers = {BY_ID[doc_id]["doc_number"] for doc_id in earlier_ids} - {None}
    reserved = {"mengke25/policy_text_frenq", "ZhouYNF/platform-1"}
    assert 12 <= len(sealed_9) <= 16
    assert not {source["title"] for source in sealed_9} & earlier_titles
    assert not {source["doc_number"] for source in sealed_9} & earlier_numbers
    assert not {source["repository"] for source in sealed_9} & reserved
    assert len({source["repository"] for source in sealed_9}) >= 3
    assert {source["level"] for source in sealed_9} == LEVELS
    assert sum(source["level"] == "county" for source in sealed_9) >= 3
    assert all(is_held_out(CORPUS / source["file"]) for source in sealed_9)


def test_sealed_10_is_new_mixes_levels_and_is_held_out() -> None:
    """Like sealed_9, new by document (titles and 文号), not by repository (split.json's note);
    it has one county document only (no other whole county text could be had)."""
    sealed_10 = [BY_ID[doc_id] for doc_id in SPLIT["sealed_10"]]
    earlier_ids = [doc_id for p in PARTS[: PARTS.index("sealed_10")] for doc_id in SPLIT[p]]
    earlier_titles = {BY_ID[doc_id]["title"] for doc_id in earlier_ids}
    earlier_numbers = {BY_ID[doc_id]["doc_number"] for doc_id in earlier_ids} - {None}
    reserved = {"mengke25/policy_text_frenq", "ZhouYNF/platform-1"}
    assert 12 <= len(sealed_10) <= 16
    assert not {source["title"] for source in sealed_10} & earlier_titles
    assert not {source["doc_number"] for source in sealed_10} & earlier_numbers
    assert not {source["repository"] for source in sealed_10} & reserved
    assert len({source["repository"] for source in sealed_10}) >= 3
    assert {source["level"] for source in sealed_10} == LEVELS
    assert sum(source["has_assignments"] for source in sealed_10) >= 10
    assert sum(source["has_targets"] for source in sealed_10) >= 6
    assert all(is_held_out(CORPUS / source["file"]) for source in sealed_10)


def test_quality_part_option_names_a_split_part() -> None:
    assert _part(["--part", "sealed_2"]) == "sealed_2"
    assert _part(["--part", "sealed_3"]) == "sealed_3"
    assert _part(["--part", "sealed_4"]) == "sealed_4"
    assert _part(["--part", "sealed_5"]) == "sealed_5"
    assert _part(["--part", "sealed_6"]) == "sealed_6"
    assert _part(["--part", "sealed_7"]) == "sealed_7"
    assert _part(["--part", "sealed_8"]) == "sealed_8"
    assert _part(["--part", "sealed_9"]) == "sealed_9"
    assert _part(["--part", "sealed_10"]) == "sealed_10"
    assert _part(["--sealed"]) == "sealed"
    assert _part([]) is None
    with pytest.raises(SystemExit, match="unknown corpus part 'nope'; choose one of"):
        _part(["--part", "nope"])
