"""Two files with one 文号 (app/document_ids.py): both stay whole, re-loads replace in place.

郑州's plan (tests/fixtures/analysis/03_zhengzhou.txt) and 郑州's 若干措施
(tests/fixtures/analysis_duplicate/) both carry 郑政〔2024〕12号; the park's plan cites
《郑州市加快推动科技创新引领产业升级实施方案》（郑政〔2024〕12号）. Loaded with load_files into
the real embedded FalkorDB.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from policykg.app.document_ids import DocumentIds, IncomingDocument
from policykg.app.loading import load_files
from policykg.graph import Store
from policykg.loaders.extract.ids import document_id, second_document_id
from policykg.queries import get_query
from tests.graph_fixtures import whole_graph

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ANALYSIS = sorted((FIXTURES / "analysis").glob("*.txt"))
DUPLICATE = FIXTURES / "analysis_duplicate" / "09_zhengzhou_duplicate.txt"
NUMBER = "郑政〔2024〕12号"
PLAN = "郑州市加快推动科技创新引领产业升级实施方案"
MEASURES = "郑州市促进科技成果转化若干措施"
PARK = "郑州高新技术产业开发区加快推动科技创新引领产业升级行动计划"


def _load(store: Store, files: list[Path]) -> None:
    report = load_files(store, files, 50)
    assert not report.failed, report.failed


def _numbered(store: Store) -> dict[str, tuple[str, int]]:
    """The loaded documents with the shared 文号: id -> (title, how many tasks)."""
    rows = store.read(
        "MATCH (d:Document {doc_number: $number}) WHERE d.stub = false "
        "OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task) RETURN d.id, d.title, count(t)",
        {"number": NUMBER},
    ).rows
    return {str(r[0]): (str(r[1]), int(r[2])) for r in rows}


def _cited_from_park(store: Store) -> list[str]:
    rows = store.read(
        "MATCH (:Document {title: $park})-[:CITES]->(d:Document) RETURN d.title ORDER BY d.title",
        {"park": PARK},
    ).rows
    return [str(r[0]) for r in rows]


def test_the_second_file_adds_a_document_and_removes_nothing(store: Store) -> None:
    _load(store, ANALYSIS)
    nodes, rels = whole_graph(store)
    _load(store, [DUPLICATE])
    after_nodes, after_rels = whole_graph(store)
    assert set(nodes) <= set(after_nodes) and set(rels) <= set(after_rels)
    assert _numbered(store) == {
        document_id(NUMBER, None): (PLAN, 2),  # 培育创新型企业, 建设中原科技城
        second_document_id(NUMBER, MEASURES): (MEASURES, 1),  # 支持成果转化
    }


def test_loading_both_again_in_either_order_changes_nothing(store: Store) -> None:
    _load(store, [*ANALYSIS, DUPLICATE])
    loaded = whole_graph(store)
    _load(store, [DUPLICATE, *ANALYSIS])
    assert whole_graph(store) == loaded
    _load(store, [DUPLICATE])
    assert whole_graph(store) == loaded
    assert len(_numbered(store)) == 2


def test_a_copy_elsewhere_or_an_edited_title_replaces_the_document_it_was(
    store: Store, tmp_path: Path
) -> None:
    _load(store, [*ANALYSIS, DUPLICATE])
    ids = set(_numbered(store))
    # The same document under another path (a moved folder, a reprint): same title.
    copy = tmp_path / "moved" / DUPLICATE.name
    copy.parent.mkdir()
    shutil.copy(DUPLICATE, copy)
    _load(store, [copy])
    assert set(_numbered(store)) == ids
    # The same file loaded again after its title was corrected: same source.
    copy.write_text(copy.read_text(encoding="utf-8").replace("若干措施", "若干政策"), "utf-8")
    _load(store, [copy])
    titles = sorted(title for title, _ in _numbered(store).values())
    assert titles == sorted([PLAN, "郑州市促进科技成果转化若干政策"])


def test_citations_by_the_doc_number_reach_the_first_document_loaded(store: Store) -> None:
    park = next(path for path in ANALYSIS if path.name == "05_park.txt")
    _load(store, [park])  # 郑政〔2024〕12号 is a stub the park's plan cites
    assert _cited_from_park(store) == [PLAN]
    _load(store, ANALYSIS)  # the stub becomes 郑州's plan
    _load(store, [DUPLICATE])
    assert _cited_from_park(store) == [PLAN]
    assert _numbered(store)[document_id(NUMBER, None)][0] == PLAN


def _titles(store: Store, name: str, doc: str, column: str) -> list[str]:
    named = get_query(name)
    rows = store.read(named.cypher, named.bind({"doc": doc})).records()
    return sorted({str(row[column]) for row in rows})


def test_a_lookup_by_the_doc_number_finds_both_and_one_by_its_id(store: Store) -> None:
    _load(store, [*ANALYSIS, DUPLICATE])
    assert _titles(store, "document_overview", NUMBER, "title") == sorted([PLAN, MEASURES])
    second = second_document_id(NUMBER, MEASURES)
    assert _titles(store, "document_overview", second, "title") == [MEASURES]
    # The park's plan cites the 文号 with 郑州's plan's title: it descends from that one.
    down = get_query("lineage_down")
    rows = store.read(down.cypher, down.bind({"doc": NUMBER})).records()
    assert [(r["document"], r["descendant"]) for r in rows] == [(PLAN, PARK)]


def _assigned(ids: DocumentIds, source: str, title: str, number: str = NUMBER) -> str:
    extracted = document_id(number, title)
    return ids.assign(source, [IncomingDocument(extracted, number, title)]).get(
        extracted, extracted
    )


def test_the_first_file_keeps_the_doc_number_and_another_title_gets_its_own_id() -> None:
    ids = DocumentIds()
    assert _assigned(ids, "/a/plan.txt", PLAN) == document_id(NUMBER, None)
    assert _assigned(ids, "/b/measures.txt", MEASURES) == second_document_id(NUMBER, MEASURES)
    assert _assigned(ids, "/a/plan.txt", "改过的标题") == document_id(NUMBER, None)
    assert _assigned(ids, "/c/reprint.html", MEASURES) == second_document_id(NUMBER, MEASURES)
    assert _assigned(ids, "/d/other.txt", "另一文件") == second_document_id(NUMBER, "另一文件")
    assert _assigned(ids, "/d/other.txt", PLAN, "郑政〔2024〕13号") == document_id(
        "郑政〔2024〕13号", None
    )


def test_ids_read_from_the_store_continue_an_earlier_load(store: Store) -> None:
    _load(store, [*ANALYSIS, DUPLICATE])
    ids = DocumentIds.read(store)
    assert _assigned(ids, str(DUPLICATE), MEASURES) == second_document_id(NUMBER, MEASURES)
    assert _assigned(ids, "/elsewhere/plan.txt", PLAN) == document_id(NUMBER, None)
    assert _assigned(ids, "/third.txt", "第三份") == second_document_id(NUMBER, "第三份")
