"""One language at a time (issue 13): no English in the Chinese interface, the choice in the URL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from policykg.app.explorer.i18n import CHECKS, QUERY_DESCRIPTIONS, text
from policykg.app.explorer.questions import console_queries
from policykg.queries.graph_checks import SHACL_CHECK, graph_checks
from tests import explorer_graph
from tests.explorer_graph import BASIS_NUMBER, SEED002_TITLE, use_home

known_home = explorer_graph.known_home
MAIN = str(Path(__file__).resolve().parent.parent / "app" / "explorer" / "main.py")
PAGES = ["overview", "document", "lineage", "responsibility", "targets", "map", "compare",
         "console", "checks"]  # fmt: skip
# Latin words a Chinese page may show: formats, the query language, names of things.
ALLOWED = {"Cypher", "CSV", "PNG", "SVG", "URL", "HTML", "JSON", "LIMIT", "English", "falkordb",
           "CREATE", "MERGE", "SET", "DELETE", "REMOVE"}  # fmt: skip
LATIN = re.compile(r"[A-Za-z]{2,}")
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def known(known_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    use_home(monkeypatch, known_home)
    return known_home


def opened(name: str, lang: str = "zh") -> AppTest:
    at = AppTest.from_file(MAIN, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    if name != "overview":
        at.switch_page(f"views/{name}.py").run()
    assert not at.exception, at.exception
    return at


def interface_text(at: AppTest) -> Iterator[str]:
    """Every piece of interface text on a page: headings, notes, labels, option names."""
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning",
                 "error", "success"):  # fmt: skip
        for element in getattr(at, kind):
            yield str(element.value)
    for kind in ("selectbox", "multiselect", "radio", "text_input", "text_area", "slider",
                 "checkbox", "toggle", "button"):  # fmt: skip
        for widget in getattr(at, kind):
            yield str(widget.label)
    for kind in ("radio",):
        for widget in getattr(at, kind):
            yield from (str(o) for o in widget.options)
    for frame in at.get("iframe"):  # the graph: guides, edge labels, panel text, tooltips
        page = frame.proto.srcdoc
        yield from re.findall(r'"(?:label|title)": "([^"]*)"', page)
        yield from re.findall(r'<(?:em|a id="png"[^>]*)>([^<]*)<', page)


def test_every_named_query_has_a_chinese_description() -> None:
    names = {n.removeprefix("explorer/") for n in console_queries()}
    assert names - set(QUERY_DESCRIPTIONS) == set()
    assert all(HAN.search(d) for d in QUERY_DESCRIPTIONS.values())


def test_every_graph_check_has_a_chinese_name_and_rule() -> None:
    assert {*graph_checks(), SHACL_CHECK} - set(CHECKS) == set()


@pytest.mark.parametrize("name", PAGES)
def test_no_english_word_in_the_chinese_interface(name: str, known: Path) -> None:
    at = opened(name)
    if name == "lineage":
        at.radio(key="lineage_layout").set_value("date").run()
    words = {w for piece in interface_text(at) for w in LATIN.findall(piece)}
    assert words - ALLOWED == set(), name


@pytest.mark.parametrize("name", PAGES)
def test_no_chinese_in_the_english_interface_apart_from_document_data(
    name: str, known: Path
) -> None:
    at = opened(name, "en")
    assert at.title[0].value == text(f"page_{name}", "en")
    pieces = [
        str(e.value)
        for kind in ("title", "subheader", "caption", "warning", "error")  # info quotes documents
        for e in getattr(at, kind)
    ]
    pieces += [str(w.label) for kind in ("selectbox", "radio", "slider", "checkbox", "button")
               for w in getattr(at, kind)]  # fmt: skip
    # 文号 is the term of art in both languages.
    assert [p for p in pieces if HAN.search(p.replace("文号", ""))] == []


def test_the_language_is_kept_in_the_url(known: Path) -> None:
    at = opened("overview", "en")
    assert at.title[0].value == "Overview"
    at.toggle(key="lang_en").set_value(False).run()
    assert at.query_params["lang"] == "zh"
    assert at.title[0].value == "概览"
    at.toggle(key="lang_en").set_value(True).run()
    assert at.query_params["lang"] == "en"


def test_a_syntax_error_is_a_short_chinese_notice_with_the_detail_folded(known: Path) -> None:
    at = opened("console")
    at.text_area(key="console_query").input("MATCH (n RETURN n")
    at.button(key="console_run").click().run()
    assert [e.value for e in at.error] == [text("query_failed")]
    detail = at.expander[-1].code[0].value
    assert "the query failed" in detail  # FalkorDB's own words, for whoever needs them


def test_values_are_named_in_chinese(known: Path) -> None:
    at = opened("lineage")
    box = at.selectbox(key="lineage_doc")
    at = box.select(next(o for o in box.options if BASIS_NUMBER in o)).run()
    steps = at.dataframe[-1].value
    assert set(steps["direction"]) == {"下探"}
    assert set(steps["level"]) <= {"园区", "市级", "省级"}
    at = opened("responsibility")
    at.radio(key="responsibility_mode").set_value("document").run()
    box = at.selectbox(key="responsibility_doc")
    at = box.select(next(o for o in box.options if SEED002_TITLE in o)).run()
    assert set(at.dataframe[-1].value["role"]) == {"牵头", "配合"}
