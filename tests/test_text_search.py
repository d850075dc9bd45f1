"""Full-text search over the texts kept at load (issue 13): what it finds is exactly what a
plain scan of the kept texts finds, a reload does not duplicate, and the CLI prints it."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from policykg.app import text_search
from policykg.app.loading import load_files
from policykg.app.text_search import INDEX_FILE, index_texts, search
from policykg.app.texts import StoredText
from policykg.graph import Store
from policykg.settings import Settings
from tests.cli_runner import run_cli
from tests.conftest import DEMO

DEMO_FILES = sorted(DEMO.glob("*"))


def _scan(texts: Path, words: str) -> dict[str, int]:
    """Document id -> occurrences, by reading every kept text file (no index)."""
    found = {}
    for path in texts.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if words in data["text"]:
            found[data["document_id"]] = data["text"].count(words)
    return found


def test_search_finds_what_a_scan_of_the_texts_finds(store: Store, tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    report = load_files(store, DEMO_FILES, 200, texts=texts)
    assert not report.failed and (texts / INDEX_FILE).exists()
    for words in ("城市更新", "养老", "高新区", "牵头", "100%", "不存在的词语组合"):
        expected = _scan(texts, words)
        hits = search(texts, words, limit=100)
        got = {hit.document_id: hit.matches for hit in hits}
        title_only = {h.document_id for h in hits if h.matches == 0}
        assert {k: v for k, v in got.items() if k not in title_only} == expected, words
        assert all(words in h.snippet for h in hits if h.matches), words
        assert [h.matches for h in hits] == sorted((h.matches for h in hits), reverse=True)
    assert _scan(texts, "城市更新") and _scan(texts, "养老")  # the words above are really there

    before = search(texts, "城市更新", limit=100)
    assert not load_files(store, DEMO_FILES, 200, texts=texts).failed  # loaded again
    assert search(texts, "城市更新", limit=100) == before  # replaced, not duplicated
    assert len(search(texts, "城市更新", limit=1)) == 1


def test_policykg_search_prints_documents_with_a_snippet(settings: Settings) -> None:
    home, graph = settings.home, settings.graph_name
    assert run_cli(home, graph, "load", *map(str, DEMO_FILES)).code == 0
    result = run_cli(home, graph, "search", "城市更新", "--format", "json")
    assert result.code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all("城市更新" in row["snippet"] for row in rows)
    assert {"document_id", "title", "matches", "snippet"} <= set(rows[0])
    missing = run_cli(home, graph, "search", "不存在的词语组合")
    assert missing.code == 0 and "no loaded document contains" in missing.stderr


def test_latin_letters_match_in_any_case_and_are_counted_as_found(
    store: Store, tmp_path: Path
) -> None:
    texts = tmp_path / "texts"
    assert not load_files(store, DEMO_FILES, 200, texts=texts).failed
    expected = _scan(texts, "GDP")
    assert expected  # the demo's development-zone plan writes GDP
    for words in ("GDP", "gdp", "Gdp"):
        hits = [hit for hit in search(texts, words, limit=100) if hit.matches]
        assert {hit.document_id: hit.matches for hit in hits} == expected, words
        assert all("GDP" in hit.snippet for hit in hits), words


def _texts(count: int, start: int = 0) -> list[tuple[StoredText, str]]:
    body = "推进城市更新，完善养老服务体系，加快高新区建设。" * 40
    return [
        (StoredText(f"doc:{n}", f"第{n}号文件：{body}"), f"关于第{n}项工作的通知")
        for n in range(start, start + count)
    ]


def _steps_to_reindex(directory: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """SQLite virtual-machine steps (in tens) to index doc:0 again: a count, not a time."""
    steps = [0]
    real_connect = sqlite3.connect

    def counting(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = real_connect(*args, **kwargs)
        connection.set_progress_handler(lambda: steps.__setitem__(0, steps[0] + 1) or 0, 10)
        return connection

    with monkeypatch.context() as patch:
        patch.setattr(text_search.sqlite3, "connect", counting)
        index_texts(directory, _texts(1))
    return steps[0]


def test_reindexing_a_document_costs_the_same_in_a_small_and_a_large_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small, large = tmp_path / "small", tmp_path / "large"
    index_texts(small, _texts(20))
    index_texts(large, _texts(400))
    in_small, in_large = (_steps_to_reindex(d, monkeypatch) for d in (small, large))
    # Deleting the old text by scanning for its document_id grew with the index (49 -> 467).
    assert in_large < 2 * in_small, (in_small, in_large)
    assert [h.document_id for h in search(large, "第0号文件")] == ["doc:0"]  # replaced, once


def test_an_index_written_before_row_keys_is_upgraded_and_replaces_in_place(
    tmp_path: Path,
) -> None:
    with closing(sqlite3.connect(tmp_path / INDEX_FILE)) as old, old:
        old.execute(
            "CREATE VIRTUAL TABLE texts USING fts5("
            "document_id UNINDEXED, title, text, tokenize = 'trigram')"
        )
        old.executemany(
            "INSERT INTO texts (document_id, title, text) VALUES (?, ?, ?)",
            [(t.document_id, title, t.text) for t, title in _texts(3)],
        )
    index_texts(tmp_path, _texts(1))  # doc:0 again, through the upgraded index
    hits = search(tmp_path, "号文件", limit=10)
    assert sorted(h.document_id for h in hits) == ["doc:0", "doc:1", "doc:2"]
