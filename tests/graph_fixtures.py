"""A small known graph, written through the real writer, for query and store tests."""

from __future__ import annotations

from policykg.graph.store import Store
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord, RelationshipRecord, node_id

BOZHOU_DOC = node_id("Document", "亳州高新区城市功能品质活力提升实施意见")
ANHUI_DOC = node_id("Document", "皖办发〔2024〕11号")
STATE_DOC = node_id("Document", "国发〔2022〕1号")
HEBI_DOC = node_id("Document", "鹤壁市关于推进三区协同打造高质量发展样板区的若干意见")
HEBI_TASK = node_id("Task", f"{HEBI_DOC}#2.4.14")
HEBI_UNIT = node_id("Unit", "410600:市城市管理局")
HEBI_SUPPORT = node_id("Unit", "410600:市发展改革委")
BOZHOU_PARK = node_id("Park", "341600:亳州高新区")
BOZHOU = node_id("Region", "341600")
ANHUI = node_id("Region", "340000")
TARGET_GDP = node_id("Target", f"{BOZHOU_DOC}#1")
TARGET_FIRMS = node_id("Target", f"{BOZHOU_DOC}#2")
EV = node_id("Industry", "新能源汽车及零部件")
TCM = node_id("Industry", "现代中药")

EVIDENCE = "根据《中共安徽省委办公厅、安徽省人民政府办公厅关于完善城市功能…的意见》(皖办发〔2024〕11号)要求"


def _rel(
    rtype: str, start: tuple[str, str], end: tuple[str, str], doc: str, **props: object
) -> RelationshipRecord:
    return RelationshipRecord(
        rtype, start[0], start[1], end[0], end[1], {"doc": doc, "evidence": EVIDENCE, **props}
    )  # type: ignore[arg-type]


def known_graph() -> tuple[list[NodeRecord], list[RelationshipRecord]]:
    """Nodes and relationships of a few documents with lineage, tasks, targets and industries."""
    d = "Document"
    nodes = [
        NodeRecord(
            d,
            BOZHOU_DOC,
            {
                "name": "亳州高新区城市功能品质活力提升实施意见",
                "title": "亳州高新区城市功能品质活力提升实施意见",
                "date": "2024-10-16",
                "level": "park",
                "kind": "实施意见",
                "stub": False,
                "source": "demo/000.txt",
            },
        ),
        NodeRecord(
            d,
            ANHUI_DOC,
            {
                "name": "关于完善城市功能提升城市品质增强城市发展活力和竞争力的意见",
                "title": "关于完善城市功能提升城市品质增强城市发展活力和竞争力的意见",
                "doc_number": "皖办发〔2024〕11号",
                "level": "provincial",
                "stub": True,
            },
            weak=True,
        ),
        NodeRecord(
            d,
            STATE_DOC,
            {
                "name": "国务院文件",
                "title": "国务院文件",
                "doc_number": "国发〔2022〕1号",
                "level": "national",
                "stub": True,
            },
            weak=True,
        ),
        NodeRecord(
            d,
            HEBI_DOC,
            {
                "name": "关于推进“三区”协同打造高质量发展样板区的若干意见",
                "title": "关于推进“三区”协同打造高质量发展样板区的若干意见",
                "date": "2021-02-07",
                "level": "city",
                "stub": False,
            },
        ),
        NodeRecord(
            "Task",
            HEBI_TASK,
            {
                "name": "加快实现基础设施互联互通",
                "number": "14",
                "title": "加快实现基础设施互联互通",
                "section": "二、明确协同任务 > (四)",
                "text": "由市城市管理局牵头",
            },
        ),
        NodeRecord(
            "Unit",
            HEBI_UNIT,
            {"name": "市城市管理局", "full_name": "鹤壁市城市管理局", "kind": "department"},
        ),
        NodeRecord(
            "Unit",
            HEBI_SUPPORT,
            {"name": "市发展改革委", "full_name": "鹤壁市发展改革委", "kind": "department"},
        ),
        NodeRecord(
            "Region",
            BOZHOU,
            {"name": "亳州市", "adcode": "341600", "level": "city", "lon": 115.78, "lat": 33.84},
        ),
        NodeRecord("Region", ANHUI, {"name": "安徽省", "adcode": "340000", "level": "province"}),
        NodeRecord(
            "Park",
            BOZHOU_PARK,
            {
                "name": "亳州高新区",
                "kind": "高新区",
                "aliases": ["亳州高新区", "亳州高新技术产业开发区"],
            },
        ),
        NodeRecord(
            "Target",
            TARGET_GDP,
            {
                "name": "地区生产总值突破400亿元",
                "metric": "地区生产总值",
                "value": 400.0,
                "unit": "亿元",
                "comparator": ">=",
                "year": 2027,
                "text": "到2027年地区生产总值突破400亿元",
            },
        ),
        NodeRecord(
            "Target",
            TARGET_FIRMS,
            {
                "name": "高新技术企业超过100家",
                "metric": "高新技术企业",
                "value": 100.0,
                "unit": "家",
                "comparator": ">",
                "year": 2025,
                "text": "到2025年高新技术企业超过100家",
            },
        ),
        NodeRecord("Industry", EV, {"name": "新能源汽车及零部件"}),
        NodeRecord("Industry", TCM, {"name": "现代中药"}),
    ]
    rels = [
        _rel("CITES", (d, BOZHOU_DOC), (d, ANHUI_DOC), BOZHOU_DOC, relation="basis"),
        _rel("CITES", (d, ANHUI_DOC), (d, STATE_DOC), ANHUI_DOC, relation="implements"),
        _rel("CITES", (d, HEBI_DOC), (d, STATE_DOC), HEBI_DOC, relation="reference"),
        _rel("HAS_TASK", (d, HEBI_DOC), ("Task", HEBI_TASK), HEBI_DOC),
        _rel("LED_BY", ("Task", HEBI_TASK), ("Unit", HEBI_UNIT), HEBI_DOC),
        _rel("SUPPORTED_BY", ("Task", HEBI_TASK), ("Unit", HEBI_SUPPORT), HEBI_DOC),
        _rel("SETS_TARGET", (d, BOZHOU_DOC), ("Target", TARGET_GDP), BOZHOU_DOC),
        _rel("SETS_TARGET", (d, BOZHOU_DOC), ("Target", TARGET_FIRMS), BOZHOU_DOC),
        _rel("FOR", ("Target", TARGET_GDP), ("Park", BOZHOU_PARK), BOZHOU_DOC),
        _rel("FOR", ("Target", TARGET_FIRMS), ("Park", BOZHOU_PARK), BOZHOU_DOC),
        _rel("APPLIES_TO", (d, BOZHOU_DOC), ("Park", BOZHOU_PARK), BOZHOU_DOC),
        _rel("PROMOTES", (d, BOZHOU_DOC), ("Industry", EV), BOZHOU_DOC, role="leading"),
        _rel("PROMOTES", (d, BOZHOU_DOC), ("Industry", TCM), BOZHOU_DOC, role="featured"),
        RelationshipRecord("LOCATED_IN", "Park", BOZHOU_PARK, "Region", BOZHOU),
        RelationshipRecord("PART_OF", "Region", BOZHOU, "Region", ANHUI),
    ]
    return nodes, rels


def write_known_graph(store: Store) -> None:
    """Write the known graph into store."""
    nodes, rels = known_graph()
    write_records(store, nodes, rels, batch_size=3)


def whole_graph(store: Store) -> tuple[list[str], list[str]]:
    """Every node and relationship with all properties, in a stable order (to compare graphs)."""
    nodes = store.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props").rows
    rels = store.read(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props"
    ).rows
    return sorted(map(repr, nodes)), sorted(map(repr, rels))
