"""The named queries the explorer is built on, run against the known graph and asserted on rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from policykg.app.explorer.questions import console_queries, explorer_queries, page_query
from policykg.app.responsibility import responsibility_matrix, responsibility_rows, task_title
from policykg.app.visual import NODE_CAP, collect
from policykg.graph import Store, open_store
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord, RelationshipRecord, node_id
from policykg.settings import Settings
from tests import explorer_graph
from tests.cypher_lint import Statement, lint
from tests.explorer_graph import (
    BASIS_ID,
    BASIS_NUMBER,
    CITY_PLAN_ID,
    HEBI_ID,
    PARK_NAME,
    SEED000_ID,
    SEED002_ID,
    TASK14_TITLE,
    UNIT_FULL_NAME,
    UNIT_ID,
    UNIT_NAME,
    store_at,
    use_home,
)

known_home = explorer_graph.known_home
MAIN = str(Path(__file__).resolve().parent.parent / "app" / "explorer" / "main.py")


@pytest.fixture(scope="module")
def store(known_home: Path) -> Iterator[Store]:
    opened = open_store(Settings.from_env(env={}, home=known_home))
    yield opened
    opened.close()


def rows(store: Store, name: str, **params: object) -> list[dict[str, object]]:
    return store.read(page_query(name).cypher, params).records()


def node_ids(values: list[dict[str, object]]) -> set[str]:
    sub = collect(v for row in values for v in row.values())
    return {str(n.properties["id"]) for n in sub.nodes}


TESTED = {
    "lineage_graph_up",
    "lineage_graph_down",
    "neighbours",
    "node_by_id",
    "responsible",
    "unit_graph",
    "document_tasks",
    "targets",
    "places_map",
    "map_divisions",
    "compare_citations",
    "compare_tasks",
    "compare_targets",
    "compare_reach",
    "document_evidence",
    "document_citations",
    "document_table",
}


def test_every_explorer_query_is_tested_here() -> None:
    assert set(explorer_queries()) == TESTED


def test_the_console_offers_research_questions_then_explorer_queries() -> None:
    names = list(console_queries())
    assert "lineage_up" in names and "explorer/lineage_graph_up" in names
    assert names.index("lineage_up") < names.index("explorer/lineage_graph_up")


@pytest.mark.e2e  # a Node.js process: the end-to-end layer
def test_explorer_queries_pass_the_neo4j_linter() -> None:
    statements = [Statement(f"explorer/{q.name}", q.cypher) for q in explorer_queries().values()]
    errors = {origin: errs for origin, errs in lint(statements).items() if errs}
    assert errors == {}


def test_lineage_graph_up_and_down(store: Store) -> None:
    up = rows(store, "lineage_graph_up", doc=SEED000_ID, depth=1, limit=100)
    assert node_ids(up) == {SEED000_ID, BASIS_ID, CITY_PLAN_ID}
    down = rows(store, "lineage_graph_down", doc=BASIS_NUMBER, depth=6, limit=100)
    assert len(down) == 3  # 58号 -> basis, 000 -> basis, 000 -> 58号 -> basis
    assert node_ids(down) == {SEED000_ID, BASIS_ID, CITY_PLAN_ID}
    assert rows(store, "lineage_graph_down", doc=BASIS_NUMBER, depth=1, limit=1) != []
    assert len(rows(store, "lineage_graph_down", doc=BASIS_NUMBER, depth=6, limit=1)) == 1


def test_neighbours_and_node_by_id(store: Store) -> None:
    found = rows(store, "neighbours", id=UNIT_ID, limit=50)
    assert {r["m"].properties["id"] for r in found} == {
        HEBI_ID,
        node_id("Task", f"{SEED002_ID}#14"),
    }
    (node,) = rows(store, "node_by_id", id=UNIT_ID)
    assert node["n"].properties["full_name"] == UNIT_FULL_NAME


def test_responsible_and_unit_graph(store: Store) -> None:
    units = rows(store, "responsible", q="城市管理")
    assert [(u["name"], u["tasks"], int(u["leads"])) for u in units] == [(UNIT_NAME, 1, 1)]
    assert {u["name"] for u in rows(store, "responsible", q="")} == {UNIT_NAME, "市交通运输局"}
    graph = collect(
        v for row in rows(store, "unit_graph", id=UNIT_ID, limit=10) for v in row.values()
    )
    table = responsibility_rows(graph)
    assert {(r["task"], r["unit"], r["role"]) for r in table} == {
        (TASK14_TITLE, UNIT_FULL_NAME, "lead"),
        (TASK14_TITLE, "鹤壁市交通运输局", "support"),
    }
    units_, matrix = responsibility_matrix(table, lead="牵头", support="配合")
    assert units_ == sorted([UNIT_FULL_NAME, "鹤壁市交通运输局"])
    assert matrix == [
        {
            "document": "关于推进“三区”协同打造高质量发展样板区的若干意见",
            "task_number": "14",
            "task": TASK14_TITLE,
            UNIT_FULL_NAME: "牵头",
            "鹤壁市交通运输局": "配合",
        }
    ]


def test_document_tasks(store: Store) -> None:
    found = rows(store, "document_tasks", doc=SEED002_ID, limit=10)
    assert [task_title(r["t"].properties) for r in found] == [TASK14_TITLE]
    assert len(found[0]["units"]) == 2


def test_targets_and_places(store: Store) -> None:
    targets = rows(store, "targets")
    assert {(t["metric"], t["scope"], t["year"]) for t in targets} == {
        ("建成区面积", PARK_NAME, 2027),
        ("常住人口城镇化率", PARK_NAME, 2027),
        ("常住人口城镇化率", "鹤壁市", 2027),
    }
    places = {
        (p["kind"], p["name"]): p["documents"] for p in rows(store, "places_map", mentions=True)
    }
    assert places == {("Region", "鹤壁市"): 1, ("Region", "亳州市"): 0, ("Park", PARK_NAME): 1}
    # The park's document is counted at its region's adcode (亳州 341600) on the map.
    divisions = rows(store, "map_divisions", mentions=True)
    assert [(d["adcode"], d["documents"]) for d in divisions] == [
        ("341600", [SEED000_ID]),
        ("410600", [SEED002_ID]),
    ]
    assert rows(store, "map_divisions", mentions=False) == divisions  # both apply to them


def test_document_evidence_citations_and_table(store: Store) -> None:
    evidence = rows(store, "document_evidence", doc=SEED000_ID)
    assert {e["type"] for e in evidence} == {"CITES", "APPLIES_TO", "SETS_TARGET", "FOR"}
    citations = rows(store, "document_citations", doc=CITY_PLAN_ID)
    assert {(c["direction"], c["relation"], c["id"]) for c in citations} == {
        ("up", "implements", BASIS_ID),
        ("down", "basis", SEED000_ID),
    }
    docs = {d["id"]: d for d in rows(store, "document_table")}
    assert len(docs) == 5 and docs[SEED000_ID]["places"] == [PARK_NAME]


@pytest.fixture(scope="module")
def hub_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A graph where one national document is cited by more documents than a page draws."""
    home = tmp_path_factory.mktemp("hub")
    hub = node_id("Document", "国发〔2020〕1号")
    nodes = [
        NodeRecord(
            "Document",
            hub,
            {"name": "hub", "title": "hub", "doc_number": "国发〔2020〕1号", "level": "national"},
        )
    ]
    rels = []
    for i in range(NODE_CAP + 40):
        doc = node_id("Document", f"citing {i}")
        nodes.append(NodeRecord("Document", doc, {"name": f"citing {i}", "title": f"citing {i}"}))
        rels.append(
            RelationshipRecord(
                "CITES",
                "Document",
                doc,
                "Document",
                hub,
                {"doc": doc, "relation": "implements", "evidence": "贯彻落实"},
            )
        )
    with store_at(home) as opened:
        write_records(opened, nodes, rels, batch_size=500)
        yield home


def test_a_graph_over_the_cap_is_cut_with_a_notice(
    hub_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_home(monkeypatch, hub_home)
    at = AppTest.from_file(MAIN, default_timeout=60).run()
    at.switch_page("views/lineage.py").run()
    box = at.selectbox(key="lineage_doc")
    box.select(next(o for o in box.options if o.startswith("国发"))).run()
    assert not at.exception
    assert any(f"前 {NODE_CAP} 个节点" in w.value for w in at.warning)
    html = at.get("iframe")[0].proto.srcdoc
    assert f'data-nodes="{NODE_CAP}"' in html


def test_the_compare_queries_return_both_documents_rows(store: Store) -> None:
    """Rows of two documents, each marked with its document (the pair page splits them)."""
    pair = {"a": SEED000_ID, "b": CITY_PLAN_ID}
    cited = rows(store, "compare_citations", **pair)
    assert {(c["doc"], c["id"], c["relation"]) for c in cited} == {
        (SEED000_ID, BASIS_ID, "basis"),
        (SEED000_ID, CITY_PLAN_ID, "basis"),
        (CITY_PLAN_ID, BASIS_ID, "implements"),
    }
    pair = {"a": SEED000_ID, "b": SEED002_ID}
    targets = rows(store, "compare_targets", **pair)
    assert {(t["doc"], t["metric"], t["year"]) for t in targets} == {
        (SEED000_ID, "建成区面积", 2027),
        (SEED000_ID, "常住人口城镇化率", 2027),
        (SEED002_ID, "常住人口城镇化率", 2027),
    }
    tasks = rows(store, "compare_tasks", **pair)
    assert {(t["doc"], t["unit"], t["role"]) for t in tasks} == {
        (SEED002_ID, UNIT_FULL_NAME, "lead"),
        (SEED002_ID, "鹤壁市交通运输局", "support"),
    }
    reach = rows(store, "compare_reach", **pair)
    assert {(r["doc"], r["kind"], r["name"], r["relation"]) for r in reach} == {
        (SEED000_ID, "Park", PARK_NAME, "APPLIES_TO"),
        (SEED002_ID, "Region", "鹤壁市", "APPLIES_TO"),
    }
