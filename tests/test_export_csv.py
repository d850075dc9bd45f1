"""CSV for neo4j-admin: documented header format, one file per label and type, round trip."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from policykg.errors import StoreError
from policykg.graph import Store
from policykg.graph.export_csv import IMPORT_SCRIPT, read_csv, write_csv
from policykg.graph.snapshot import read_snapshot, snapshot_of
from policykg.ontology import NodeRecord
from tests.export_support import load_sample

# The header format of `neo4j-admin database import` (Neo4j 5 operations manual).
PROPERTY_TYPES = (
    "int|long|float|double|boolean|byte|short|char|string|point"
    "|date|localtime|time|localdatetime|datetime|duration"
)
HEADER = re.compile(
    rf"^(?:[^:]+(?::(?:{PROPERTY_TYPES})(?:\[\])?)?|[^:]*:ID|:LABEL|:START_ID|:END_ID|:TYPE)$"
)


@pytest.fixture
def store(store: Store) -> Store:
    """conftest's fresh graph, holding the sample graph."""
    load_sample(store)
    return store


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def test_one_file_per_label_and_type_with_documented_headers(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    write_csv(read_snapshot(store), folder)
    names = sorted(p.name for p in folder.glob("*.csv"))
    assert names == sorted(
        [
            f"nodes_{label}.csv"
            for label in ("Document", "Industry", "Park", "Region", "Target", "Task", "Unit")
        ]
        + [
            f"relationships_{t}.csv"
            for t in (
                "APPLIES_TO",
                "BELONGS_TO",
                "CITES",
                "FOR",
                "HAS_TASK",
                "ISSUED_BY",
                "LED_BY",
                "LOCATED_IN",
                "MENTIONS",
                "PART_OF",
                "PROMOTES",
                "SETS_TARGET",
                "SUPPORTED_BY",
            )
        ]
    )
    for path in folder.glob("*.csv"):
        bad = [column for column in _header(path) if not HEADER.match(column)]
        assert not bad, f"{path.name}: {bad}"
    assert _header(folder / "nodes_Target.csv") == [
        "id:ID",
        "name",
        "metric",
        "value:double",
        "unit",
        "comparator",
        "year:long",
        "baseline:double",
        ":LABEL",  # a Target's sentence is in the saved text, not the graph
    ]
    assert _header(folder / "nodes_Park.csv")[-2:] == ["aliases:string[]", ":LABEL"]
    assert "stub:boolean" in _header(folder / "nodes_Document.csv")
    assert _header(folder / "relationships_CITES.csv") == [
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "doc",
        "evidence",
        "relation",
    ]
    script = (folder / IMPORT_SCRIPT).read_text(encoding="utf-8")
    assert "neo4j-admin database import full --nodes=nodes_Document.csv" in script
    assert "--relationships=relationships_CITES.csv" in script
    assert "--array-delimiter=';' --multiline-fields=true" in script


def test_csv_round_trip(store: Store, tmp_path: Path) -> None:
    snapshot = read_snapshot(store)
    write_csv(snapshot, tmp_path / "csv")
    assert read_csv(tmp_path / "csv").canonical() == snapshot.canonical()


def test_a_list_value_holding_the_array_delimiter_is_refused(tmp_path: Path) -> None:
    park = NodeRecord("Park", "park:x", {"name": "x", "aliases": ["a;b"]})
    with pytest.raises(StoreError, match="array delimiter"):
        write_csv(snapshot_of([park], []), tmp_path / "csv")
