"""Page queries over the whole graph are kept while the graph is unchanged (issue 13: the
targets page read 14,000 rows on every click at 1,000 documents) and read again after a load."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.app.explorer.common import cached_records, graph_version, store
from policykg.graph import Store
from policykg.graph.writer import write_records
from policykg.ontology import NodeRecord, RelationshipRecord, node_id
from tests.explorer_graph import SEED000_ID, SEED002_ID, store_at, use_home, write_known_graph


@pytest.fixture
def writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The known graph in a data directory of its own, the explorer pointed at it, and a
    second handle on the same store to change the graph with."""
    with store_at(tmp_path) as opened:
        write_known_graph(opened)
        use_home(monkeypatch, tmp_path)
        yield opened


def test_rows_are_kept_while_the_graph_is_unchanged_and_read_again_after_a_load(
    writer: Store,
) -> None:
    before = {r["metric"] for r in cached_records("targets")}
    assert before == {"建成区面积", "常住人口城镇化率"}
    version = graph_version()
    # A change that adds no node: the rows come from the cache (the store says otherwise).
    writer.write("MATCH (t:Target) SET t.metric = '改名'")
    assert graph_version() == version
    assert {r["metric"] for r in cached_records("targets")} == before
    assert {r["metric"] for r in store().read("MATCH (t:Target) RETURN t.metric AS metric")
            .records()} == {"改名"}  # fmt: skip
    # A load adds nodes: the version moves on and the page reads the graph again.
    target = node_id("Target", f"{SEED002_ID}#99")
    write_records(
        writer,
        [NodeRecord("Target", target, {"name": "新目标", "metric": "新指标", "year": 2030})],
        [
            RelationshipRecord(
                "SETS_TARGET", "Document", SEED002_ID, "Target", target, {"doc": SEED002_ID}
            )
        ],
        batch_size=10,
    )
    assert graph_version() == version + 1
    assert {r["metric"] for r in cached_records("targets")} == {"改名", "新指标"}


def test_parameters_are_part_of_the_key(writer: Store) -> None:
    # The known graph's documents apply to their places; once one only mentions its place,
    # the count without mentions drops: a cached answer for the other parameter would not.
    assert len(cached_records("map_divisions", mentions=False)) == 2
    writer.write("MATCH (d:Document)-[r:APPLIES_TO]->(:Park) DELETE r")
    writer.write("MATCH (d:Document), (p:Park) WHERE d.id = $doc CREATE (d)-[:MENTIONS]->(p)",
                 {"doc": SEED000_ID})  # fmt: skip
    writer.write("CREATE (:Marker)")  # a new node: the graph's version moves on
    assert [r["adcode"] for r in cached_records("map_divisions", mentions=True)] == [
        "341600",
        "410600",
    ]
    assert [r["adcode"] for r in cached_records("map_divisions", mentions=False)] == ["410600"]
