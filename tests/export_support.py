"""Shared by the export tests: a fresh embedded store and a graph touching every type."""

from __future__ import annotations

from pathlib import Path

from policykg.graph import Store, open_store
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord, RelationshipRecord
from policykg.settings import Settings

REPO = Path(__file__).resolve().parent.parent


def open_graph(home: Path, graph_name: str) -> Store:
    """A graph of its own, emptied, on the embedded server of home (the caller closes it)."""
    store = open_store(Settings.from_env(env={}, home=home, graph_name=graph_name))
    store.clear()
    store.ensure_schema()
    return store


DOC = "doc:皖政〔2024〕11号"
CITED = "doc:国发〔2023〕5号"
REGION = "region:341600"
PROVINCE = "region:340000"
PARK = "park:341600:亳州高新技术产业开发区"
UNIT = "unit:341600:市发展改革委"
INDUSTRY = "industry:现代中药"
TASK = f"task:{DOC}:3.1"
TARGET = f"target:{DOC}:2"
EVIDENCE = '根据《国务院关于…的意见》（国发〔2023〕5号），结合"我市"实际\n制定本方案。'


def sample_records() -> tuple[list[NodeRecord], list[RelationshipRecord]]:
    """Every label and relationship type, with quotes, newlines, lists and numbers."""
    nodes = [
        NodeRecord(
            "Document",
            DOC,
            {
                "name": "亳州市关于推进现代中药产业发展的实施方案",
                "title": "关于推进现代中药产业发展的实施方案",
                "doc_number": "皖政〔2024〕11号",
                "issuer": "亳州市人民政府",
                "date": "2024-03-01",
                "kind": "实施方案",
                "status": "有效",
                "source": "demo/x.txt",
                "stub": False,
            },
        ),
        NodeRecord(
            "Document",
            CITED,
            {
                "name": "国务院关于…的意见",
                "doc_number": "国发〔2023〕5号",
                "stub": True,
            },
        ),
        NodeRecord(
            "Region",
            REGION,
            {
                "name": "亳州市",
                "adcode": "341600",
                "level": "city",
                "lon": 115.778513,
                "lat": 33.844614,
            },
        ),
        NodeRecord("Region", PROVINCE, {"name": "安徽省", "adcode": "340000", "level": "province"}),
        NodeRecord(
            "Park",
            PARK,
            {
                "name": "亳州高新技术产业开发区",
                "kind": "高新区",
                "level": "provincial",
                "aliases": ["亳州高新区", '高新区,"北区"'],
            },
        ),
        NodeRecord(
            "Unit",
            UNIT,
            {
                "name": "市发展改革委",
                "full_name": "亳州市发展和改革委员会",
                "kind": "department",
            },
        ),
        NodeRecord("Industry", INDUSTRY, {"name": "现代中药"}),
        NodeRecord(
            "Task",
            TASK,
            {
                "name": "(一) 壮大中药材种植",
                "number": "(一)",
                "title": "壮大中药材种植",
                "section": "三、重点任务 > (一)",
                "text": "到2027年，中药材种植面积达到120万亩。\\ 反斜杠 'x'",
            },
        ),
        NodeRecord(
            "Target",
            TARGET,
            {
                "name": "中药材种植面积 >= 120 万亩 (2027)",
                "metric": "中药材种植面积",
                "value": 120,
                "unit": "万亩",
                "comparator": ">=",
                "year": 2027,
                "baseline": 98.5,
                "text": "中药材种植面积达到120万亩",
            },
        ),
    ]
    prov = {"doc": DOC, "evidence": EVIDENCE}
    rels = [
        RelationshipRecord(
            "CITES", "Document", DOC, "Document", CITED, {**prov, "relation": "basis"}
        ),
        RelationshipRecord(
            "CITES", "Document", DOC, "Document", CITED, {**prov, "relation": "implements"}
        ),
        RelationshipRecord("ISSUED_BY", "Document", DOC, "Unit", UNIT, prov),
        RelationshipRecord("APPLIES_TO", "Document", DOC, "Region", REGION, prov),
        RelationshipRecord("MENTIONS", "Document", DOC, "Park", PARK, {"doc": DOC}),
        RelationshipRecord(
            "PROMOTES", "Document", DOC, "Industry", INDUSTRY, {**prov, "role": "leading"}
        ),
        RelationshipRecord("HAS_TASK", "Document", DOC, "Task", TASK, prov),
        RelationshipRecord("LED_BY", "Task", TASK, "Unit", UNIT, prov),
        RelationshipRecord("SUPPORTED_BY", "Task", TASK, "Park", PARK, prov),
        RelationshipRecord("SETS_TARGET", "Document", DOC, "Target", TARGET, prov),
        RelationshipRecord("FOR", "Target", TARGET, "Region", REGION, prov),
        RelationshipRecord("LOCATED_IN", "Park", PARK, "Region", REGION),
        RelationshipRecord("PART_OF", "Region", REGION, "Region", PROVINCE),
        RelationshipRecord("BELONGS_TO", "Unit", UNIT, "Region", REGION),
    ]
    return nodes, rels


def load_sample(store: Store) -> None:
    """Write the sample graph into store."""
    nodes, rels = sample_records()
    write_records(store, nodes, rels, batch_size=3)
