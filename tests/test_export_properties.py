"""Property tests: any graph the ontology allows survives every file format unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.graph.export_csv import read_csv, write_csv
from policykg.graph.export_graphml import read_gexf, read_graphml, write_gexf, write_graphml
from policykg.graph.export_rdf import read_rdf, write_rdf
from policykg.graph.snapshot import Snapshot, snapshot_of
from policykg.ontology import NodeRecord, RelationshipRecord
from policykg.ontology.schema import NODE_LABELS, RELATIONSHIP_TYPES

# XML cannot hold control characters or the noncharacters U+FFFE and U+FFFF (they become
# U+FFFD, reported); CSV cannot tell an empty string from an absent value; neither is
# generated here.
TEXT = st.text(
    st.characters(
        codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff"
    ),
    min_size=1,
    max_size=30,
)
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "string": TEXT,
    "date": st.dates().map(lambda d: d.isoformat()),
    "integer": st.integers(-(2**53), 2**53),
    "float": st.floats(allow_nan=False, allow_infinity=False),
    "boolean": st.booleans(),
    "string[]": st.lists(TEXT.filter(lambda t: ";" not in t), min_size=1, max_size=3, unique=True),
}


@st.composite
def graphs(draw: st.DrawFn) -> Snapshot:
    nodes: list[NodeRecord] = []
    for index in range(draw(st.integers(1, 10))):
        label = draw(st.sampled_from(NODE_LABELS))
        props = {"name": draw(TEXT)}
        for prop in label.properties:
            if draw(st.booleans()):
                props[prop.name] = draw(VALUES[prop.type])
        node_id = f"{label.id_prefix}:{draw(TEXT)}#{index}"
        nodes.append(NodeRecord(label.name, node_id, props))
    rels: list[RelationshipRecord] = []
    documents = [n.id for n in nodes if n.label == "Document"] or [None]
    for _ in range(draw(st.integers(0, 16))):
        rtype = draw(st.sampled_from(RELATIONSHIP_TYPES))
        starts = [n for n in nodes if n.label in rtype.starts]
        ends = [n for n in nodes if n.label in rtype.ends]
        if not starts or not ends:
            continue
        start, end = draw(st.sampled_from(starts)), draw(st.sampled_from(ends))
        props: dict[str, Any] = {p.name: draw(VALUES[p.type]) for p in rtype.properties}
        if rtype.extracted:
            doc = draw(st.sampled_from(documents))
            props |= {"doc": doc or draw(TEXT), "evidence": draw(TEXT)}
        rels.append(RelationshipRecord(rtype.name, start.label, start.id, end.label, end.id, props))
    return snapshot_of(nodes, rels)


def _dedupe(snapshot: Snapshot) -> Snapshot:
    """What a store holds: one relationship per type, ends and key (MERGE)."""
    from policykg.graph.snapshot import link_key

    seen: dict[str, RelationshipRecord] = {}
    for rel in snapshot.relationships:
        seen[link_key(rel)] = rel
    return snapshot_of(list(snapshot.nodes), list(seen.values()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_every_file_format_round_trips(snapshot: Snapshot) -> None:
    snapshot = _dedupe(snapshot)
    expected = snapshot.canonical()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt in ("ttl", "jsonld"):
            write_rdf(snapshot, folder / f"g.{fmt}", fmt)
            assert read_rdf(folder / f"g.{fmt}").canonical() == expected, fmt
        assert write_graphml(snapshot, folder / "g.graphml") == 0
        assert read_graphml(folder / "g.graphml").canonical() == expected
        assert write_gexf(snapshot, folder / "g.gexf") == 0
        assert read_gexf(folder / "g.gexf").canonical() == expected
        write_csv(snapshot, folder / "csv")
        assert read_csv(folder / "csv").canonical() == expected


def test_control_characters_are_replaced_and_counted(tmp_path: Path) -> None:
    node = NodeRecord("Industry", "industry:x", {"name": "新\x0c材料"})
    assert write_graphml(snapshot_of([node], []), tmp_path / "g.graphml") == 1
    assert read_graphml(tmp_path / "g.graphml").nodes[0].properties["name"] == "新\ufffd材料"


def test_noncharacters_are_replaced_and_counted(tmp_path: Path) -> None:
    node = NodeRecord("Document", "doc:\ufffe#6", {"name": "0\uffff"})
    assert write_graphml(snapshot_of([node], []), tmp_path / "g.graphml") == 2
    read = read_graphml(tmp_path / "g.graphml").nodes[0]
    assert (read.id, read.properties["name"]) == ("doc:\ufffd#6", "0\ufffd")
