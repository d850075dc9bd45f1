"""The analysis queries and `policykg check` on policy texts loaded through the real pipeline.

tests/fixtures/analysis/ holds eight short texts written for this test: a State Council 意见
(国发〔2024〕9号, 2024-03-15) with R&D-intensity targets; Henan's 实施意见 implementing it
(豫政〔2024〕21号, 2024-05-20), naming 郑州, 洛阳 and 开封; 郑州's plan (2024-07-01) and
洛阳's later one (2025-02-10) implementing Henan's; the 郑州高新区 plan implementing 郑州's,
with a task that names no lead; and a repealed chain: Henan's 意见 on small tech firms
(豫政〔2021〕12号), 新乡's plan implementing it and Henan's 决定 repealing it (豫政〔2023〕30号).
Every expected value below was worked out by reading the texts, not copied from output.
`policykg load` writes them into the real embedded FalkorDB; the queries run through the CLI.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from policykg.settings import Settings
from tests.cli_runner import run_cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "analysis"
DUPLICATE = Path(__file__).resolve().parent / "fixtures" / "analysis_duplicate"

NATIONAL = "国务院关于加快推动科技创新引领产业升级的意见"
HENAN = "河南省人民政府关于加快推动科技创新引领产业升级的实施意见"
ZHENGZHOU = "郑州市加快推动科技创新引领产业升级实施方案"
LUOYANG = "洛阳市加快推动科技创新引领产业升级实施方案"
PARK = "郑州高新技术产业开发区加快推动科技创新引领产业升级行动计划"
PARK_NAME = "郑州高新技术产业开发区"
SMES = "河南省人民政府关于支持科技型中小企业发展的意见"
XINXIANG = "新乡市支持科技型中小企业发展实施方案"
PLAN_2021 = "河南省“十四五”科技创新和一流创新生态建设规划"

Rows = list[dict[str, Any]]


def _load(settings: Settings, folder: Path) -> None:
    loaded = run_cli(settings.home, settings.graph_name, "load", str(folder))
    assert loaded.code == 0, loaded.stderr


def _run(settings: Settings, name: str, **params: str) -> Rows:
    args = [a for key, value in params.items() for a in ("-p", f"{key}={value}")]
    result = run_cli(settings.home, settings.graph_name, "run", name, *args, "--format", "json")
    assert result.code == 0, result.stderr
    rows: Rows = json.loads(result.stdout)
    return rows


@pytest.fixture
def corpus(settings: Settings, store: object) -> Settings:
    """The eight texts loaded with `policykg load` into a fresh graph."""
    _load(settings, FIXTURES)
    return settings


def test_every_text_loads_with_its_level_and_date(corpus: Settings) -> None:
    rows = _run(corpus, "documents")
    loaded = {(r["title"], r["doc_number"], r["date"], r["level"]) for r in rows if not r["stub"]}
    assert loaded == {
        (NATIONAL, "国发〔2024〕9号", "2024-03-15", "national"),
        (HENAN, "豫政〔2024〕21号", "2024-05-20", "provincial"),
        (ZHENGZHOU, "郑政〔2024〕12号", "2024-07-01", "city"),
        (LUOYANG, "洛政〔2025〕3号", "2025-02-10", "city"),
        (PARK, "郑高管〔2024〕15号", "2024-09-10", "park"),
        (SMES, "豫政〔2021〕12号", "2021-04-08", "provincial"),
        # 新政 is 新疆's code, but the page names 新乡市人民政府 as the issuer.
        (XINXIANG, "新政〔2021〕20号", "2021-07-15", "city"),
        ("河南省人民政府关于废止部分省政府规范性文件的决定", "豫政〔2023〕30号", "2023-10-12",
         "provincial"),
    }  # fmt: skip


def test_broken_chains_names_the_plan_resting_on_the_repealed_opinion(corpus: Settings) -> None:
    rows = _run(corpus, "broken_chains")
    broken = [r for r in rows if r["problem"] == "broken"]
    assert [
        (r["document"], r["date"], r["chain"], r["relations"], r["cited_doc_number"])
        for r in broken
    ] == [
        (XINXIANG, "2021-07-15", ["新政〔2021〕20号", "豫政〔2021〕12号"], ["implements"],
         "豫政〔2021〕12号"),
    ]  # fmt: skip
    assert broken[0]["superseded"] == ["repeals: 豫政〔2023〕30号 2023-10-12"]
    # Cited by Henan's 实施意见 and by 郑州's plan, loaded by neither: the one to fetch next.
    missing = [r for r in rows if r["problem"] == "not loaded"]
    assert [(r["cited_doc_number"], r["cited"], r["citations"], sorted(r["cited_by"])) for r in missing] == [
        ("豫政〔2021〕58号", PLAN_2021, 2, sorted([HENAN, ZHENGZHOU])),
    ]  # fmt: skip


def _coverage(rows: Rows) -> list[tuple[Any, ...]]:
    return [
        (r["region"], r["level"], r["covered"], sorted(r["documents"]), r["days_after"])
        for r in rows
    ]


def test_coverage_of_the_provincial_opinion_finds_the_late_city_and_the_city_without(
    corpus: Settings,
) -> None:
    # 2024-05-20 → 2024-07-01 is 42 days; → 2025-02-10 is 266. 开封 is named, has no plan;
    # 新乡's plan implements another document.
    assert _coverage(_run(corpus, "coverage", doc="豫政〔2024〕21号")) == [
        ("郑州市", "city", True, sorted([ZHENGZHOU, PARK]), 42),
        ("洛阳市", "city", True, [LUOYANG], 266),
        ("开封市", "city", False, [], None),
        ("新乡市", "city", False, [], None),
    ]


def test_coverage_of_the_national_opinion_runs_through_the_province(corpus: Settings) -> None:
    # The cities' plans cite only Henan's 实施意见; coverage follows the chain up to 国发.
    assert _coverage(_run(corpus, "coverage", doc="国发〔2024〕9号")) == [
        ("河南省", "province", True, [HENAN], 66),
        ("郑州市", "city", True, sorted([ZHENGZHOU, PARK]), 108),
        ("洛阳市", "city", True, [LUOYANG], 332),
        ("开封市", "city", False, [], None),
        ("新乡市", "city", False, [], None),
    ]


def test_coverage_by_part_of_a_title(corpus: Settings) -> None:
    rows = _run(corpus, "coverage", doc="支持科技型中小企业发展的意见")
    assert [(r["region"], r["covered"], r["days_after"]) for r in rows if r["covered"]] == [
        ("新乡市", True, 98)  # 2021-04-08 → 2021-07-15
    ]


def _cascade(rows: Rows) -> list[tuple[Any, ...]]:
    return [
        (r["level"], r["scope"], r["value"], r["above_scope"], r["above_value"], r["flag"])
        for r in rows
    ]


def test_target_cascade_flags_the_less_ambitious_city(corpus: Settings) -> None:
    rows = _run(corpus, "target_cascade", metric="研发经费投入强度", year="2025")
    assert _cascade(rows) == [
        ("national", "全国", 2.5, None, None, None),
        ("province", "河南省", 2.6, "全国", 2.5, None),
        ("city", "洛阳市", 2.4, "河南省", 2.6, "less ambitious"),
        ("city", "郑州市", 3.0, "河南省", 2.6, None),
        ("park", PARK_NAME, 6.0, "郑州市", 3.0, None),
    ]
    assert {r["unit"] for r in rows} == {"%"}
    luoyang = next(r for r in rows if r["scope"] == "洛阳市")
    assert luoyang["ratio"] == pytest.approx(2.4 / 2.6)
    assert luoyang["document"] == LUOYANG


def test_target_cascade_of_2027_has_no_city_below_its_province(corpus: Settings) -> None:
    rows = _run(corpus, "target_cascade", metric="研发经费投入强度", year="2027")
    assert _cascade(rows) == [
        ("national", "全国", 2.8, None, None, None),
        ("province", "河南省", 2.9, "全国", 2.8, None),
        ("city", "郑州市", 3.3, "河南省", 2.9, None),
        ("park", PARK_NAME, 6.5, "郑州市", 3.3, None),
    ]


def test_diffusion_orders_the_cities_that_share_a_source(corpus: Settings) -> None:
    rows = _run(corpus, "diffusion", doc="郑政〔2024〕12号")
    # Henan's 实施意见 shares the cited 十四五 plan, 洛阳's plan shares Henan's 实施意见;
    # the park's plan (a 计划) and the national 意见 share no source and are of other kinds.
    assert [
        (r["document"], r["this"], r["shared_citations"], r["days_from_doc"]) for r in rows
    ] == [
        (HENAN, False, 1, -42),
        (ZHENGZHOU, True, 0, 0),
        (LUOYANG, False, 1, 224),
    ]


def test_check_fails_on_the_park_task_without_a_lead(corpus: Settings) -> None:
    result = run_cli(corpus.home, corpus.graph_name, "check", "--json")
    assert result.code == 1, result.stderr
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert sorted(name for name, c in checks.items() if not c["ok"]) == ["tasks_have_lead"]
    lead = checks["tasks_have_lead"]
    assert lead["count"] == 1
    [example] = lead["examples"]
    assert example["document"] == PARK
    assert "完善创新生态" in example["item"] and "营造良好创新氛围" in example["evidence"]


def test_three_texts_a_plan_its_opinion_and_the_repeal(settings: Settings, store: object,
                                                       tmp_path: Path) -> None:  # fmt: skip
    """The issue's minimal corpus: the city plan is broken, and it covers its city."""
    folder = tmp_path / "three"
    folder.mkdir()
    for name in ("06_henan_smes.txt", "07_xinxiang.txt", "08_henan_repeal.txt"):
        shutil.copy(FIXTURES / name, folder / name)
    _load(settings, folder)
    broken = [r["document"] for r in _run(settings, "broken_chains") if r["problem"] == "broken"]
    assert broken == [XINXIANG]
    covered = [
        r["region"] for r in _run(settings, "coverage", doc="豫政〔2021〕12号") if r["covered"]
    ]
    assert covered == ["新乡市"]


def test_a_duplicated_doc_number_is_reported_and_loses_nothing(corpus: Settings) -> None:
    _load(corpus, DUPLICATE)  # 郑州市促进科技成果转化若干措施, printed with 郑政〔2024〕12号
    result = run_cli(corpus.home, corpus.graph_name, "check", "--json")
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert checks["doc_numbers_unique"]["count"] == 1
    # Both files named, the one loaded first (it holds the 文号 as its id) first.
    [example] = checks["doc_numbers_unique"]["examples"]
    assert (example["item"], example["document"]) == ("郑政〔2024〕12号", ZHENGZHOU)
    assert example["evidence"] == [
        f"{ZHENGZHOU} — {FIXTURES / '03_zhengzhou.txt'}",
        f"郑州市促进科技成果转化若干措施 — {DUPLICATE / '09_zhengzhou_duplicate.txt'}",
    ]
    printed = run_cli(corpus.home, corpus.graph_name, "check").stdout
    for evidence in example["evidence"]:
        assert f"evidence: {evidence}\n" in printed  # one line each
    covered = _run(corpus, "coverage", doc="豫政〔2024〕21号")
    assert ZHENGZHOU in next(r for r in covered if r["region"] == "郑州市")["documents"]
