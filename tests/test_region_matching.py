"""Division names in text: leftmost-longest, non-overlapping, offsets in characters."""

from __future__ import annotations

from policykg.loaders.extract.regions import find_regions, name_spans


def _names(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in name_spans(text)]


def test_the_longest_name_at_the_leftmost_place_wins() -> None:
    # 北京 and 北京市 both start at 0: the longer one wins.
    assert _names("北京市和亳州市") == ["北京市", "亳州市"]


def test_offsets_count_characters_beyond_the_basic_plane() -> None:
    text = "😀𠀀河南省"
    assert [(start, end) for start, end, _ in name_spans(text)] == [(2, 5)]


def test_a_lone_surrogate_neither_fails_nor_shifts_the_names_after_it() -> None:
    text = "郑州市\ud800洛阳市"
    assert _names(text) == ["郑州市", "洛阳市"]
    assert [hit.region.name for hit in find_regions(text)] == ["郑州市", "洛阳市"]
