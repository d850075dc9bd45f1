"""The map and the overview's timeline as drawn (issue 13): the data each chart is given."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from policykg.app.explorer.common import plain
from tests import explorer_graph
from tests.explorer_graph import PARK_NAME, ROOT, use_home

known_home = explorer_graph.known_home
MAIN = str(ROOT / "app" / "explorer" / "main.py")


@pytest.fixture
def known(known_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    use_home(monkeypatch, known_home)
    return known_home


def chart(name: str, **query: str) -> tuple[dict[str, Any], list[Any]]:
    """The page's one chart: its Vega-Lite spec and the data of each of its layers (a
    DataFrame, or the list of GeoJSON features given inline)."""
    at = AppTest.from_file(MAIN, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if name != "overview":
        at.switch_page(f"views/{name}.py").run()
    assert not at.exception, at.exception
    (element,) = at.get("vega_lite_chart")
    spec = json.loads(element.proto.spec)
    data = {d.name: pa.ipc.open_stream(d.data.data).read_all().to_pandas()
            for d in element.proto.datasets}  # fmt: skip
    layers = spec.get("layer") or [spec]
    return spec, [
        data[lr["data"]["name"]] if "name" in lr["data"] else lr["data"]["values"] for lr in layers
    ]


def test_the_map_shades_outlines_and_draws_parks_with_documents_only(known: Path) -> None:
    spec, (outlines, points, _halo, names) = chart("map")
    # The country by province: 河南 (鹤壁's document) and 安徽 (the park's) shaded.
    counts = {f["properties"]["name"]: f["properties"]["documents"] for f in outlines}
    assert len(counts) == 34
    assert {n: c for n, c in counts.items() if c} == {"河南省": 1, "安徽省": 1}
    assert set(names["name"]) == {"河南省", "安徽省"}
    legend = spec["layer"][0]["encoding"]["color"]["condition"]["legend"]
    assert legend["format"] == "d" and legend["tickMinStep"] == 1  # no 0.5 份文件
    # Parks (and counties) as points; 亳州市 and 鹤壁市 are outlines, not points.
    assert set(points["name"]) == {PARK_NAME} and set(points["kind"]) == {"园区"}


def test_the_map_zooms_to_a_province(known: Path) -> None:
    _, (outlines, _points, _halo, names, _park_halo, park_names) = chart("map", province="340000")
    counts = {f["properties"]["name"]: f["properties"]["documents"] for f in outlines}
    assert {n: c for n, c in counts.items() if c} == {"亳州市": 1}
    assert "合肥市" in counts and "鹤壁市" not in counts
    assert set(names["name"]) == {"亳州市"} and set(park_names["name"]) == {PARK_NAME}


def test_the_timeline_counts_documents_per_year_and_level(known: Path) -> None:
    spec, (dated,) = chart("overview")
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "year"
    by_year = dated.groupby("year")["level_name"].apply(sorted).to_dict()
    assert by_year == {"2019": ["省级"], "2021": ["市级"], "2024": ["园区", "省级"]}


@pytest.mark.parametrize(
    "sentence",
    [
        "1. 到2027年,建成区面积达到30平方公里",
        "**重点**任务:[试点](x)、`代码`、# 标题、$x$、a_b_c、7.5%",
        "- 一项\n+ 两项\n> 引文",
    ],
)
def test_evidence_is_quoted_as_printed_not_as_markdown(sentence: str) -> None:
    """What st.info renders (CommonMark) is the sentence itself: no list, emphasis or link."""
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(plain(sentence))
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()
    assert re.findall(r"<(?!/?p>)[^>]+>", rendered) == [], rendered  # only paragraphs
    assert text.split() == sentence.split()
