"""CSV in the layout `neo4j-admin database import` reads, and back.

One nodes file per label (`nodes_<Label>.csv`: `id:ID`, properties with typed headers,
`:LABEL`) and one relationships file per type (`relationships_<TYPE>.csv`: `:START_ID`,
`:END_ID`, `:TYPE`, properties). Integers are `long` and floats `double`, Cypher's own
64-bit types, so nothing is rounded; arrays use `;`.
"""

from __future__ import annotations

import csv
import shlex
from collections import defaultdict
from pathlib import Path
from typing import Any

from policykg.errors import LoadError, StoreError
from policykg.graph.snapshot import Snapshot, coerce, ordered, property_type, snapshot_of
from policykg.ontology.records import NodeRecord, RelationshipRecord, Value

ARRAY_DELIMITER = ";"
NEO4J_TYPES = {
    "string": "",
    "integer": "long",
    "float": "double",
    "boolean": "boolean",
    "date": "",  # kept an ISO string, as in the embedded store, so queries compare alike
    "string[]": "string[]",
}
_FROM_NEO4J = {
    "long": "integer",
    "int": "integer",
    "double": "float",
    "float": "float",
    "boolean": "boolean",
    "string[]": "string[]",
    "": "string",
    "string": "string",
}
IMPORT_SCRIPT = "neo4j-admin-import.sh"


def _header(name: str, type_: str) -> str:
    suffix = NEO4J_TYPES[type_]
    return f"{name}:{suffix}" if suffix else name


def _columns(owner: str, records: list[dict[str, Any]]) -> list[str]:
    """The properties set on any record, in schema order, then any others found, sorted."""
    present: dict[str, Value] = {
        k: None for props in records for k, v in props.items() if v is not None
    }
    return list(ordered(owner, present))


def _cell(value: Any, type_: str, where: str) -> str:
    value = coerce(value, type_)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        bad = [v for v in value if ARRAY_DELIMITER in v]
        if bad:
            raise StoreError(
                f"{where}: list value {bad[0]!r} contains the array delimiter {ARRAY_DELIMITER!r}",
                hint="export as ttl, jsonld or graphml instead",
            )
        return ARRAY_DELIMITER.join(value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_csv(snapshot: Snapshot, folder: Path) -> list[Path]:
    """Write the nodes and relationships files (and the import script) into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    by_label: dict[str, list[NodeRecord]] = defaultdict(list)
    for node in snapshot.nodes:
        by_label[node.label].append(node)
    for label, nodes in sorted(by_label.items()):
        columns = _columns(label, [n.properties for n in nodes])
        types = {c: property_type(label, c, _first(nodes, c)) for c in columns}
        header = ["id:ID", *(_header(c, types[c]) for c in columns), ":LABEL"]
        rows = [
            [node.id, *(_cell(node.properties.get(c), types[c], node.id) for c in columns), label]
            for node in nodes
        ]
        written.append(folder / f"nodes_{label}.csv")
        _write(written[-1], header, rows)
    by_type: dict[str, list[RelationshipRecord]] = defaultdict(list)
    for rel in snapshot.relationships:
        by_type[rel.type].append(rel)
    for rtype, rels in sorted(by_type.items()):
        columns = _columns(rtype, [r.properties for r in rels])
        types = {c: property_type(rtype, c, _first(rels, c)) for c in columns}
        header = [":START_ID", ":END_ID", ":TYPE", *(_header(c, types[c]) for c in columns)]
        rows = [
            [
                r.start,
                r.end,
                rtype,
                *(_cell(r.properties.get(c), types[c], r.start) for c in columns),
            ]
            for r in rels
        ]
        written.append(folder / f"relationships_{rtype}.csv")
        _write(written[-1], header, rows)
    script = folder / IMPORT_SCRIPT
    script.write_text(
        "#!/bin/sh\n# Load this folder into an empty Neo4j 5 database (the DBMS stopped).\n"
        f'cd "$(dirname "$0")" && {neo4j_admin_command(written)}\n',
        encoding="utf-8",
    )
    return written


def _first(records: list[Any], name: str) -> Any:
    return next((r.properties[name] for r in records if r.properties.get(name) is not None), None)


def neo4j_admin_command(files: list[Path], database: str = "neo4j") -> str:
    """The neo4j-admin command that imports the written files (paths as given)."""
    parts = ["neo4j-admin", "database", "import", "full"]
    for path in files:
        kind = "--nodes" if path.name.startswith("nodes_") else "--relationships"
        parts.append(f"{kind}={shlex.quote(path.name)}")
    parts += [
        f"--array-delimiter={shlex.quote(ARRAY_DELIMITER)}",
        "--multiline-fields=true",
        "--overwrite-destination=true",
        database,
    ]
    return " ".join(parts)


def _parse_header(column: str) -> tuple[str, str]:
    name, _, suffix = column.partition(":")
    return name, suffix


def _value(text: str, suffix: str, where: str) -> Any:
    type_ = _FROM_NEO4J.get(suffix)
    if type_ is None:
        raise LoadError(f"{where}: unsupported column type {suffix!r}")
    if text == "":
        return None
    try:
        if type_ == "integer":
            return int(text)
        if type_ == "float":
            return float(text)
    except ValueError:
        raise LoadError(f"{where}: {text!r} is not a {suffix}") from None
    if type_ == "boolean":
        return text.lower() == "true"
    if type_ == "string[]":
        return text.split(ARRAY_DELIMITER)
    return text


def _check_width(header: list[str], row: list[str], where: str) -> None:
    """A ragged row (more or fewer fields than the header) is an error, not a shifted value."""
    if len(row) != len(header):
        raise LoadError(f"{where}: {len(row)} fields, but the header has {len(header)}")


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        raise LoadError(f"{path.name} is empty: expected a header row")
    return rows[0], rows[1:]


def read_csv(folder: Path) -> Snapshot:
    """Read a folder written by write_csv back into records."""
    node_files = sorted(folder.glob("nodes_*.csv"))
    if not node_files:
        raise LoadError(f"no nodes_*.csv in {folder}", hint="export with --format csv first")
    nodes: list[NodeRecord] = []
    labels: dict[str, str] = {}
    for path in node_files:
        header, rows = _rows(path)
        for number, row in enumerate(rows, start=2):
            where = f"{path.name}:{number}"
            props: dict[str, Any] = {}
            node_id = label = None
            _check_width(header, row, where)
            for column, text in zip(header, row, strict=True):
                name, suffix = _parse_header(column)
                if suffix == "ID":
                    node_id = text
                elif suffix == "LABEL":
                    label = text
                elif (value := _value(text, suffix, where)) is not None:
                    props[name] = value
            if not node_id or not label:
                raise LoadError(f"{where}: a node needs an :ID and a :LABEL")
            labels[node_id] = label
            nodes.append(NodeRecord(label, node_id, props))
    rels: list[RelationshipRecord] = []
    for path in sorted(folder.glob("relationships_*.csv")):
        header, rows = _rows(path)
        for number, row in enumerate(rows, start=2):
            where = f"{path.name}:{number}"
            fields: dict[str, str] = {}
            props = {}
            _check_width(header, row, where)
            for column, text in zip(header, row, strict=True):
                name, suffix = _parse_header(column)
                if suffix in {"START_ID", "END_ID", "TYPE"}:
                    fields[suffix] = text
                elif (value := _value(text, suffix, where)) is not None:
                    props[name] = value
            start, end = fields.get("START_ID", ""), fields.get("END_ID", "")
            if not fields.get("TYPE"):
                raise LoadError(f"{where}: a relationship needs a :TYPE")
            if start not in labels or end not in labels:
                raise LoadError(f"{where}: {start!r} or {end!r} is not in any nodes file")
            rels.append(
                RelationshipRecord(fields["TYPE"], labels[start], start, labels[end], end, props)
            )
    return snapshot_of(nodes, rels)
