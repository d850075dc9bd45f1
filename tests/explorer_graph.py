"""A small known graph for the explorer tests, written through the real batched writer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from policykg.app.loading import load_files
from policykg.app.text_search import index_texts
from policykg.app.texts import StoredText, save_text, stored_text, texts_dir
from policykg.graph import open_store
from policykg.graph.embedded import stop_server
from policykg.graph.store import Store
from policykg.graph.writer import write_records
from policykg.loaders import parse
from policykg.loaders.extract.sentences import halfwidth
from policykg.ontology import NodeRecord, RelationshipRecord, node_id
from policykg.ontology.schema import RELATIONSHIPS
from policykg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

BASIS_NUMBER = "皖办发〔2024〕11号"
BASIS_ID = node_id("Document", BASIS_NUMBER)
BASIS_TITLE = (
    "中共安徽省委办公厅、安徽省人民政府办公厅"
    "关于完善城市功能提升城市品质增强城市发展活力和竞争力的意见"
)
SEED000_ID = node_id("Document", "亳州高新区城市功能品质活力提升实施意见")
SEED000_TITLE = "亳州高新区城市功能品质活力提升实施意见"
SEED000_SOURCE = str(ROOT / "demo" / "000_489f1b475697ca2a.txt")
CITY_PLAN_ID = node_id("Document", "亳政秘〔2024〕58号")
CITY_PLAN_TITLE = "亳州市城市功能品质活力提升2024工作要点"
SEED002_ID = node_id("Document", "关于推进三区协同打造高质量发展样板区的若干意见")
SEED002_TITLE = "关于推进“三区”协同打造高质量发展样板区的若干意见"
SEED002_SOURCE = str(ROOT / "demo" / "002_93a20f831e1b95f8.txt")
HENAN_ID = node_id("Document", "豫政〔2019〕19号")
HENAN_TITLE = "河南省人民政府关于支持鹤壁市建设高质量发展城市的指导意见"
TASK14_ID = node_id("Task", f"{SEED002_ID}#14")
TASK14_TITLE = "加快实现基础设施互联互通"
UNIT_ID = node_id("Unit", "410600/市城市管理局")
UNIT_NAME = "市城市管理局"
UNIT_FULL_NAME = "鹤壁市城市管理局"
SUPPORT_UNIT_NAME = "市交通运输局"
PARK_ID = node_id("Park", "341600/亳州高新区")
PARK_NAME = "亳州高新区"
HEBI_ID = node_id("Region", "410600")
BOZHOU_ID = node_id("Region", "341600")
TASK14_EVIDENCE = "加快实现基础设施互联互通。由市城市管理局牵头统筹,以淇滨区为核心"
# Verbatim from seed 000, so the Document page can find and highlight it.
BASIS_EVIDENCE = (
    "根据《中共安徽省委办公厅、安徽省人民政府办公厅关于完善城市功能提升城市品质增强城市发展"
    "活力和竞争力的意见》(皖办发〔2024〕11号)"
)


# The known graph's targets are invented: (position, metric, value, unit, scope, its label,
# document, sentence). Their sentences are kept after the document's text (known_texts).
TARGETS = [
    (
        "1",
        "建成区面积",
        30.0,
        "平方公里",
        PARK_ID,
        "Park",
        SEED000_ID,
        "到2027年,建成区面积达到30平方公里",
    ),
    (
        "2",
        "常住人口城镇化率",
        75.0,
        "%",
        PARK_ID,
        "Park",
        SEED000_ID,
        "到2027年,常住人口城镇化率达到75%",
    ),
    (
        "3",
        "常住人口城镇化率",
        70.0,
        "%",
        HEBI_ID,
        "Region",
        SEED002_ID,
        "到2027年,全市常住人口城镇化率达到70%",
    ),
]


@cache
def known_texts() -> dict[str, StoredText]:
    """The texts `load` would keep for the two loaded documents of the known graph, each with
    its invented targets' sentences on lines of their own at the end: a Target keeps only the
    offsets of its sentence in the saved text, as a load writes it."""
    texts = {}
    for doc_id, source in ((SEED000_ID, SEED000_SOURCE), (SEED002_ID, SEED002_SOURCE)):
        kept = stored_text(doc_id, parse(Path(source)))
        sentences = [t[-1] for t in TARGETS if t[-2] == doc_id]
        texts[doc_id] = replace(kept, text="\n".join([kept.text.rstrip("\n"), *sentences]) + "\n")
    return texts


def _doc(doc_id: str, title: str, **props: object) -> NodeRecord:
    return NodeRecord("Document", doc_id, {"name": title, "title": title, **props})  # type: ignore[dict-item]


def _rel(
    rtype: str,
    start: tuple[str, str],
    end: tuple[str, str],
    doc: str,
    evidence: str,
    **props: object,
) -> RelationshipRecord:
    quoted: dict[str, object] = {}
    kept = known_texts().get(doc)
    if kept is not None and "evidence_start" in RELATIONSHIPS[rtype].property_names:
        # A sentence of the document's text: the extraction gives its offsets too, and the
        # graph keeps those alone (readers take the sentence from the saved text).
        found = halfwidth(kept.text).find(evidence)
        if found >= 0:
            quoted = {"evidence_start": found, "evidence_end": found + len(evidence)}
    return RelationshipRecord(
        rtype,
        start[0],
        start[1],
        end[0],
        end[1],
        {"doc": doc, "evidence": evidence, **quoted, **props},  # type: ignore[dict-item]
    )


def known_records() -> tuple[list[NodeRecord], list[RelationshipRecord]]:
    """Nodes and relationships shaped as the extraction will write them."""
    nodes = [
        _doc(
            SEED000_ID,
            SEED000_TITLE,
            date="2024-10-16",
            kind="实施意见",
            status="有效",
            level="park",
            issuer="安徽亳州高新技术产业开发区管理委员会",
            source=SEED000_SOURCE,
            stub=False,
        ),
        _doc(
            BASIS_ID,
            BASIS_TITLE,
            doc_number=BASIS_NUMBER,
            level="provincial",
            stub=True,
            date="2024-05-20",
            kind="意见",
        ),
        _doc(
            CITY_PLAN_ID,
            CITY_PLAN_TITLE,
            doc_number="亳政秘〔2024〕58号",
            level="city",
            stub=True,
            kind="工作要点",
        ),
        _doc(
            SEED002_ID,
            SEED002_TITLE,
            date="2021-02-07",
            kind="意见",
            status="有效",
            level="city",
            issuer="鹤壁市人民政府",
            source=SEED002_SOURCE,
            stub=False,
        ),
        _doc(
            HENAN_ID,
            HENAN_TITLE,
            doc_number="豫政〔2019〕19号",
            level="provincial",
            stub=True,
            date="2019-06-01",
            kind="意见",
        ),
        NodeRecord(
            "Region",
            HEBI_ID,
            {"name": "鹤壁市", "adcode": "410600", "level": "city", "lon": 114.297, "lat": 35.748},
        ),
        NodeRecord(
            "Region",
            BOZHOU_ID,
            {"name": "亳州市", "adcode": "341600", "level": "city", "lon": 115.779, "lat": 33.845},
        ),
        NodeRecord(
            "Park",
            PARK_ID,
            {
                "name": PARK_NAME,
                "kind": "高新区",
                "level": "provincial",
                "aliases": ["亳州高新技术产业开发区"],
            },
        ),
        NodeRecord(
            "Task",
            TASK14_ID,
            {
                "name": TASK14_TITLE,
                "number": "14",
                "title": TASK14_TITLE,
                "section": "三、基础设施协同",
                "text": TASK14_EVIDENCE,
            },
        ),
        NodeRecord(
            "Unit", UNIT_ID, {"name": UNIT_NAME, "full_name": UNIT_FULL_NAME, "kind": "department"}
        ),
        NodeRecord(
            "Unit",
            node_id("Unit", "410600/市交通运输局"),
            {"name": SUPPORT_UNIT_NAME, "full_name": "鹤壁市交通运输局", "kind": "department"},
        ),
    ]
    rels = [
        _rel(
            "CITES",
            ("Document", SEED000_ID),
            ("Document", BASIS_ID),
            SEED000_ID,
            BASIS_EVIDENCE,
            relation="basis",
        ),
        _rel(
            "CITES",
            ("Document", SEED000_ID),
            ("Document", CITY_PLAN_ID),
            SEED000_ID,
            BASIS_EVIDENCE,
            relation="basis",
        ),
        _rel(
            "CITES",
            ("Document", CITY_PLAN_ID),
            ("Document", BASIS_ID),
            CITY_PLAN_ID,
            "贯彻落实皖办发〔2024〕11号",
            relation="implements",
        ),
        _rel(
            "CITES",
            ("Document", SEED002_ID),
            ("Document", HENAN_ID),
            SEED002_ID,
            "为贯彻落实《河南省人民政府关于支持鹤壁市建设高质量发展城市的指导意见》(豫政〔2019〕19号)",
            relation="implements",
        ),
        _rel(
            "HAS_TASK", ("Document", SEED002_ID), ("Task", TASK14_ID), SEED002_ID, TASK14_EVIDENCE
        ),
        _rel("LED_BY", ("Task", TASK14_ID), ("Unit", UNIT_ID), SEED002_ID, TASK14_EVIDENCE),
        _rel(
            "SUPPORTED_BY",
            ("Task", TASK14_ID),
            ("Unit", node_id("Unit", "410600/市交通运输局")),
            SEED002_ID,
            TASK14_EVIDENCE,
        ),
        _rel("APPLIES_TO", ("Document", SEED000_ID), ("Park", PARK_ID), SEED000_ID, SEED000_TITLE),
        _rel(
            "APPLIES_TO", ("Document", SEED002_ID), ("Region", HEBI_ID), SEED002_ID, SEED002_TITLE
        ),
        RelationshipRecord("LOCATED_IN", "Park", PARK_ID, "Region", BOZHOU_ID),
        RelationshipRecord("BELONGS_TO", "Unit", UNIT_ID, "Region", HEBI_ID),
    ]
    for position, metric, value, unit, scope, scope_label, doc, text in TARGETS:
        target_id = node_id("Target", f"{doc}#{position}")
        start = known_texts()[doc].text.index(text)
        nodes.append(
            NodeRecord(
                "Target",
                target_id,
                {
                    "name": f"{metric} {value:g}{unit}",
                    "metric": metric,
                    "value": value,
                    "unit": unit,
                    "comparator": ">=",
                    "year": 2027,
                    "text": text,
                    "start": start,
                    "end": start + len(text),
                },
            )
        )
        rels.append(_rel("SETS_TARGET", ("Document", doc), ("Target", target_id), doc, text))
        rels.append(_rel("FOR", ("Target", target_id), (scope_label, scope), doc, text))
    return nodes, rels


def write_known_graph(store: Store) -> None:
    """Write the known graph into a store."""
    nodes, rels = known_records()
    write_records(store, nodes, rels, batch_size=50)


def keep_known_texts(home: Path) -> None:
    """The texts `load` would keep for the two loaded documents of the known graph."""
    for doc_id, source in ((SEED000_ID, SEED000_SOURCE), (SEED002_ID, SEED002_SOURCE)):
        text = known_texts()[doc_id]
        save_text(texts_dir(home), text)
        index_texts(texts_dir(home), [(text, parse(Path(source)).metadata.title or "")])


@contextmanager
def store_at(home: Path) -> Iterator[Store]:
    """The real embedded store under home, stopped afterwards."""
    store = open_store(Settings.from_env(env={}, home=home))
    try:
        store.ensure_schema()
        yield store
    finally:
        store.close()
        stop_server(home)


@pytest.fixture(scope="module")
def known_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory whose graph is the known graph."""
    home = tmp_path_factory.mktemp("known")
    with store_at(home) as store:
        write_known_graph(store)
        keep_known_texts(home)
        yield home


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[str]]]:
    """A data directory loaded from demo/ by the current pipeline, and the titles it read."""
    home = tmp_path_factory.mktemp("demo")
    with store_at(home) as store:
        files = sorted((ROOT / "demo").glob("*.txt"))
        report = load_files(store, files, batch_size=200, texts=texts_dir(home))
        titles = [f.title for f in report.loaded if f.title]
        yield home, titles


def use_home(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """Point the explorer (which reads the environment) at a data directory."""
    monkeypatch.setenv("POLICYKG_HOME", str(home))
    monkeypatch.delenv("POLICYKG_STORE", raising=False)
    monkeypatch.delenv("POLICYKG_GRAPH", raising=False)
    monkeypatch.delenv("POLICYKG_QUERY_TIMEOUT_MS", raising=False)
