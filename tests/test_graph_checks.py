"""The graph checks (queries/checks/) and `policykg check` on the known analysis graph.

Every check passes on the graph as built; each test breaks one rule and asserts that exactly
that check fails, naming the offending item. Runs on the real embedded FalkorDB.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from policykg.app.texts import StoredText, save_text, texts_dir
from policykg.graph import Store
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord, RelationshipRecord, node_id
from policykg.queries.graph_checks import graph_checks, run_checks, shacl_check
from policykg.settings import Settings
from tests import analysis_graph as g
from tests.cli_runner import run_cli


@pytest.fixture
def graph(store: Store) -> Store:
    g.write_analysis_graph(store)
    return store


def _write(store: Store, nodes: list[NodeRecord], rels: list[RelationshipRecord]) -> None:
    write_records(store, nodes, rels, batch_size=10)


def _ev(doc: str) -> dict[str, Any]:
    return {"doc": doc, "evidence": "由项目中心负责"}


# The city document's saved text begins with the task's paragraph (the graph keeps offsets).
TASK_PARAGRAPH = "9.完善配套。由项目中心负责。"


def _task_without_lead(store: Store) -> None:
    task = node_id("Task", f"{g.CITY}#9")
    _write(
        store,
        [
            NodeRecord(
                "Task",
                task,
                {
                    "name": "完善配套",
                    "number": "9",
                    "title": "完善配套",
                    "text": TASK_PARAGRAPH,
                    "start": 0,
                    "end": len(TASK_PARAGRAPH),
                },
            )
        ],
        [RelationshipRecord("HAS_TASK", "Document", g.CITY, "Task", task, _ev(g.CITY))],
    )


def _duplicate_doc_number(store: Store) -> None:
    other = node_id("Document", "河南省开发区意见重复件")
    props = {"name": "重复件", "title": "重复件", "doc_number": g.PROV_NO, "stub": False}
    _write(store, [NodeRecord("Document", other, props)], [])  # type: ignore[arg-type]


def _unresolved_citation(store: Store) -> None:
    stub = node_id("Document", "豫政〔2022〕9号")
    props = {"name": "豫政〔2022〕9号", "doc_number": "豫政〔2022〕9号", "stub": True}
    _write(
        store,
        [NodeRecord("Document", stub, props, weak=True)],  # type: ignore[arg-type]
        [
            RelationshipRecord(
                "CITES", "Document", g.CITY, "Document", stub, {**_ev(g.CITY), "relation": "basis"}
            )
        ],
    )


def _unit_without_region(store: Store) -> None:
    unit = node_id("Unit", "项目中心")
    _write(
        store,
        [
            NodeRecord(
                "Unit", unit, {"name": "项目中心", "full_name": "项目中心", "kind": "department"}
            )
        ],
        [RelationshipRecord("SUPPORTED_BY", "Task", g.CITY_TASK, "Unit", unit, _ev(g.CITY))],
    )


def _target(store: Store, **props: Any) -> None:
    target = node_id("Target", f"{g.CITY}#9")
    base = {"name": "新增企业", "metric": "新增企业", "value": 10.0, "unit": "家", "year": 2025}
    _write(
        store,
        [NodeRecord("Target", target, {**base, **props})],
        [RelationshipRecord("SETS_TARGET", "Document", g.CITY, "Target", target, _ev(g.CITY))],
    )


def _target_without_year(store: Store) -> None:
    # No year, and no FOR either: one target that breaks the rule once.
    _target(store, year=None)


def _target_without_unit(store: Store) -> None:
    target = node_id("Target", f"{g.CITY}#9")
    _target(store, unit=None)
    _write(
        store,
        [],
        [RelationshipRecord("FOR", "Target", target, "Region", g.ZHENGZHOU, _ev(g.CITY))],
    )


def _relationship_without_evidence(store: Store) -> None:
    store.write(
        "MATCH (a:Document {id: $a}), (b:Document {id: $b}) "
        "CREATE (a)-[:CITES {relation: 'reference'}]->(b)",
        {"a": g.LUOYANG_DOC, "b": g.PROV},
    )


VIOLATIONS: dict[str, tuple[Callable[[Store], None], str]] = {
    # check -> (what breaks it, the item it must name)
    "tasks_have_lead": (_task_without_lead, "9 完善配套"),
    "doc_numbers_unique": (_duplicate_doc_number, g.PROV_NO),
    "cited_doc_numbers_resolve": (_unresolved_citation, "豫政〔2022〕9号"),
    "units_have_region": (_unit_without_region, "项目中心"),
    "targets_have_year_and_scope": (_target_without_year, "新增企业"),
    "targets_have_metric_and_unit": (_target_without_unit, "新增企业"),
    "relationships_have_evidence": (_relationship_without_evidence, f"CITES {g.LUOYANG_TITLE}"),
}


def test_every_check_has_a_violation_test() -> None:
    assert set(graph_checks()) == set(VIOLATIONS)


def test_every_check_passes_on_the_known_graph(graph: Store) -> None:
    # Central organs (国务院办公厅) and collective assignees (各市人民政府) have no region;
    # a national document's target has no scope; stubs have issuers.
    assert {r.check: r.count for r in run_checks(graph)} == dict.fromkeys(VIOLATIONS, 0)


@pytest.mark.parametrize("name", sorted(VIOLATIONS))
def test_a_check_fails_when_its_rule_is_broken(graph: Store, name: str) -> None:
    breaks, item = VIOLATIONS[name]
    breaks(graph)
    results = {r.check: r for r in run_checks(graph)}
    assert {n for n, r in results.items() if not r.ok} == {name}
    assert results[name].count == 1
    assert str(results[name].examples[0]["item"]).startswith(item)


def test_check_command_exits_0_then_1_with_json(settings: Settings, store: Store) -> None:
    g.write_analysis_graph(store)
    passed = run_cli(settings.home, settings.graph_name, "check")
    assert passed.code == 0, passed.stderr
    assert "7 passed, 0 failed" in passed.stdout
    _task_without_lead(store)
    save_text(texts_dir(settings.home), StoredText(g.CITY, TASK_PARAGRAPH + "\n10.其他。"))
    failed = run_cli(settings.home, settings.graph_name, "check", "--json")
    assert failed.code == 1
    report = json.loads(failed.stdout)
    assert [set(r) for r in report] == [{"check", "ok", "count", "examples"}] * 7
    bad = [r for r in report if not r["ok"]]
    assert [(r["check"], r["count"]) for r in bad] == [("tasks_have_lead", 1)]
    assert bad[0]["examples"] == [
        {"item": "9 完善配套", "document": g.CITY_TITLE, "evidence": TASK_PARAGRAPH}
    ]
    text = run_cli(settings.home, settings.graph_name, "check")
    assert text.code == 1
    assert "FAIL tasks_have_lead: 1" in text.stdout
    assert f"9 完善配套  [{g.CITY_TITLE}]" in text.stdout


def test_shacl_check_conforms_then_names_the_offending_node(
    settings: Settings, store: Store
) -> None:
    g.write_analysis_graph(store)
    assert shacl_check(store).to_json() == {
        "check": "shacl_conforms",
        "ok": True,
        "count": 0,
        "examples": [],
    }
    # Past the writer's validation, as a foreign tool might write it: a year that is no number.
    store.write("CREATE (:Target {id: 'bad-year', name: '新增企业', year: 'soon'})")
    failed = run_cli(settings.home, settings.graph_name, "check", "--shacl", "--json")
    assert failed.code == 1
    shacl = [r for r in json.loads(failed.stdout) if r["check"] == "shacl_conforms"]
    assert [(r["ok"], r["count"]) for r in shacl] == [(False, 1)]
    assert shacl[0]["examples"][0]["item"].endswith("/bad-year>")
    assert "xsd:integer" in shacl[0]["examples"][0]["evidence"]
