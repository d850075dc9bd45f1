"""The full-text index is written in a thread beside the load (app/text_indexer.py): in
order, complete when the load returns, and an indexing error is never swallowed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from policykg.app.loading import load_files
from policykg.app.text_indexer import BackgroundIndexer
from policykg.app.text_search import INDEX_FILE, search
from policykg.app.texts import StoredText
from policykg.graph import Store
from tests.test_text_search import DEMO_FILES


def test_batches_are_indexed_in_order(tmp_path: Path) -> None:
    indexer = BackgroundIndexer(tmp_path)
    for version in range(30):  # one document re-indexed: the last text must win
        indexer.add([(StoredText("doc:甲", f"第{version}版 城市更新行动"), "甲")])
    indexer.add([(StoredText("doc:乙", "养老服务体系"), "乙")])
    indexer.close()
    hits = search(tmp_path, "城市更新")
    assert [(h.document_id, h.snippet) for h in hits] == [("doc:甲", "第29版 城市更新行动")]
    assert [h.document_id for h in search(tmp_path, "养老服务")] == ["doc:乙"]


def test_an_indexing_error_reaches_the_caller(tmp_path: Path) -> None:
    (tmp_path / INDEX_FILE).mkdir()  # SQLite cannot open a directory as its database
    indexer = BackgroundIndexer(tmp_path)
    indexer.add([(StoredText("doc:甲", "城市更新"), "甲")])
    with pytest.raises(sqlite3.OperationalError):
        indexer.close()


def test_a_load_whose_index_cannot_be_written_fails(store: Store, tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    (texts / INDEX_FILE).mkdir(parents=True)
    with pytest.raises(sqlite3.OperationalError):
        load_files(store, DEMO_FILES, 200, texts=texts)


def test_every_loaded_document_is_searchable_when_the_load_returns(
    store: Store, tmp_path: Path
) -> None:
    texts = tmp_path / "texts"
    report = load_files(store, DEMO_FILES, 200, texts=texts, group_documents=1)
    ids = {r.document_id for r in report.loaded}
    with sqlite3.connect(texts / INDEX_FILE) as connection:
        indexed = {row[0] for row in connection.execute("SELECT document_id FROM texts")}
    assert indexed == ids
