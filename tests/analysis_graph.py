"""A known graph for the analysis queries and the graph checks, written by the real writer.

By construction (河南省 → 郑州市 → 郑州高新区; 洛阳市 beside 郑州市):
- 国发〔2020〕5号 (national) ← implemented by 豫政〔2021〕10号 (provincial, 2021-01-10) ←
  implemented by the 郑州 plan (2021-03-01, 50 days later) ← basis of the 高新区 plan
  (2021-06-01); 豫政〔2023〕2号 (a 决定) repeals 豫政〔2021〕10号, so both local plans rest on
  a repealed document (broken chains); the 高新区 plan also applies a 征求意见稿.
- 洛阳市 has a plan of the same kind and topic (2021-02-01) that only mentions the national
  document: it moved first (diffusion) but implements nothing (coverage: not covered).
- 地区生产总值增速 2025: national 5 %, province 6 %, city 7 %, park 6.5 % (less ambitious
  than its city); 地区生产总值 2025: city 300 亿元, park 400 亿元 (exceeds its city).
- Two stubs: 豫政办〔2019〕8号 cited twice, 国办发〔2018〕1号 once; both have an issuer.
Every graph check passes on it; tests add one violation at a time.
"""

from __future__ import annotations

from policykg.graph.store import Store
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord, RelationshipRecord, node_id

D = "Document"
NAT_NO, PROV_NO, REPEAL_NO = "国发〔2020〕5号", "豫政〔2021〕10号", "豫政〔2023〕2号"
STUB_NO, CENTRAL_STUB_NO = "豫政办〔2019〕8号", "国办发〔2018〕1号"
NAT_TITLE = "国务院关于推进开发区高质量发展的意见"
PROV_TITLE = "河南省人民政府关于推进开发区高质量发展的意见"
CITY_TITLE = "郑州市推进开发区高质量发展实施方案"
PARK_TITLE = "郑州高新区推进开发区高质量发展实施方案"
LUOYANG_TITLE = "洛阳市推进开发区高质量发展实施方案"
REPEAL_TITLE = "河南省人民政府关于废止部分规范性文件的决定"
DRAFT_TITLE = "郑州高新区企业服务办法(征求意见稿)"

NAT = node_id(D, NAT_NO)
PROV = node_id(D, PROV_NO)
REPEAL = node_id(D, REPEAL_NO)
STUB = node_id(D, STUB_NO)
CENTRAL_STUB = node_id(D, CENTRAL_STUB_NO)
CITY = node_id(D, CITY_TITLE)
PARK_DOC = node_id(D, PARK_TITLE)
LUOYANG_DOC = node_id(D, LUOYANG_TITLE)
DRAFT = node_id(D, DRAFT_TITLE)
HENAN = node_id("Region", "410000")
ZHENGZHOU = node_id("Region", "410100")
LUOYANG = node_id("Region", "410300")
PARK = node_id("Park", "410100:郑州高新区")
STATE_COUNCIL = node_id("Unit", "国务院")
STATE_OFFICE = node_id("Unit", "国务院办公厅")
HENAN_GOV = node_id("Unit", "410000:省政府")
HENAN_OFFICE = node_id("Unit", "410000:省政府办公厅")
ZZ_BUREAU = node_id("Unit", "410100:市发展改革委")
CITIES = node_id("Unit", "410000:各市人民政府")
CITY_TASK = node_id("Task", f"{CITY}#1")


def _doc(doc_id: str, title: str, **props: object) -> NodeRecord:
    stub = bool(props.pop("stub", False))
    return NodeRecord(D, doc_id, {"name": title, "title": title, "stub": stub, **props}, weak=stub)  # type: ignore[arg-type]


def _rel(rtype: str, start: tuple[str, str], end: tuple[str, str], doc: str, **props: object):  # type: ignore[no-untyped-def]
    evidence = props.pop("evidence", f"{rtype} read from the text")
    return RelationshipRecord(
        rtype, start[0], start[1], end[0], end[1], {"doc": doc, "evidence": evidence, **props}
    )  # type: ignore[arg-type]


def _target(
    doc: str, n: int, metric: str, key: str, value: float, unit: str, year: int
) -> NodeRecord:
    return NodeRecord(
        "Target",
        node_id("Target", f"{doc}#{n}"),
        {
            "name": f"{metric}{value}{unit}",
            "metric": metric,
            "metric_key": key,
            "value": value,
            "unit": unit,
            "comparator": ">=",
            "year": year,
            "text": f"到{year}年{metric}达到{value}{unit}",
        },
    )


GROWTH, GDP = "地区生产总值增速", "地区生产总值"
TARGETS: list[tuple[str, int, str, float, str, int, tuple[str, str] | None]] = [
    # (document, position, metric key, value, unit, year, scope)
    (NAT, 1, GROWTH, 5.0, "%", 2025, None),
    (PROV, 1, GROWTH, 6.0, "%", 2025, ("Region", HENAN)),
    (CITY, 1, GROWTH, 7.0, "%", 2025, ("Region", ZHENGZHOU)),
    (CITY, 2, GROWTH, 8.0, "%", 2027, ("Region", ZHENGZHOU)),
    (CITY, 3, GDP, 300.0, "亿元", 2025, ("Region", ZHENGZHOU)),
    (PARK_DOC, 1, GROWTH, 6.5, "%", 2025, ("Park", PARK)),
    (PARK_DOC, 2, GDP, 400.0, "亿元", 2025, ("Park", PARK)),
]


def analysis_graph() -> tuple[list[NodeRecord], list[RelationshipRecord]]:
    """Nodes and relationships of the known graph described in the module docstring."""
    nodes = [
        _doc(
            NAT,
            NAT_TITLE,
            doc_number=NAT_NO,
            date="2020-03-01",
            level="national",
            kind="意见",
            status="有效",
        ),
        _doc(
            PROV,
            PROV_TITLE,
            doc_number=PROV_NO,
            date="2021-01-10",
            level="provincial",
            kind="意见",
            status="有效",
        ),
        _doc(
            REPEAL,
            REPEAL_TITLE,
            doc_number=REPEAL_NO,
            date="2023-05-01",
            level="provincial",
            kind="决定",
            status="有效",
        ),
        _doc(CITY, CITY_TITLE, date="2021-03-01", level="city", kind="实施方案", status="有效"),
        _doc(PARK_DOC, PARK_TITLE, date="2021-06-01", level="park", kind="实施方案", status="有效"),
        _doc(
            LUOYANG_DOC,
            LUOYANG_TITLE,
            date="2021-02-01",
            level="city",
            kind="实施方案",
            status="有效",
        ),
        _doc(DRAFT, DRAFT_TITLE, date="2021-05-01", level="park", kind="办法", status="征求意见稿"),
        _doc(STUB, "河南省开发区管理办法", doc_number=STUB_NO, level="provincial", stub=True),
        _doc(
            CENTRAL_STUB,
            "国务院办公厅关于开发区的通知",
            doc_number=CENTRAL_STUB_NO,
            level="national",
            stub=True,
        ),
        NodeRecord("Region", HENAN, {"name": "河南省", "adcode": "410000", "level": "province"}),
        NodeRecord("Region", ZHENGZHOU, {"name": "郑州市", "adcode": "410100", "level": "city"}),
        NodeRecord("Region", LUOYANG, {"name": "洛阳市", "adcode": "410300", "level": "city"}),
        NodeRecord("Park", PARK, {"name": "郑州高新区", "kind": "高新区", "level": "national"}),
        NodeRecord(
            "Unit", STATE_COUNCIL, {"name": "国务院", "full_name": "国务院", "kind": "government"}
        ),
        NodeRecord(
            "Unit",
            STATE_OFFICE,
            {"name": "国务院办公厅", "full_name": "国务院办公厅", "kind": "government"},
        ),
        NodeRecord(
            "Unit",
            HENAN_GOV,
            {"name": "省政府", "full_name": "河南省人民政府", "kind": "government"},
        ),
        NodeRecord(
            "Unit",
            HENAN_OFFICE,
            {"name": "省政府办公厅", "full_name": "河南省人民政府办公厅", "kind": "government"},
        ),
        NodeRecord(
            "Unit",
            ZZ_BUREAU,
            {"name": "市发展改革委", "full_name": "郑州市发展改革委", "kind": "department"},
        ),
        NodeRecord(
            "Unit",
            CITIES,
            {"name": "各市人民政府", "full_name": "各市人民政府", "kind": "collective"},
        ),
        NodeRecord(
            "Task",
            CITY_TASK,
            {
                "name": "优化开发区布局",
                "number": "1",
                "title": "优化开发区布局",
                "text": "由市发展改革委牵头,各市人民政府配合",
            },
        ),
        *(
            _target(doc, n, key, key, value, unit, year)
            for doc, n, key, value, unit, year, _ in TARGETS
        ),
    ]
    rels = [
        _rel("CITES", (D, PROV), (D, NAT), PROV, relation="implements"),
        _rel("CITES", (D, PROV), (D, CENTRAL_STUB), PROV, relation="reference"),
        _rel("CITES", (D, CITY), (D, PROV), CITY, relation="implements"),
        _rel("CITES", (D, CITY), (D, STUB), CITY, relation="reference"),
        _rel("CITES", (D, PARK_DOC), (D, CITY), PARK_DOC, relation="basis"),
        _rel("CITES", (D, PARK_DOC), (D, STUB), PARK_DOC, relation="reference"),
        _rel("CITES", (D, PARK_DOC), (D, DRAFT), PARK_DOC, relation="applies"),
        _rel("CITES", (D, LUOYANG_DOC), (D, NAT), LUOYANG_DOC, relation="reference"),
        _rel("CITES", (D, REPEAL), (D, PROV), REPEAL, relation="repeals"),
        _rel("ISSUED_BY", (D, NAT), ("Unit", STATE_COUNCIL), NAT),
        _rel("ISSUED_BY", (D, CENTRAL_STUB), ("Unit", STATE_OFFICE), PROV),
        _rel("ISSUED_BY", (D, PROV), ("Unit", HENAN_GOV), PROV),
        _rel("ISSUED_BY", (D, REPEAL), ("Unit", HENAN_GOV), REPEAL),
        _rel("ISSUED_BY", (D, STUB), ("Unit", HENAN_OFFICE), CITY),
        _rel("APPLIES_TO", (D, PROV), ("Region", HENAN), PROV),
        _rel("APPLIES_TO", (D, CITY), ("Region", ZHENGZHOU), CITY),
        _rel("APPLIES_TO", (D, PARK_DOC), ("Park", PARK), PARK_DOC),
        _rel("APPLIES_TO", (D, DRAFT), ("Park", PARK), DRAFT),
        _rel("APPLIES_TO", (D, LUOYANG_DOC), ("Region", LUOYANG), LUOYANG_DOC),
        _rel("HAS_TASK", (D, CITY), ("Task", CITY_TASK), CITY),
        _rel("LED_BY", ("Task", CITY_TASK), ("Unit", ZZ_BUREAU), CITY),
        _rel("SUPPORTED_BY", ("Task", CITY_TASK), ("Unit", CITIES), CITY),
        RelationshipRecord("PART_OF", "Region", ZHENGZHOU, "Region", HENAN),
        RelationshipRecord("PART_OF", "Region", LUOYANG, "Region", HENAN),
        RelationshipRecord("LOCATED_IN", "Park", PARK, "Region", ZHENGZHOU),
        RelationshipRecord("BELONGS_TO", "Unit", HENAN_GOV, "Region", HENAN),
        RelationshipRecord("BELONGS_TO", "Unit", HENAN_OFFICE, "Region", HENAN),
        RelationshipRecord("BELONGS_TO", "Unit", ZZ_BUREAU, "Region", ZHENGZHOU),
    ]
    for doc, n, _key, _value, _unit, _year, scope in TARGETS:
        target = ("Target", node_id("Target", f"{doc}#{n}"))
        rels.append(_rel("SETS_TARGET", (D, doc), target, doc))
        if scope is not None:
            rels.append(_rel("FOR", target, scope, doc))
    return nodes, rels


def write_analysis_graph(store: Store) -> None:
    """Write the known graph into store."""
    nodes, rels = analysis_graph()
    write_records(store, nodes, rels, batch_size=7)
