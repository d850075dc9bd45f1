"""The explorer on Neo4j 5: its queries give the embedded store's rows; every page in Chromium.

The browser tests of the embedded suite (tests/test_explorer_browser.py) run here a second time,
their `browser` fixture serving the explorer on the session's Neo4j with the same known graph.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from policykg.app.explorer.i18n import text
from policykg.app.explorer.questions import explorer_queries, page_query
from policykg.app.loading import load_files
from policykg.app.texts import texts_dir
from policykg.graph import Store, open_store
from policykg.queries.graph_checks import run_checks
from policykg.settings import Settings
from tests import test_explorer_browser as embedded_suite
from tests.conftest import DEMO
from tests.explorer_graph import (
    BASIS_ID,
    BASIS_NUMBER,
    SEED002_ID,
    keep_known_texts,
    write_known_graph,
)
from tests.export_support import open_graph
from tests.neo4j_server import Neo4jServer
from tests.test_explorer_browser import (  # noqa: F401 (collected again, on Neo4j)
    PAGES,
    explorer_page,
    graph_frame,
    open_page,
    test_console_refuses_a_write,
    test_document_with_highlighted_evidence,
    test_lineage_graph_around_the_provincial_basis,
    test_map,
    test_no_request_leaves_localhost,
    test_overview,
    test_responsibility_of_the_city_management_bureau,
    test_targets_for_2027,
)
from tests.test_neo4j_parity import _plain

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]

pw = embedded_suite.pw
DEMO_FILES = sorted(DEMO.glob("*"))
DEMO_UNIT = "unit:region:410600/发展改革委"
# Two demo documents with citations, tasks, targets and places each.
DEMO_PAIR = {
    "a": "doc:界首市新型城镇化试点实施方案",
    "b": "doc:解读亳州高新区城市功能品质活力提升实施意见的通知",
}
# Parameters that find something in the demo corpus, so that equal rows are not two empty lists.
DEMO_PARAMS: dict[str, dict[str, str]] = {
    "document_citations": {"doc": BASIS_NUMBER},
    "document_evidence": {"doc": SEED002_ID},
    "document_table": {},
    "document_tasks": {"doc": SEED002_ID},
    "lineage_graph_down": {"doc": BASIS_NUMBER},
    "lineage_graph_up": {"doc": SEED002_ID},
    "neighbours": {"id": BASIS_ID},
    "node_by_id": {"id": DEMO_UNIT},
    "places_map": {},
    "map_divisions": {"mentions": "true"},
    "compare_citations": DEMO_PAIR,
    "compare_reach": DEMO_PAIR,
    "compare_targets": DEMO_PAIR,
    "compare_tasks": DEMO_PAIR,
    "responsible": {"q": ""},
    "targets": {},
    "unit_graph": {"id": DEMO_UNIT},
}
ALL_PAGES = [*PAGES, ("checks", text("page_checks", "zh"))]


def _load_demo(store: Store, texts: Path | None) -> None:
    report = load_files(store, DEMO_FILES, 500, texts=texts)
    assert not report.failed, report.failed


def _write_known(store: Store, texts: Path | None) -> None:
    write_known_graph(store)
    if texts is not None:
        keep_known_texts(texts.parent)


GRAPHS: dict[str, Callable[[Store, Path | None], None]] = {
    "known": _write_known,
    "demo": _load_demo,
}


class Neo4jGraph:
    """The session's Neo4j database, holding one of GRAPHS at a time (it has one user database).

    The texts load keeps (the Document page reads them) go to home, the explorer's data directory.
    """

    def __init__(self, store: Store, home: Path) -> None:
        self.store = store
        self.home = home
        self.holds = ""

    def use(self, name: str) -> Store:
        """The store, emptied and loaded with the named graph unless it holds it already."""
        if self.holds != name:
            self.store.clear()
            self.store.ensure_schema()
            GRAPHS[name](self.store, texts_dir(self.home))
            self.holds = name
        return self.store


@pytest.fixture(scope="module")
def neo4j_graph(
    neo4j_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Neo4jGraph]:
    store = open_store(neo4j_settings)
    yield Neo4jGraph(store, tmp_path_factory.mktemp("explorer-neo4j"))
    store.clear()
    store.close()


@pytest.fixture(scope="module")
def embedded_demo(server_home: Path) -> Iterator[Store]:
    """The demo corpus in a graph of its own on the session's embedded server."""
    store = open_graph(server_home, "neo4j_explorer_demo")
    _load_demo(store, None)
    yield store
    store.clear()
    store.close()


def _store_env(server: Neo4jServer) -> dict[str, str]:
    """What `policykg serve` needs to serve the session's Neo4j."""
    return {**server.env(), "NEO4J_DATABASE": "neo4j", "POLICYKG_STORE": "neo4j"}


def _rows(store: Store, name: str) -> list[str]:
    """Rows as sorted JSON; lists inside a row sorted too (collect() order is unspecified)."""
    query = page_query(name)
    result = store.read(query.cypher, query.bind(DEMO_PARAMS[name]))
    rows = []
    for row in result.rows:
        plain = _plain(dict(zip(result.columns, row, strict=True)))
        for key, value in plain.items():
            if isinstance(value, list):
                plain[key] = sorted(value, key=lambda v: json.dumps(v, ensure_ascii=False))
        rows.append(json.dumps(plain, ensure_ascii=False, sort_keys=True))
    return sorted(rows)


def test_every_explorer_query_has_demo_parameters() -> None:
    assert set(explorer_queries()) - set(DEMO_PARAMS) == set()


@pytest.mark.parametrize("name", sorted(explorer_queries()))
def test_explorer_query_returns_the_same_rows_on_both_stores(
    neo4j_graph: Neo4jGraph, embedded_demo: Store, name: str
) -> None:
    expected = _rows(embedded_demo, name)
    assert expected, f"{name} finds nothing in the demo corpus: pick other parameters"
    assert _rows(neo4j_graph.use("demo"), name) == expected


def test_graph_checks_give_the_same_results_on_both_stores(
    neo4j_graph: Neo4jGraph, embedded_demo: Store
) -> None:
    expected = [r.to_json() for r in run_checks(embedded_demo)]
    assert expected
    assert [r.to_json() for r in run_checks(neo4j_graph.use("demo"))] == expected


@pytest.fixture(scope="module")
def known_explorer(
    neo4j_graph: Neo4jGraph, neo4j_server: Neo4jServer, pw: Any
) -> Iterator[tuple[Any, str, list[str]]]:
    """A Chromium page on the explorer serving Neo4j, and every URL it requested."""
    neo4j_graph.use("known")
    requests: list[str] = []
    env = _store_env(neo4j_server)
    with explorer_page(neo4j_graph.home, pw, env) as (page, url, context):
        context.on("request", lambda request: requests.append(request.url))
        yield page, url, requests


@pytest.fixture
def browser(
    known_explorer: tuple[Any, str, list[str]], neo4j_graph: Neo4jGraph
) -> tuple[Any, str, list[str]]:
    """What the embedded suite's browser tests use: here the explorer on Neo4j's known graph."""
    neo4j_graph.use("known")
    return known_explorer


@pytest.fixture(autouse=True)
def _screenshots_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Screenshots of the Neo4j run go to their own folder; the README's come from the embedded."""
    monkeypatch.setattr(embedded_suite, "SCREENSHOTS", embedded_suite.SCREENSHOTS / "neo4j")
    monkeypatch.setattr(embedded_suite, "publish", lambda path: None)


@pytest.fixture(scope="module")
def demo_explorer(
    neo4j_graph: Neo4jGraph, neo4j_server: Neo4jServer, pw: Any
) -> Iterator[tuple[Any, str]]:
    """A Chromium page on the explorer serving the demo corpus from Neo4j."""
    neo4j_graph.use("demo")
    with explorer_page(neo4j_graph.home, pw, _store_env(neo4j_server)) as (page, url, _):
        yield page, url


def wait_for_run(page: Any) -> None:
    """Wait until the page's script has run to its end (open_page can return before it starts)."""
    page.wait_for_function(
        "document.querySelector(\"[data-testid='stApp']\")?.dataset.testScriptState"
        " === 'notRunning'"
    )


def _alerts(page: Any, kind: str) -> list[str]:
    """The texts of the page's alerts of one kind (error, warning, success, info)."""
    return [
        str(t).strip()
        for t in page.locator(f"[data-testid='stAlertContent{kind.title()}']").all_inner_texts()
    ]


@pytest.mark.parametrize(("path", "title"), ALL_PAGES)
def test_every_page_opens_without_error_on_the_demo_corpus(
    demo_explorer: tuple[Any, str],
    neo4j_graph: Neo4jGraph,
    embedded_demo: Store,
    path: str,
    title: str,
) -> None:
    neo4j_graph.use("demo")
    page, url = demo_explorer
    open_page(page, url, path, title)
    wait_for_run(page)
    assert page.locator("[data-testid='stException']").count() == 0
    errors = _alerts(page, "error")
    if path == "checks":  # the checks page states the checks' outcome: the embedded store's
        results = run_checks(embedded_demo)
        failed = sum(not r.ok for r in results)
        expected = [text("some_fail", "zh", failed=failed, n=len(results))] if failed else []
        assert errors == expected
    else:
        assert errors == []
    assert _alerts(page, "warning") == []


@pytest.mark.parametrize(
    ("path", "title"), [("lineage", "政策脉络"), ("responsibility", "责任分工")]
)
def test_demo_corpus_graphs_are_drawn_from_neo4j(
    demo_explorer: tuple[Any, str], neo4j_graph: Neo4jGraph, path: str, title: str
) -> None:
    neo4j_graph.use("demo")
    page, url = demo_explorer
    open_page(page, url, path, title)
    wait_for_run(page)
    frame = graph_frame(page)
    assert int(frame.locator("#graph").get_attribute("data-nodes") or 0) >= 2
    embedded_suite.shoot(page, f"demo_{path}")
