"""Graphs for people: subgraphs collected from query results, drawn as standalone pyvis HTML.

Nothing here imports Streamlit, so the drawing is tested on its own. The HTML inlines
vis-network (vendored in app/explorer/static/) and fetches nothing from the network.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyvis.network import Network

from policykg.graph.result import GraphNode, GraphPath, GraphRelationship, QueryResult

STATIC = Path(__file__).parent / "explorer" / "static"
# Beyond this many nodes a page draws a part and says so: vis-network slows to a crawl.
NODE_CAP = 500

# National at the top, parks at the bottom: the order of the administrative hierarchy.
DOCUMENT_LEVELS = ("national", "provincial", "city", "county", "park")
LEVEL_COLOURS = {
    "national": "#c0392b",
    "provincial": "#e67e22",
    "city": "#d4ac0d",
    "county": "#27ae60",
    "park": "#2980b9",
}
UNKNOWN_LEVEL_COLOUR = "#7f8c8d"
LABEL_STYLES: dict[str, dict[str, Any]] = {
    "Unit": {"color": "#8e44ad", "shape": "box"},
    "Task": {"color": "#16a085", "shape": "box"},
    "Target": {"color": "#d35400", "shape": "diamond"},
    "Region": {"color": "#2c3e50", "shape": "triangle"},
    "Park": {"color": "#1abc9c", "shape": "triangle"},
    "Industry": {"color": "#e84393", "shape": "star"},
}
# Rows in the top-down layout for labels other than Document (below the park level).
LABEL_ROWS = {"Task": 5, "Target": 5, "Unit": 6, "Region": 6, "Park": 6, "Industry": 6}
CITES_STYLES: dict[str, dict[str, Any]] = {
    "basis": {"color": "#2c3e50", "width": 3, "dashes": False},
    "implements": {"color": "#c0392b", "width": 2, "dashes": False},
    "applies": {"color": "#8e44ad", "width": 2, "dashes": [2, 4]},
    "repeals": {"color": "#000000", "width": 2, "dashes": [10, 4, 2, 4]},
    "amends": {"color": "#16a085", "width": 2, "dashes": [6, 3]},
    "reference": {"color": "#95a5a6", "width": 1, "dashes": [6, 6]},
}
TYPE_STYLES: dict[str, dict[str, Any]] = {
    "LED_BY": {"color": "#8e44ad", "width": 3, "dashes": False},
    "SUPPORTED_BY": {"color": "#8e44ad", "width": 1, "dashes": [6, 6]},
}
LAYOUTS = ("level", "date", "force")


@dataclass(frozen=True)
class Subgraph:
    """Nodes and relationships to draw; truncated when a cap left some out."""

    nodes: tuple[GraphNode, ...] = ()
    relationships: tuple[GraphRelationship, ...] = ()
    truncated: bool = False

    def merge(self, other: Subgraph, cap: int = NODE_CAP) -> Subgraph:
        """This subgraph with another one's nodes and relationships added (up to cap nodes)."""
        merged = collect(
            [*self.nodes, *other.nodes, *self.relationships, *other.relationships], cap
        )
        return Subgraph(
            merged.nodes,
            merged.relationships,
            merged.truncated or self.truncated or other.truncated,
        )

    def node(self, key: str) -> GraphNode | None:
        """The node with this store key, if drawn."""
        return next((n for n in self.nodes if n.key == key), None)

    def find(self, node_id: str) -> GraphNode | None:
        """The node whose `id` property is node_id, if drawn."""
        return next((n for n in self.nodes if n.properties.get("id") == node_id), None)


def _flatten(values: Iterable[Any]) -> Iterator[GraphNode | GraphRelationship]:
    for value in values:
        if isinstance(value, GraphNode | GraphRelationship):
            yield value
        elif isinstance(value, GraphPath):
            yield from value.nodes
            yield from value.relationships
        elif isinstance(value, list | tuple):
            yield from _flatten(value)
        elif isinstance(value, dict):
            yield from _flatten(value.values())


def collect(values: Iterable[Any], cap: int = NODE_CAP) -> Subgraph:
    """Nodes and relationships found in values (paths, lists, maps too), at most cap nodes."""
    nodes: dict[str, GraphNode] = {}
    rels: dict[str, GraphRelationship] = {}
    truncated = False
    for item in _flatten(values):
        if isinstance(item, GraphNode):
            if item.key in nodes:
                continue
            if len(nodes) >= cap:
                truncated = True
                continue
            nodes[item.key] = item
        else:
            rels.setdefault(item.key, item)
    kept = tuple(r for r in rels.values() if r.start in nodes and r.end in nodes)
    return Subgraph(tuple(nodes.values()), kept, truncated)


def subgraph_from_result(result: QueryResult, cap: int = NODE_CAP) -> Subgraph:
    """Every node, relationship and path in a query result, at most cap nodes."""
    return collect((value for row in result.rows for value in row), cap)


def has_graph(result: QueryResult) -> bool:
    """Whether a result holds nodes, relationships or paths worth drawing."""
    return any(True for row in result.rows for _ in _flatten(row))


def filter_dates(sub: Subgraph, start: str, end: str, keep: Iterable[str] = ()) -> Subgraph:
    """Documents dated outside [start, end] (ISO strings) removed; undated ones and keep stay."""
    kept_keys = set(keep)
    nodes = tuple(
        n
        for n in sub.nodes
        if n.key in kept_keys
        or "Document" not in n.labels
        or not isinstance(n.properties.get("date"), str)
        or start <= n.properties["date"][:10] <= end
    )
    keys = {n.key for n in nodes}
    rels = tuple(r for r in sub.relationships if r.start in keys and r.end in keys)
    return Subgraph(nodes, rels, sub.truncated)


def node_label(node: GraphNode) -> str:
    """Short text drawn on a node."""
    props = node.properties
    if "Document" in node.labels:
        text = props.get("doc_number") or props.get("title") or props.get("name") or node.key
    elif "Task" in node.labels:
        text = f"{props.get('number', '')} {props.get('title') or props.get('name') or ''}".strip()
    else:
        text = props.get("name") or props.get("id") or node.key
    text = str(text)
    return text if len(text) <= 30 else text[:29] + "…"


def node_style(node: GraphNode) -> dict[str, Any]:
    """Colour and shape: documents by level, stubs hollow with a dashed border."""
    props = node.properties
    if "Document" in node.labels:
        colour = LEVEL_COLOURS.get(str(props.get("level")), UNKNOWN_LEVEL_COLOUR)
        if props.get("stub"):
            return {
                "shape": "box",
                "color": {"background": "#ffffff", "border": colour},
                "borderWidth": 2,
                "shapeProperties": {"borderDashes": [5, 5]},
                "font": {"color": "#333333"},
            }
        return {"shape": "box", "color": colour, "font": {"color": "#ffffff"}}
    for label in node.labels:
        if label in LABEL_STYLES:
            return dict(LABEL_STYLES[label])
    return {"shape": "dot", "color": UNKNOWN_LEVEL_COLOUR}


# What a researcher reads on an edge: the relation in Chinese, as the documents say it.
RELATION_LABELS = {
    "basis": "依据", "implements": "落实", "applies": "参照", "repeals": "废止",
    "amends": "修订", "reference": "引用",
}  # fmt: skip
TYPE_LABELS = {
    "HAS_TASK": "任务", "LED_BY": "牵头", "SUPPORTED_BY": "配合", "SETS_TARGET": "目标",
    "FOR": "对象", "ISSUED_BY": "发布", "APPLIES_TO": "适用", "MENTIONS": "提及",
    "PROMOTES": "发展", "LOCATED_IN": "位于", "PART_OF": "隶属", "BELONGS_TO": "隶属",
}  # fmt: skip


def edge_style(rel: GraphRelationship) -> dict[str, Any]:
    """Line style and Chinese label by citation relation (依据, 落实 …) or by type."""
    if rel.type == "CITES":
        relation = str(rel.properties.get("relation") or "reference")
        label = RELATION_LABELS.get(relation, relation)
        return {**CITES_STYLES.get(relation, CITES_STYLES["reference"]), "label": label}
    style = TYPE_STYLES.get(rel.type, {"color": "#7f8c8d", "width": 1})
    return {**style, "label": TYPE_LABELS.get(rel.type, rel.type)}


def _rows(sub: Subgraph, layout: str) -> dict[str, int]:
    """The row (vis hierarchical level) of each node for the level and date layouts."""
    if layout == "date":
        dates = sorted(
            {str(n.properties["date"])[:10] for n in sub.nodes if n.properties.get("date")}
        )
        index = {d: i + 1 for i, d in enumerate(dates)}
        return {n.key: index.get(str(n.properties.get("date") or "")[:10], 0) for n in sub.nodes}
    rows = {}
    for n in sub.nodes:
        if "Document" in n.labels:
            level = str(n.properties.get("level"))
            rows[n.key] = DOCUMENT_LEVELS.index(level) if level in DOCUMENT_LEVELS else 3
        else:
            rows[n.key] = next((LABEL_ROWS[lb] for lb in n.labels if lb in LABEL_ROWS), 6)
    return rows


def _options(layout: str) -> dict[str, Any]:
    options: dict[str, Any] = {
        "interaction": {"hover": True, "navigationButtons": False, "multiselect": False},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": {"type": "dynamic"},
            # Level and legible: rotated 10 px labels along crossing edges ran together.
            "font": {"size": 14, "align": "horizontal", "background": "#ffffff"},
        },
        # Long Chinese titles wrap inside a narrow box instead of pushing neighbours away.
        "nodes": {
            "font": {"size": 14, "face": "Noto Sans CJK SC, sans-serif"},
            "widthConstraint": {"maximum": 150},
        },
    }
    if layout in ("level", "date"):
        options["layout"] = {
            "hierarchical": {
                "enabled": True,
                "direction": "UD" if layout == "level" else "LR",
                "sortMethod": "directed" if layout == "date" else "hubsize",
                "levelSeparation": 140 if layout == "level" else 260,
                "nodeSpacing": 180,
            }
        }
        options["physics"] = {"enabled": False}
        # Curved edges: a direct citation and a path through an intermediate document run
        # along the same line in a layered layout; curves of different spans stay apart.
        options["edges"]["smooth"] = {"type": "curvedCW", "roundness": 0.2}
    else:
        options["physics"] = {"enabled": True, "stabilization": {"iterations": 200}}
    return options


def _network(sub: Subgraph, layout: str) -> Network:
    net = Network(directed=True, height="100%", width="100%", cdn_resources="remote")
    rows = _rows(sub, layout) if layout in ("level", "date") else {}
    for node in sub.nodes:
        extra = {"level": rows[node.key]} if node.key in rows else {}
        net.add_node(
            node.key,
            label=node_label(node),
            title=_tooltip(node),
            **node_style(node),
            **extra,
        )
    for rel in sub.relationships:
        net.add_edge(rel.start, rel.end, title=_rel_tooltip(rel), **edge_style(rel))
    net.set_options(json.dumps(_options(layout)))
    return net


def _tooltip(node: GraphNode) -> str:
    lines = [":".join(node.labels)]
    for key in ("title", "name", "doc_number", "date", "level", "full_name", "metric", "year"):
        value = node.properties.get(key)
        if value not in (None, ""):
            lines.append(f"{key}: {value}")
    return "\n".join(dict.fromkeys(lines))


def _rel_tooltip(rel: GraphRelationship) -> str:
    parts = [rel.type, *(f"{k}: {v}" for k, v in sorted(rel.properties.items()) if k != "doc")]
    return "\n".join(parts)


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no closing tag or comment can be smuggled in."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _details(sub: Subgraph) -> dict[str, Any]:
    return {
        node.key: {"labels": list(node.labels), "properties": _jsonable(node.properties)}
        for node in sub.nodes
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def to_pyvis(sub: Subgraph, *, layout: str = "level", height: int = 600, title: str = "") -> str:
    """A standalone HTML page drawing the subgraph; clicking a node shows its properties."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, got {layout!r}")
    nodes, edges, _heading, _height, _width, options = _network(sub, layout).get_network_data()
    script = (STATIC / "vis-network.min.js").read_text(encoding="utf-8")
    style = (STATIC / "vis-network.css").read_text(encoding="utf-8")
    notice = (
        f'<div class="notice">truncated: showing the first {len(sub.nodes)} nodes</div>'
        if sub.truncated
        else ""
    )
    return _TEMPLATE.format(
        title=html.escape(title or "policykg graph"),
        style=style,
        script=script.replace("</script", "<\\/script"),
        height=int(height),
        notice=notice,
        nodes=_script_json(nodes),
        edges=_script_json(edges),
        options=_script_json(json.loads(options)),
        details=_script_json(_details(sub)),
        count=len(sub.nodes),
    )


_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>{style}</style>
<style>
  body {{ margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; }}
  #wrap {{ display: flex; height: {height}px; }}
  #graph {{ flex: 1 1 auto; height: 100%; border: 1px solid #ddd; }}
  #details {{ flex: 0 0 240px; overflow: auto; padding: 6px 10px; font-size: 13px;
             border: 1px solid #ddd; border-left: none; background: #fafafa; }}
  #details dt {{ font-weight: bold; color: #555; }}
  #details dd {{ margin: 0 0 4px 0; word-break: break-all; }}
  .notice {{ background: #fff3cd; padding: 4px 8px; font-size: 13px; }}
</style>
</head>
<body>
{notice}
<div id="wrap">
  <div id="graph" data-nodes="{count}"></div>
  <div id="details"><em>点击节点查看详情 / click a node for details</em></div>
</div>
<script>{script}</script>
<script>
(function () {{
  var nodes = new vis.DataSet({nodes});
  var edges = new vis.DataSet({edges});
  var details = {details};
  var container = document.getElementById("graph");
  var network = new vis.Network(container, {{nodes: nodes, edges: edges}}, {options});
  window.policykgNetwork = network;
  function show(key) {{
    var panel = document.getElementById("details");
    panel.textContent = "";
    var info = details[key];
    if (!info) {{ return; }}
    var heading = document.createElement("h4");
    heading.textContent = info.labels.join(":");
    panel.appendChild(heading);
    var list = document.createElement("dl");
    Object.keys(info.properties).forEach(function (name) {{
      var dt = document.createElement("dt");
      dt.textContent = name;
      var dd = document.createElement("dd");
      var value = info.properties[name];
      dd.textContent = typeof value === "string" ? value : JSON.stringify(value);
      list.appendChild(dt);
      list.appendChild(dd);
    }});
    panel.appendChild(list);
  }}
  network.on("click", function (params) {{
    if (params.nodes.length) {{ show(params.nodes[0]); }}
  }});
}})();
</script>
</body>
</html>
"""


def responsibility_rows(sub: Subgraph) -> list[dict[str, Any]]:
    """One row per (task, responsible unit): role lead or support, with the evidence."""
    nodes = {n.key: n for n in sub.nodes}
    documents = {
        r.end: nodes[r.start]
        for r in sub.relationships
        if r.type == "HAS_TASK" and r.start in nodes
    }
    rows = []
    for rel in sub.relationships:
        if rel.type not in ("LED_BY", "SUPPORTED_BY"):
            continue
        task, unit = nodes[rel.start], nodes[rel.end]
        document = documents.get(rel.start)
        rows.append(
            {
                "document": document.properties.get("title") if document else None,
                "task_number": task.properties.get("number"),
                "task": task.properties.get("title") or task.properties.get("name"),
                "unit": unit.properties.get("full_name") or unit.properties.get("name"),
                "role": "lead" if rel.type == "LED_BY" else "support",
                "evidence": rel.properties.get("evidence"),
            }
        )
    return sorted(rows, key=lambda r: (str(r["document"]), str(r["task_number"]), r["role"]))


def responsibility_matrix(
    rows: list[dict[str, Any]], lead: str = "lead", support: str = "support"
) -> tuple[list[str], list[dict[str, str]]]:
    """Tasks × units: each cell says lead or support (lead wins when a unit is both)."""
    units = sorted({str(r["unit"]) for r in rows})
    tasks: dict[tuple[str, str, str], dict[str, str]] = {}
    for row in rows:
        key = (str(row["document"] or ""), str(row["task_number"] or ""), str(row["task"] or ""))
        cells = tasks.setdefault(key, {})
        word = lead if row["role"] == "lead" else support
        if cells.get(str(row["unit"])) != lead:
            cells[str(row["unit"])] = word
    matrix = [
        {
            "document": doc,
            "task_number": number,
            "task": task,
            **{u: cells.get(u, "") for u in units},
        }
        for (doc, number, task), cells in tasks.items()
    ]
    return units, matrix


SPAN_COLOURS = {
    "CITES": "#f9e79f",
    "HAS_TASK": "#a9dfbf",
    "LED_BY": "#d7bde2",
    "SUPPORTED_BY": "#e8daef",
    "SETS_TARGET": "#f5cba7",
    "FOR": "#fad7a0",
    "APPLIES_TO": "#aed6f1",
    "MENTIONS": "#d6eaf8",
    "PROMOTES": "#f5b7b1",
    "ISSUED_BY": "#d5dbdb",
}


def highlight_evidence(text: str, spans: Iterable[tuple[str, str]]) -> tuple[str, set[str]]:
    """Text as escaped HTML with each evidence sentence marked, coloured by relationship type.

    Returns the HTML and the evidence sentences found in the text. A sentence overlapping
    one already marked is left unmarked (it is still listed beside the text).
    """
    marks: list[tuple[int, int, str]] = []
    found: set[str] = set()
    for rtype, sentence in spans:
        if not sentence:
            continue
        start = text.find(sentence)
        if start < 0:
            continue
        found.add(sentence)
        marks.append((start, start + len(sentence), rtype))
    out: list[str] = []
    position = 0
    for start, end, rtype in sorted(marks):
        if start < position:
            continue
        colour = SPAN_COLOURS.get(rtype, "#eeeeee")
        out.append(html.escape(text[position:start]))
        out.append(
            f'<mark title="{html.escape(rtype)}" data-type="{html.escape(rtype)}" '
            f'style="background:{colour}">{html.escape(text[start:end])}</mark>'
        )
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out), found
