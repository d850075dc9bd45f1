"""The Document page reads the text `load` kept, never the file a graph's `source` names."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from policykg.app.loading import load_files
from policykg.app.texts import StoredText, read_text, save_text, text_path, texts_dir
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord, node_id
from tests.explorer_graph import ROOT, SEED000_SOURCE, store_at, use_home

MAIN = str(ROOT / "app" / "explorer" / "main.py")
SECRET = "这一行来自一个本不该被浏览器读取的本地文件"


def test_load_keeps_each_documents_text_and_outline(tmp_path: Path) -> None:
    with store_at(tmp_path) as store:
        report = load_files(store, [Path(SEED000_SOURCE)], 50, texts=texts_dir(tmp_path))
    (loaded,) = report.loaded
    kept = read_text(texts_dir(tmp_path), str(loaded.document_id))
    assert kept is not None
    assert "皖办发〔2024〕11号" in kept.text  # the body, as the loader cleaned it
    assert kept.sections and kept.sections[0].depth == 1
    assert kept.text[kept.sections[0].start : kept.sections[0].end].strip()
    # The file is named by the id's hash: nothing from the graph becomes a path.
    assert text_path(texts_dir(tmp_path), "doc:../../etc/passwd").parent == texts_dir(tmp_path)


def test_a_file_that_is_not_this_documents_text_is_ignored(tmp_path: Path) -> None:
    directory = texts_dir(tmp_path)
    save_text(directory, StoredText("doc:a", "甲"))
    text_path(directory, "doc:b").write_bytes(text_path(directory, "doc:a").read_bytes())
    assert read_text(directory, "doc:b") is None  # a copy under another id's name
    text_path(directory, "doc:c").write_text("not json", encoding="utf-8")
    assert read_text(directory, "doc:c") is None
    assert read_text(directory, "doc:missing") is None


def test_an_imported_source_path_is_never_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(f"关于某事的通知\n{SECRET}\n", encoding="utf-8")
    home = tmp_path / "home"
    doc_id = node_id("Document", "关于某事的通知")
    with store_at(home) as store:
        record = NodeRecord(
            "Document",
            doc_id,
            {
                "name": "关于某事的通知",
                "title": "关于某事的通知",
                "source": str(secret),
                "stub": False,
            },
        )
        write_records(store, [record], [], batch_size=10)
        use_home(monkeypatch, home)
        at = AppTest.from_file(MAIN, default_timeout=60).run()
        at.switch_page("views/document.py").run()
        assert not at.exception, at.exception
    shown = "\n".join(
        [*(h.proto.body for h in at.get("html")), *(m.value for m in at.markdown)]
        + [str(c.value) for c in at.caption]
    )
    assert SECRET not in shown
    assert any("未保存这份文件的正文" in c.value for c in at.caption)
