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

from policykg.app import vocabulary
from policykg.app.graph_layout import (
    ROW_GAP,
    Placed,
    around,
    blocked,
    by_date,
    layered,
    undated_left,
)
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
LABEL_ROWS = {"Task": 6, "Target": 6, "Unit": 7, "Region": 7, "Park": 7, "Industry": 7}
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
LAYOUTS = ("level", "date", "force", "around")


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
        text = props.get("name") or props.get("title") or node.key  # name: number and title
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
RELATION_LABELS = {k: zh for k, (zh, _en) in vocabulary.RELATIONS.items()}
TYPE_LABELS = {k: zh for k, (zh, _en) in vocabulary.TYPES.items()}
# Rows of the level layout: documents by level, then undated … other labels below.
UNKNOWN_LEVEL_ROW = len(DOCUMENT_LEVELS)
ROW_NAMES = {UNKNOWN_LEVEL_ROW: ("层级不详", "level unknown")}


def edge_style(rel: GraphRelationship, lang: str = "zh") -> dict[str, Any]:
    """Line style and label by citation relation (依据, 落实 …) or by type."""
    if rel.type == "CITES":
        relation = str(rel.properties.get("relation") or "reference")
        label = vocabulary.name(vocabulary.RELATIONS, relation, lang)
        return {**CITES_STYLES.get(relation, CITES_STYLES["reference"]), "label": label}
    style = TYPE_STYLES.get(rel.type, {"color": "#7f8c8d", "width": 1})
    return {**style, "label": vocabulary.name(vocabulary.TYPES, rel.type, lang)}


def _row(node: GraphNode) -> int:
    """A node's row in the level layout: national (0) … park (4), unknown level, others."""
    if "Document" in node.labels:
        level = str(node.properties.get("level"))
        return DOCUMENT_LEVELS.index(level) if level in DOCUMENT_LEVELS else UNKNOWN_LEVEL_ROW
    return next((LABEL_ROWS[lb] for lb in node.labels if lb in LABEL_ROWS), 7)


def _reading_order(sub: Subgraph) -> Any:
    """Older documents first, then by name: the order within a row before any sweep."""
    names = {n.key: (str(n.properties.get("date") or "9999"), node_label(n)) for n in sub.nodes}
    return lambda key: names[key]


def positions(sub: Subgraph, layout: str, focus: str | None = None) -> dict[str, Placed]:
    """Where each node is drawn; {} for the force layout (vis-network's physics places them)."""
    edges = [(r.start, r.end) for r in sub.relationships]
    rows = {n.key: _row(n) for n in sub.nodes}
    if layout == "level":
        return layered(rows, edges, _reading_order(sub))
    if layout == "date":
        dates = {n.key: _date(n) for n in sub.nodes}
        return by_date(rows, dates, edges, _reading_order(sub))
    if layout == "around" and focus and sub.node(focus):
        near = {r.start for r in sub.relationships if r.end == focus} | {
            r.end for r in sub.relationships if r.start == focus
        }
        first = [k for k in rows if k in near]
        rest = [k for k in rows if k not in near and k != focus]
        groups = {r.end: r.start for r in sub.relationships if r.type == "HAS_TASK"}
        return around(focus, [first, rest], edges, groups)
    return {}


def _date(node: GraphNode) -> str | None:
    raw = node.properties.get("date")
    return str(raw)[:10] if raw else None


def _options(layout: str) -> dict[str, Any]:
    options: dict[str, Any] = {
        "interaction": {"hover": True, "navigationButtons": False, "multiselect": False},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": {"type": "dynamic"},
            # Level and legible: rotated 10 px labels along crossing edges ran together.
            "font": {"size": 15, "align": "horizontal", "background": "#ffffff"},
        },
        # Long Chinese titles wrap inside a narrow box instead of pushing neighbours away.
        "nodes": {
            "font": {"size": 14, "face": "Noto Sans CJK SC, sans-serif"},
            "widthConstraint": {"maximum": 150},
        },
    }
    if layout == "force":
        options["physics"] = {"enabled": True, "stabilization": {"iterations": 200}}
    else:
        # Positions are computed (graph_layout); edges are straight unless one would pass
        # behind a node it does not touch (that edge alone is curved, see _network).
        options["physics"] = {"enabled": False}
        options["edges"]["smooth"] = False
    return options


def _guides(placed: dict[str, Placed], sub: Subgraph, layout: str, lang: str) -> list[dict]:
    """Text drawn beside the graph: level names left of their rows, dates above columns."""
    if not placed:
        return []
    left = min(p.x for p in placed.values()) - 200
    top = min(p.y for p in placed.values()) - 90
    guides: list[dict[str, Any]] = []
    if layout in ("level", "date"):
        for row in sorted({p.row for p in placed.values()}):
            if row < len(DOCUMENT_LEVELS):
                text = vocabulary.name(vocabulary.LEVELS, DOCUMENT_LEVELS[row], lang)
            elif row in ROW_NAMES:
                text = ROW_NAMES[row][1 if lang == "en" else 0]
            else:
                continue
            guides.append({"y": row * ROW_GAP, "x": left, "label": text})
    if layout == "date":
        dates = {n.key: _date(n) for n in sub.nodes}
        for day in sorted({d for d in dates.values() if d}):
            xs = [placed[k].x for k, d in dates.items() if d == day and k in placed]
            guides.append({"x": xs[0], "y": top, "label": day})
        start = undated_left(placed, dates)
        if start is not None:
            guides.append(
                {"x": start, "y": top, "label": "日期不详" if lang != "en" else "undated"}
            )
    return [
        {
            "id": f"guide:{i}",
            "label": g["label"],
            "x": g["x"],
            "y": g["y"],
            "shape": "text",
            "font": {"size": 16, "color": "#666666"},
            "physics": False,
            "fixed": True,
            "chosen": False,
            "guide": True,
        }
        for i, g in enumerate(guides)
    ]


def focused(style: dict[str, Any]) -> dict[str, Any]:
    """A node's style made to stand out: the unit or document the page is about."""
    colour = style.get("color")
    background = colour.get("background") if isinstance(colour, dict) else colour
    return {
        **style,
        "borderWidth": 5,
        "color": {"background": background, "border": "#f1c40f"},
        "font": {**style.get("font", {}), "size": 20, "bold": True},
        "shadow": {"enabled": True, "size": 12},
        "margin": 12,
    }


def _network(sub: Subgraph, layout: str, lang: str, focus: str | None) -> Network:
    net = Network(directed=True, height="100%", width="100%", cdn_resources="remote")
    placed = positions(sub, layout, focus)
    for node in sub.nodes:
        extra: dict[str, Any] = {}
        if node.key in placed:
            extra = {"x": placed[node.key].x, "y": placed[node.key].y}
        style = node_style(node)
        if node.key == focus:
            style = focused(style)
        net.add_node(node.key, label=node_label(node), title=_tooltip(node, lang), **style, **extra)
    edges = [(r.start, r.end) for r in sub.relationships]
    curved = blocked(edges, placed) if placed else set()
    for index, rel in enumerate(sub.relationships):
        bend = {}
        if index in curved:  # alternate sides so two detours do not share a curve
            kind = "curvedCW" if index % 2 else "curvedCCW"
            bend = {"smooth": {"enabled": True, "type": kind, "roundness": 0.35}}
        style = edge_style(rel, lang)
        if layout == "around" and rel.type == "HAS_TASK":
            style["label"] = ""  # a label on every document–task line is only noise
        net.add_edge(rel.start, rel.end, title=_rel_tooltip(rel, lang), **style, **bend)
    net.set_options(json.dumps(_options(layout)))
    return net


def _tooltip(node: GraphNode, lang: str = "zh") -> str:
    lines = ["、".join(vocabulary.name(vocabulary.LABELS, lb, lang) for lb in node.labels)]
    for key in ("title", "name", "doc_number", "date", "level", "full_name", "metric", "year"):
        value = node.properties.get(key)
        if value not in (None, ""):
            shown = vocabulary.name(vocabulary.LEVELS, value, lang) if key == "level" else value
            lines.append(f"{vocabulary.name(vocabulary.PROPERTIES, key, lang)}: {shown}")
    return "\n".join(dict.fromkeys(lines))


def _rel_tooltip(rel: GraphRelationship, lang: str = "zh") -> str:
    """The relation's name and the sentence it was read from: what hovering an edge shows."""
    head = edge_style(rel, lang)["label"]
    evidence = rel.properties.get("evidence")
    if not evidence:
        return str(head)
    return f"{head}\n{vocabulary.name(vocabulary.PROPERTIES, 'evidence', lang)}: 「{evidence}」"


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no closing tag or comment can be smuggled in."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _details(sub: Subgraph, lang: str) -> dict[str, Any]:
    """What the side panel shows for each node, with names in the interface language."""
    out = {}
    for node in sub.nodes:
        props = {}
        for key, value in node.properties.items():
            shown = value
            if key == "level":
                shown = vocabulary.name(vocabulary.LEVELS, value, lang)
            elif isinstance(value, bool):
                shown = vocabulary.YES_NO[value][1 if lang == "en" else 0]
            props[vocabulary.name(vocabulary.PROPERTIES, key, lang)] = _jsonable(shown)
        out[node.key] = {
            "labels": [vocabulary.name(vocabulary.LABELS, lb, lang) for lb in node.labels],
            "properties": props,
            "document": node.properties.get("id") if "Document" in node.labels else None,
        }
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


# The smallest zoom a computed layout opens at: 15 px edge labels stay 11 px or more.
MIN_SCALE = 0.75
# Text inside the drawn page, in the interface language.
PAGE_TEXT = {
    "zh": {
        "hint": "点击节点查看详情;双击文件节点打开其文件页",
        "open": "打开文件页 ↗",
        "png": "下载图片 (PNG)",
        "svg": "下载矢量图 (SVG)",
        "truncated": "结果过大,仅显示前 {n} 个节点",
    },
    "en": {
        "hint": "Click a node for details; double-click a document to open its page",
        "open": "Open document page ↗",
        "png": "Download image (PNG)",
        "svg": "Download vector image (SVG)",
        "truncated": "truncated: showing the first {n} nodes",
    },
}


def to_pyvis(
    sub: Subgraph,
    *,
    layout: str = "level",
    height: int = 600,
    title: str = "",
    lang: str = "zh",
    focus: str | None = None,
    document_url: str = "",
) -> str:
    """A standalone HTML page drawing the subgraph; clicking a node shows its properties.

    document_url (e.g. "document?doc={id}&lang=zh") makes document nodes open their page:
    a link in the details panel, and on double click; the id is URL-encoded in the page.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, got {layout!r}")
    words = PAGE_TEXT["en" if lang == "en" else "zh"]
    net = _network(sub, layout, lang, focus)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    placed = positions(sub, layout, focus) if layout != "force" else {}
    nodes = [*nodes, *_guides(placed, sub, layout, lang)]
    script = (STATIC / "vis-network.min.js").read_text(encoding="utf-8")
    style = (STATIC / "vis-network.css").read_text(encoding="utf-8")
    notice = (
        f'<div class="notice">{html.escape(words["truncated"].format(n=len(sub.nodes)))}</div>'
        if sub.truncated
        else ""
    )
    return _TEMPLATE.format(
        lang="en" if lang == "en" else "zh-CN",
        title=html.escape(title or "policykg"),
        style=style,
        script=script.replace("</script", "<\\/script"),
        height=int(height),
        notice=notice,
        nodes=_script_json(nodes),
        edges=_script_json(edges),
        options=_script_json(json.loads(options)),
        details=_script_json(_details(sub, lang)),
        words=_script_json(words),
        url=_script_json(document_url),
        hint=html.escape(words["hint"]),
        png=html.escape(words["png"]),
        count=len(sub.nodes),
        min_scale=MIN_SCALE if layout != "force" else 0,
    )


_TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>{style}</style>
<style>
  body {{ margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; }}
  #wrap {{ display: flex; height: {height}px; }}
  #graph {{ flex: 1 1 auto; height: 100%; border: 1px solid #ddd; position: relative; }}
  #details {{ flex: 0 0 240px; overflow: auto; padding: 6px 10px; font-size: 13px;
             border: 1px solid #ddd; border-left: none; background: #fafafa; }}
  #details dt {{ font-weight: bold; color: #555; }}
  #details dd {{ margin: 0 0 4px 0; word-break: break-all; }}
  #details a.open {{ display: inline-block; margin: 4px 0 8px; font-weight: bold; }}
  #tools {{ position: absolute; right: 250px; top: 6px; z-index: 5; font-size: 12px; }}
  #tools a {{ background: #fff; border: 1px solid #ccc; border-radius: 3px; padding: 2px 6px;
             color: #333; text-decoration: none; cursor: pointer; }}
  .notice {{ background: #fff3cd; padding: 4px 8px; font-size: 13px; }}
  .vis-tooltip {{ white-space: pre-wrap !important; max-width: 420px; font-size: 13px; }}
</style>
</head>
<body>
{notice}
<div id="tools"><a id="png" download="policykg.png">{png}</a></div>
<div id="wrap">
  <div id="graph" data-nodes="{count}"></div>
  <div id="details"><em>{hint}</em></div>
</div>
<script>{script}</script>
<script>
(function () {{
  var nodes = new vis.DataSet({nodes});
  var edges = new vis.DataSet({edges});
  var details = {details};
  var words = {words};
  var url = {url};
  var container = document.getElementById("graph");
  var network = new vis.Network(container, {{nodes: nodes, edges: edges}}, {options});
  window.policykgNetwork = network;
  function pageOf(key) {{
    var info = details[key];
    if (!url || !info || !info.document) {{ return null; }}
    return url.replace("{{id}}", encodeURIComponent(info.document));
  }}
  function show(key) {{
    var panel = document.getElementById("details");
    panel.textContent = "";
    var info = details[key];
    if (!info) {{ return; }}
    var heading = document.createElement("h4");
    heading.textContent = info.labels.join("、");
    panel.appendChild(heading);
    var target = pageOf(key);
    if (target) {{
      var link = document.createElement("a");
      link.className = "open";
      link.href = target;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = words.open;
      panel.appendChild(link);
    }}
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
  // Never smaller than legible: a fitted large graph drew 7 px labels. The view stays
  // centred where the fit put it; the reader pans (or zooms out) from there.
  network.once("afterDrawing", function () {{
    if (network.getScale() >= {min_scale}) {{ return; }}
    network.moveTo({{position: network.getViewPosition(), scale: {min_scale}}});
  }});
  network.on("click", function (params) {{
    if (params.nodes.length) {{ show(params.nodes[0]); }}
  }});
  network.on("doubleClick", function (params) {{
    var target = params.nodes.length ? pageOf(params.nodes[0]) : null;
    if (target) {{ window.open(target, "_blank", "noopener"); }}
  }});
  document.getElementById("png").addEventListener("click", function () {{
    var canvas = container.querySelector("canvas");
    this.href = canvas.toDataURL("image/png");
  }});
}})();
</script>
</body>
</html>
"""


def merge_documents(sub: Subgraph) -> Subgraph:
    """One node per document: documents sharing a 文号 or a title key drawn as one.

    A document cited once by title and once by 文号 is two stubs until it is loaded; a
    reader sees one document. The loaded node (else the one with a 文号) is kept, the others'
    properties fill its gaps, their ids are listed in merged_ids, and their relationships
    move to it (a duplicate of a relationship already there is dropped).
    """
    docs = [n for n in sub.nodes if "Document" in n.labels]
    parent = {n.key: n.key for n in docs}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    seen: dict[tuple[str, str], str] = {}
    for node in docs:
        for field in ("doc_number", "title_key"):
            value = node.properties.get(field)
            if not value:
                continue
            other = seen.setdefault((field, str(value)), node.key)
            parent[root(node.key)] = root(other)
    groups: dict[str, list[GraphNode]] = {}
    for node in docs:
        groups.setdefault(root(node.key), []).append(node)
    if all(len(g) == 1 for g in groups.values()):
        return sub
    keep: dict[str, GraphNode] = {}
    for members in groups.values():
        members.sort(key=lambda n: (bool(n.properties.get("stub")),
                                    not n.properties.get("doc_number"), n.key))  # fmt: skip
        head = members[0]
        props: dict[str, Any] = {}
        for member in reversed(members):
            props.update({k: v for k, v in member.properties.items() if v not in (None, "")})
        props.update({k: v for k, v in head.properties.items() if v not in (None, "")})
        if len(members) > 1:
            props["merged_ids"] = [str(m.properties.get("id", m.key)) for m in members]
        merged = GraphNode(head.key, head.labels, props)
        for member in members:
            keep[member.key] = merged
    nodes: dict[str, GraphNode] = {}
    for node in sub.nodes:
        shown = keep.get(node.key, node)
        nodes.setdefault(shown.key, shown)
    rels: dict[tuple[Any, ...], GraphRelationship] = {}
    for rel in sub.relationships:
        start = keep[rel.start].key if rel.start in keep else rel.start
        end = keep[rel.end].key if rel.end in keep else rel.end
        if start == end:
            continue
        ident = (rel.type, start, end, rel.properties.get("relation"))
        rels.setdefault(ident, GraphRelationship(rel.key, rel.type, start, end, rel.properties))
    return Subgraph(tuple(nodes.values()), tuple(rels.values()), sub.truncated)


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
