"""The graph's value names as a reader sees them, in Chinese and English.

Levels, citation relations, relationship types, labels, roles and property names are stored
in English (they are the ontology's words); the interface shows them in the chosen language.
No Streamlit here: the graph drawing and the pages share these names.
"""

from __future__ import annotations

# value -> (中文, English)
LEVELS: dict[str, tuple[str, str]] = {
    "national": ("国家级", "national"),
    "provincial": ("省级", "provincial"),
    "city": ("市级", "city"),
    "county": ("县级", "county"),
    "park": ("园区", "park"),
    "province": ("省级", "province"),
}
# What a researcher reads on an edge: the relation as the documents say it.
RELATIONS: dict[str, tuple[str, str]] = {
    "basis": ("依据", "basis"),
    "implements": ("落实", "implements"),
    "applies": ("参照", "applies"),
    "repeals": ("废止", "repeals"),
    "amends": ("修订", "amends"),
    "reference": ("引用", "cites"),
}
TYPES: dict[str, tuple[str, str]] = {
    "CITES": ("引用", "cites"),
    "HAS_TASK": ("任务", "task"),
    "LED_BY": ("牵头", "lead"),
    "SUPPORTED_BY": ("配合", "support"),
    "SETS_TARGET": ("目标", "target"),
    "FOR": ("对象", "for"),
    "ISSUED_BY": ("发布", "issued by"),
    "APPLIES_TO": ("适用", "applies to"),
    "MENTIONS": ("提及", "mentions"),
    "PROMOTES": ("发展", "promotes"),
    "LOCATED_IN": ("位于", "located in"),
    "PART_OF": ("隶属", "part of"),
    "BELONGS_TO": ("隶属", "belongs to"),
}
LABELS: dict[str, tuple[str, str]] = {
    "Document": ("文件", "document"),
    "Unit": ("单位", "unit"),
    "Task": ("任务", "task"),
    "Target": ("目标", "target"),
    "Region": ("地区", "region"),
    "Park": ("园区", "park"),
    "Industry": ("产业", "industry"),
}
ROLES: dict[str, tuple[str, str]] = {"lead": ("牵头", "lead"), "support": ("配合", "support")}
DIRECTIONS: dict[str, tuple[str, str]] = {"up": ("上溯", "up"), "down": ("下探", "down")}
PROPERTIES: dict[str, tuple[str, str]] = {
    "id": ("标识", "id"),
    "name": ("名称", "name"),
    "title": ("标题", "title"),
    "title_key": ("标题键", "title key"),
    "doc_number": ("文号", "文号"),
    "issuer": ("发文机关", "issuer"),
    "date": ("日期", "date"),
    "kind": ("类别", "kind"),
    "status": ("状态", "status"),
    "source": ("来源", "source"),
    "stub": ("仅被引用", "stub"),
    "level": ("层级", "level"),
    "full_name": ("全称", "full name"),
    "adcode": ("行政区划代码", "adcode"),
    "lon": ("经度", "longitude"),
    "lat": ("纬度", "latitude"),
    "aliases": ("别名", "aliases"),
    "number": ("序号", "number"),
    "section": ("章节", "section"),
    "text": ("原文", "text"),
    "metric": ("指标", "metric"),
    "metric_key": ("指标键", "metric key"),
    "dimension": ("量纲", "dimension"),
    "comparator": ("比较", "comparator"),
    "value": ("数值", "value"),
    "unit": ("单位", "unit"),
    "year": ("年份", "year"),
    "baseline": ("基数", "baseline"),
    "relation": ("关系", "relation"),
    "evidence": ("原文依据", "evidence"),
    "doc": ("出处文件", "read from"),
    "merged_ids": ("合并的标识", "merged ids"),
    "role": ("角色", "role"),
}
# Booleans shown in the details panel.
YES_NO: dict[bool, tuple[str, str]] = {True: ("是", "yes"), False: ("否", "no")}


def name(table: dict[str, tuple[str, str]], value: object, lang: str = "zh") -> str:
    """value's name in lang, or the value itself when the table has no name for it."""
    if not isinstance(value, str) or value not in table:
        return "" if value is None else str(value)
    zh, en = table[value]
    return en if lang == "en" else zh
