"""The explorer's checks page through Streamlit's AppTest, on the known analysis graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from policykg.app.explorer.i18n import text
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord, RelationshipRecord, node_id
from tests import analysis_graph as g
from tests.explorer_graph import store_at, use_home

MAIN = str(Path(__file__).resolve().parent.parent / "app" / "explorer" / "main.py")


def _home(tmp_path_factory: pytest.TempPathFactory, *, broken_task: bool) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("analysis")
    with store_at(home) as store:
        g.write_analysis_graph(store)
        if broken_task:
            task = node_id("Task", f"{g.CITY}#9")
            write_records(
                store,
                [
                    NodeRecord(
                        "Task", task, {"name": "完善配套", "number": "9", "title": "完善配套"}
                    )
                ],
                [
                    RelationshipRecord(
                        "HAS_TASK",
                        "Document",
                        g.CITY,
                        "Task",
                        task,
                        {"doc": g.CITY, "evidence": "完善配套"},
                    )
                ],
                batch_size=10,
            )
        yield home


@pytest.fixture(scope="module")
def clean_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from _home(tmp_path_factory, broken_task=False)


@pytest.fixture(scope="module")
def broken_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from _home(tmp_path_factory, broken_task=True)


def checks_page(monkeypatch: pytest.MonkeyPatch, home: Path) -> AppTest:
    use_home(monkeypatch, home)
    at = AppTest.from_file(MAIN, default_timeout=60).run()
    assert not at.exception, at.exception
    at.switch_page("views/checks.py").run()
    assert not at.exception, at.exception
    return at


def _cells(at: AppTest, index: int) -> list[str]:
    return [str(v) for v in at.dataframe[index].value.to_numpy().ravel()]


def test_checks_page_passes_and_lists_broken_chains_and_stubs(
    clean_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = checks_page(monkeypatch, clean_home)
    assert at.title[0].value == text("page_checks")
    assert [s.value for s in at.success] == [text("all_pass", n=7)]
    assert not at.error
    checks, broken, fetch = (_cells(at, i) for i in range(3))
    assert "任务有牵头单位" in checks  # tasks_have_lead, named in Chinese
    assert {g.CITY_TITLE, g.PARK_TITLE} <= set(broken)
    assert g.LUOYANG_TITLE not in broken
    assert fetch[:3] == [g.STUB_NO, "河南省开发区管理办法", "2"]


def test_checks_page_shows_a_failing_check_with_its_items(
    broken_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = checks_page(monkeypatch, broken_home)
    assert [e.value for e in at.error] == [text("some_fail", failed=1, n=7)]
    assert at.expander[0].label == text("examples", check="任务有牵头单位", count=1)
    checks, examples = _cells(at, 0), _cells(at, 1)
    assert checks[:3] == ["任务有牵头单位", "False", "1"]
    assert examples == ["9 完善配套", g.CITY_TITLE, "完善配套"]
