"""The map and the overview's timeline as drawn (issue 13): the data each chart is given."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
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


def chart(name: str) -> tuple[dict[str, Any], list[pd.DataFrame]]:
    """The page's one chart: its Vega-Lite spec and the data of each of its layers."""
    at = AppTest.from_file(MAIN, default_timeout=60).run()
    if name != "overview":
        at.switch_page(f"views/{name}.py").run()
    assert not at.exception, at.exception
    (element,) = at.get("vega_lite_chart")
    spec = json.loads(element.proto.spec)
    data = {d.name: pa.ipc.open_stream(d.data.data).read_all().to_pandas()
            for d in element.proto.datasets}  # fmt: skip
    layers = spec.get("layer") or [spec]
    return spec, [data[layer["data"]["name"]] for layer in layers]


def test_the_map_draws_places_with_documents_only(known: Path) -> None:
    spec, (points, names, _texts) = chart("map")
    assert set(points["name"]) == {"鹤壁市", PARK_NAME}  # 亳州市 has none: listed, not drawn
    assert set(points["kind"]) == {"地区", "园区"}
    size = spec["layer"][0]["encoding"]["size"]["legend"]
    assert size["format"] == "d" and size["tickMinStep"] == 1  # no 0.5 份文件
    assert set(names["name"]) <= set(points["name"])


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
