"""Benchmark: batched UNWIND … MERGE against row-at-a-time MERGE into the embedded store.

Both are measured in the same run on the same machine, into fresh graphs of one fresh
embedded server; the ratio is the figure to quote (the machines are shared and noisy).
Writes bench/results/load_throughput.txt.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

from policykg.graph import Store, open_store
from policykg.graph.embedded import stop_server
from policykg.graph.stats import graph_stats
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord, RelationshipRecord, node_id
from policykg.settings import Settings

RESULTS = Path(__file__).parent / "results" / "load_throughput.txt"


def synthetic_graph(documents: int) -> tuple[list[NodeRecord], list[RelationshipRecord]]:
    """Documents with tasks led by units and citations: the shape real loads have."""
    nodes: list[NodeRecord] = []
    rels: list[RelationshipRecord] = []
    units = [node_id("Unit", f"410600:市局{i}") for i in range(50)]
    nodes += [
        NodeRecord("Unit", u, {"name": f"市局{i}", "full_name": f"鹤壁市局{i}"})
        for i, u in enumerate(units)
    ]
    for d in range(documents):
        doc = node_id("Document", f"鹤政〔2024〕{d}号")
        nodes.append(
            NodeRecord("Document", doc, {"name": f"文件{d}", "title": f"文件{d}", "stub": False})
        )
        if d:
            cited = node_id("Document", f"鹤政〔2024〕{d - 1}号")
            rels.append(
                RelationshipRecord(
                    "CITES",
                    "Document",
                    doc,
                    "Document",
                    cited,
                    {"doc": doc, "evidence_start": 0, "evidence_end": 40, "relation": "basis"},
                )
            )
        for t in range(8):
            task = node_id("Task", f"{doc}#{t}")
            nodes.append(
                NodeRecord(
                    "Task",
                    task,
                    {
                        "name": f"任务{t}",
                        "number": str(t),
                        "text": "由市局牵头，各部门配合，推进重点工作。",
                    },
                )
            )
            rels.append(
                RelationshipRecord(
                    "HAS_TASK", "Document", doc, "Task", task, {"doc": doc, "evidence": "…"}
                )
            )
            rels.append(
                RelationshipRecord(
                    "LED_BY",
                    "Task",
                    task,
                    "Unit",
                    units[(d + t) % 50],
                    {"doc": doc, "evidence_start": 0, "evidence_end": 5},
                )
            )
    return nodes, rels


def timed_load(
    store: Store, nodes: list[NodeRecord], rels: list[RelationshipRecord], batch: int
) -> float:
    start = time.perf_counter()
    write_records(store, nodes, rels, batch_size=batch)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--documents", type=int, default=500, help="synthetic documents (17 elements each)"
    )
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args()
    nodes, rels = synthetic_graph(args.documents)
    elements = len(nodes) + len(rels)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        try:
            batched = open_store(Settings.from_env(env={}, home=home, graph_name="batched"))
            batched.ensure_schema()
            t_batched = timed_load(batched, nodes, rels, args.batch_size)
            t_reload = timed_load(batched, nodes, rels, args.batch_size)
            row = open_store(Settings.from_env(env={}, home=home, graph_name="rows"))
            row.ensure_schema()
            t_row = timed_load(row, nodes, rels, 1)
            assert graph_stats(batched) == graph_stats(row)
        finally:
            stop_server(home)
    lines = [
        f"policykg load throughput, {time.strftime('%Y-%m-%d %H:%M')} UTC, {platform.machine()}, "
        f"Python {platform.python_version()}",
        f"graph: {len(nodes)} nodes + {len(rels)} relationships = {elements} elements "
        f"({args.documents} synthetic documents)",
        f"batched UNWIND MERGE (batch {args.batch_size}): {t_batched:.2f} s, {elements / t_batched:,.0f} elements/s",
        f"batched re-load (all MERGE no-ops):        {t_reload:.2f} s, {elements / t_reload:,.0f} elements/s",
        f"row-at-a-time MERGE:                       {t_row:.2f} s, {elements / t_row:,.0f} elements/s",
        f"batched / row-at-a-time speed-up:          {t_row / t_batched:.1f}x",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
