"""Each explorer page's logic through Streamlit's AppTest, against the real embedded store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from policykg.app.explorer.i18n import text
from policykg.graph import open_store
from policykg.graph.stats import graph_stats
from policykg.settings import Settings
from tests import explorer_graph
from tests.explorer_graph import (
    BASIS_EVIDENCE,
    BASIS_NUMBER,
    CITY_PLAN_TITLE,
    PARK_NAME,
    SEED000_SOURCE,
    SEED000_TITLE,
    SEED002_TITLE,
    TASK14_TITLE,
    UNIT_FULL_NAME,
    UNIT_NAME,
    use_home,
)

# The shared fixtures, bound here so pytest finds them.
known_home = explorer_graph.known_home
demo_home = explorer_graph.demo_home

MAIN = str(Path(__file__).resolve().parent.parent / "app" / "explorer" / "main.py")


@pytest.fixture
def known(known_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The explorer pointed at the known graph."""
    use_home(monkeypatch, known_home)
    return known_home


def page(name: str) -> AppTest:
    """The app, switched to one page and run."""
    at = AppTest.from_file(MAIN, default_timeout=60).run()
    assert not at.exception, at.exception
    if name != "overview":
        at.switch_page(f"views/{name}.py").run()
        assert not at.exception, at.exception
    return at


def table_values(at: AppTest, index: int = -1) -> list[str]:
    """Every cell of one dataframe on the page, as text."""
    df = at.dataframe[index].value
    return [str(v) for v in df.to_numpy().ravel()]


def all_cells(at: AppTest) -> str:
    return "\n".join("\n".join(table_values(at, i)) for i in range(len(at.dataframe)))


def frame_with(at: AppTest, *columns: str) -> Any:
    """The first table on the page that has these columns."""
    for element in at.dataframe:
        if set(columns) <= set(element.value.columns):
            return element.value
    raise AssertionError(f"no table with columns {columns}")


def graph_html(at: AppTest) -> str:
    frames = at.get("iframe")
    assert frames, "no graph on the page"
    return frames[0].proto.srcdoc


def choose(at: AppTest, key: str, contains: str) -> AppTest:
    box = at.selectbox(key=key)
    option = next(o for o in box.options if contains in o)
    return box.select(option).run()


def test_overview_counts_and_lists_documents(known: Path) -> None:
    at = page("overview")
    assert at.title[0].value == "概览"
    labels = at.dataframe[0].value
    assert dict(zip(labels["label"], labels["count"], strict=True))["文件"] == 5
    cells = all_cells(at)
    assert SEED000_TITLE in cells and SEED002_TITLE in cells


def test_overview_search_and_filters(known: Path) -> None:
    at = page("overview")
    at.text_input(key="overview_search").input("皖办发").run()
    docs = at.dataframe[2].value
    assert list(docs["doc_number"]) == [BASIS_NUMBER]
    at.text_input(key="overview_search").input("").run()
    at.multiselect(key="overview_level").select("park").run()
    assert list(at.dataframe[2].value["title"]) == [SEED000_TITLE]
    at.multiselect(key="overview_level").unselect("park").run()
    at.multiselect(key="overview_region").select("鹤壁市").run()
    assert list(at.dataframe[2].value["title"]) == [SEED002_TITLE]


def test_english_toggle(known: Path) -> None:
    at = page("overview")
    at.toggle(key="lang_en").set_value(True).run()
    assert at.title[0].value == "Overview"


def test_overview_lists_the_demo_corpus(
    demo_home: tuple[Path, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home, titles = demo_home
    use_home(monkeypatch, home)
    assert titles
    cells = all_cells(page("overview"))
    for title in titles:
        assert title in cells


def test_lineage_down_from_the_provincial_basis(known: Path) -> None:
    at = page("lineage")
    at = choose(at, "lineage_doc", BASIS_NUMBER)
    steps = at.dataframe[-1].value
    rows = {(r.title, r.direction, r.relations) for r in steps.itertuples()}
    # Directions and relations as the Chinese interface names them.
    assert (SEED000_TITLE, "下探", "依据") in rows
    assert (CITY_PLAN_TITLE, "下探", "落实") in rows
    assert (SEED000_TITLE, "下探", "落实 → 依据") in rows
    html = graph_html(at)
    assert BASIS_NUMBER in html and "亳州高新区城市功能品质活力提升实施" in html
    at.radio(key="lineage_direction").set_value("up").run()
    html = graph_html(at)  # the basis rests on nothing known: alone in the graph
    assert BASIS_NUMBER in html and "亳州高新区城市功能品质活力提升实施" not in html


def test_lineage_depth_limits_the_steps(known: Path) -> None:
    at = page("lineage")
    at = choose(at, "lineage_doc", BASIS_NUMBER)
    at.slider(key="lineage_depth").set_value(1).run()
    assert set(at.dataframe[-1].value["depth"]) == {1}


def _expand(at: AppTest, starts: str) -> AppTest:
    expand = next(s for s in at.selectbox if s.key and s.key.endswith("_expand_node"))
    expand.select(next(o for o in expand.options if o.startswith(starts))).run()
    next(b for b in at.button if b.key and b.key.endswith("_expand")).click().run()
    assert not at.exception
    return at


def test_lineage_expand_stays_within_lineage_unless_asked(known: Path) -> None:
    at = page("lineage")
    at = choose(at, "lineage_doc", BASIS_NUMBER)
    at.radio(key="lineage_direction").set_value("up").run()
    assert SEED000_TITLE not in graph_html(at)
    at = _expand(at, BASIS_NUMBER)  # citations only: the documents that cite it
    html = graph_html(at)
    assert SEED000_TITLE in html
    assert f'"label": "{PARK_NAME}"' not in html  # no places
    assert "建成区面积" not in html  # no targets
    at = choose(at, "lineage_doc", SEED002_TITLE)
    at = _expand(at, SEED002_TITLE)
    assert TASK14_TITLE not in graph_html(at)
    at.checkbox(key="lineage_expand_all").check().run()
    at = _expand(at, SEED002_TITLE)
    html = graph_html(at)
    assert "加快实现基础设施互联互通" in html  # task 14 came in as a neighbour
    assert "鹤壁市" in html


def test_console_runs_a_read_query_with_parameters(known: Path) -> None:
    at = page("console")
    at.text_area(key="console_query").input(
        "MATCH (t:Target) WHERE t.year = $year RETURN t.metric AS metric, t.value AS value"
    )
    at.text_area(key="console_params").input('{"year": 2027}')
    at.button(key="console_run").click().run()
    assert not at.error
    metrics = set(at.dataframe[0].value["metric"])
    assert metrics == {"建成区面积", "常住人口城镇化率"}


def test_console_draws_paths(known: Path) -> None:
    at = page("console")
    at.text_area(key="console_query").input("MATCH p = (:Document)-[:CITES]->(:Document) RETURN p")
    at.button(key="console_run").click().run()
    assert BASIS_NUMBER in graph_html(at)


def test_console_loads_a_named_query(known: Path) -> None:
    at = page("console")
    at.selectbox(key="console_named").select("targets_by_year").run()
    at.button(key="console_load").click().run()
    assert "SETS_TARGET" in at.text_area(key="console_query").value
    # A defaulted parameter comes filled in beside a required one (before: loading any query
    # with both, e.g. unit_tasks, failed with "needs -p unit").
    assert at.text_area(key="console_params").value == '{"year": "", "limit": 1000}'
    at.text_area(key="console_params").input('{"year": 2027, "limit": 1000}')
    at.button(key="console_run").click().run()
    assert "建成区面积" in all_cells(at)


def test_console_refuses_writes_and_changes_nothing(known: Path) -> None:
    before = _stats(known)
    at = page("console")
    at.text_area(key="console_query").input("MATCH (n) DETACH DELETE n")
    at.button(key="console_run").click().run()
    assert at.error and "只读" in at.error[0].value
    assert "read-only" in at.expander[-1].code[0].value  # the store's words, folded
    at.text_area(key="console_query").input("CREATE (:Document {id: 'doc:x', title: 'x'})")
    at.button(key="console_run").click().run()
    assert at.error and "只读" in at.error[0].value
    assert _stats(known) == before


def test_console_rejects_bad_parameters(known: Path) -> None:
    at = page("console")
    at.text_area(key="console_params").input("[1, 2]")
    at.button(key="console_run").click().run()
    assert at.error and "JSON" in at.error[0].value


def test_console_times_out_with_a_notice(known: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKG_QUERY_TIMEOUT_MS", "5")
    at = page("console")
    at.text_area(key="console_query").input(
        "UNWIND range(1, 20000) AS x UNWIND range(1, 20000) AS y RETURN count(*)"
    )
    at.button(key="console_run").click().run()
    assert at.warning and "超时" in at.warning[0].value


def _stats(home: Path) -> tuple[dict[str, int], dict[str, int]]:
    store = open_store(Settings.from_env(env={}, home=home))
    try:
        stats = graph_stats(store)
    finally:
        store.close()
    return stats.labels, stats.relationships


def test_responsibility_of_the_city_management_bureau(known: Path) -> None:
    at = page("responsibility")
    at.text_input(key="responsibility_q").input("城市管理局").run()
    box = at.selectbox(key="responsibility_unit")
    assert len(box.options) == 1 and box.options[0].startswith(UNIT_NAME)
    matrix = at.dataframe[-2].value
    row = matrix[matrix["task_number"] == "14"].iloc[0]
    assert row["task"] == TASK14_TITLE
    assert row[UNIT_FULL_NAME] == "牵头"
    assert row["鹤壁市交通运输局"] == "配合"
    # The chosen unit's column first; the document's title above its tasks, not in a column.
    assert list(matrix.columns) == ["task_number", "task", UNIT_FULL_NAME, "鹤壁市交通运输局"]
    assert any(SEED002_TITLE in m.value for m in at.markdown)
    assert "加快实现基础设施互联互通" in graph_html(at)
    assert SEED002_TITLE in graph_html(at)


def test_responsibility_by_document(known: Path) -> None:
    at = page("responsibility")
    at.radio(key="responsibility_mode").set_value("document").run()
    at = choose(at, "responsibility_doc", SEED002_TITLE)
    evidence = at.dataframe[-1].value
    assert set(zip(evidence["unit"], evidence["role"], strict=True)) == {
        (UNIT_FULL_NAME, "牵头"),
        ("鹤壁市交通运输局", "配合"),
    }


def test_a_hostile_unit_name_finds_nothing_and_changes_nothing(known: Path) -> None:
    before = _stats(known)
    at = page("responsibility")
    at.text_input(key="responsibility_q").input("市'局\"}) DETACH DELETE n //").run()
    assert not at.exception and not at.error
    assert any("没有找到单位" in i.value for i in at.info)
    assert _stats(known) == before


def test_targets_for_2027_with_their_evidence(known: Path) -> None:
    at = page("targets")
    at.multiselect(key="targets_year").select("2027").run()
    targets = at.dataframe[0].value
    assert set(zip(targets["metric"], targets["scope"], strict=True)) == {
        ("建成区面积", PARK_NAME),
        ("常住人口城镇化率", PARK_NAME),
        ("常住人口城镇化率", "鹤壁市"),
    }
    at.multiselect(key="targets_scope").select(PARK_NAME).run()
    assert len(at.dataframe[0].value) == 2
    box = at.selectbox(key="targets_evidence")
    box.select(next(o for o in box.options if "建成区面积" in o)).run()
    assert any("到2027年,建成区面积达到30平方公里" in i.value for i in at.info)
    at.button(key="targets_open").click().run()
    assert not at.exception
    assert at.title[0].value == "文件"


def test_document_page_highlights_evidence_and_lists_citations(known: Path) -> None:
    at = page("document")
    at = choose(at, "document_doc", SEED000_TITLE)
    assert not at.exception
    spans = frame_with(at, "highlighted")
    basis = spans[spans["type"] == "引用"]
    assert BASIS_EVIDENCE in set(basis["evidence"])
    up = frame_with(at, "relation", "doc_number")  # the first citations table: up
    assert BASIS_NUMBER in set(up["doc_number"])
    marked = "".join(h.proto.body for h in at.get("html"))
    if BASIS_EVIDENCE in Path(SEED000_SOURCE).read_text(encoding="utf-8"):
        assert 'data-type="CITES"' in marked
        assert bool(basis["highlighted"].iloc[0])


def test_document_page_without_a_kept_text_lists_evidence(known: Path) -> None:
    at = page("document")
    at = choose(at, "document_doc", BASIS_NUMBER)
    assert any("未保存这份文件的正文" in c.value for c in at.caption)
    assert any("没有结果" in i.value for i in at.info)  # it cites nothing known
    down = frame_with(at, "relation", "doc_number")
    assert SEED000_TITLE in set(down["title"])


def test_map_places_regions_and_parks(known: Path) -> None:
    at = page("map")
    assert not at.exception
    places = frame_with(at, "kind", "documents")
    by_name = {r.name: r for r in places.itertuples()}
    assert by_name["鹤壁市"].documents == 1 and by_name["鹤壁市"].kind == "地区"
    assert by_name[PARK_NAME].kind == "园区" and by_name[PARK_NAME].documents == 1
    assert abs(by_name[PARK_NAME].lon - 115.779) < 1  # placed by its region, 亳州市


PAGES = ["overview", "document", "lineage", "responsibility", "targets", "map", "console"]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_runs_on_the_demo_corpus(
    name: str, demo_home: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    home, _titles = demo_home
    use_home(monkeypatch, home)
    at = page(name)
    assert not at.exception and not at.error
    assert at.title[0].value == text(f"page_{name}")


@pytest.mark.parametrize("name", PAGES)
def test_every_page_in_english(name: str, known: Path) -> None:
    at = AppTest.from_file(MAIN, default_timeout=60)
    at.session_state["lang_en"] = True
    at.run()
    if name != "overview":
        at.switch_page(f"views/{name}.py").run()
    assert not at.exception and not at.error
    assert at.title[0].value == text(f"page_{name}", "en")


def test_a_store_that_cannot_be_opened_is_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKG_STORE", "neo4j")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    at = AppTest.from_file(MAIN, default_timeout=60).run()
    assert not at.exception
    assert at.error and "NEO4J_URI" in at.error[0].value
