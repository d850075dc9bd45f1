"""A Cypher script that recreates the graph in any Neo4j (or FalkorDB): MERGE per node and edge.

Values are inlined as Cypher literals, so the script runs in cypher-shell or the browser
without parameters. One statement per line, each ending with `;`.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from policykg.errors import StoreError
from policykg.graph import dialect as dialects
from policykg.graph.snapshot import Snapshot
from policykg.ontology.records import NodeRecord, RelationshipRecord
from policykg.ontology.schema import RELATIONSHIPS

_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def cypher_name(name: str) -> str:
    """A label, type or property key, backtick-quoted when it is not a plain identifier."""
    return name if _PLAIN_NAME.match(name) else "`" + name.replace("`", "``") + "`"


def _string(text: str) -> str:
    # Only the escapes both stores read; other control characters stay raw, and no raw
    # newline is left, so a statement is one line of the script.
    if "\x00" in text:
        raise StoreError(f"cannot write a NUL character as Cypher: {text[:40]!r}")
    return "'" + "".join(_ESCAPES.get(char, char) for char in text) + "'"


def cypher_literal(value: Any) -> str:
    """A Python value as a Cypher literal: strings escaped, lists and maps recursively."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise StoreError(f"cannot write the non-finite number {value!r} as Cypher")
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return _map(value)
    raise StoreError(f"cannot write {type(value).__name__} value {value!r} as Cypher")


def _map(properties: dict[str, Any]) -> str:
    items = (
        f"{cypher_name(k)}: {cypher_literal(v)}" for k, v in properties.items() if v is not None
    )
    return "{" + ", ".join(items) + "}"


def node_statement(node: NodeRecord) -> str:
    """MERGE one node on id and set its properties."""
    props = {k: v for k, v in node.properties.items() if v is not None and k != "id"}
    merge = f"MERGE (n:{cypher_name(node.label)} {{id: {cypher_literal(node.id)}}})"
    return f"{merge} SET n += {_map(props)};" if props else f"{merge};"


def relationship_statement(rel: RelationshipRecord) -> str:
    """MATCH both ends by id, MERGE the relationship on its key properties, set the rest."""
    rtype = RELATIONSHIPS.get(rel.type)
    key_names = rtype.key if rtype else ()
    key = {k: rel.properties.get(k) for k in key_names if rel.properties.get(k) is not None}
    rest = {k: v for k, v in rel.properties.items() if k not in key and v is not None}
    start = f"MATCH (a:{cypher_name(rel.start_label)} {{id: {cypher_literal(rel.start)}}})"
    end = f"MATCH (b:{cypher_name(rel.end_label)} {{id: {cypher_literal(rel.end)}}})"
    key_map = f" {_map(key)}" if key else ""
    merge = f"MERGE (a)-[r:{cypher_name(rel.type)}{key_map}]->(b)"
    tail = f" SET r += {_map(rest)}" if rest else ""
    return f"{start} {end} {merge}{tail};"


def cypher_script(snapshot: Snapshot, dialect: str = dialects.NEO4J) -> str:
    """The whole script: schema first, then nodes, then relationships."""
    lines = [
        f"// policykg export: {len(snapshot.nodes)} nodes, "
        f"{len(snapshot.relationships)} relationships ({dialect} dialect)",
        *(f"{s};" for s in dialects.schema_statements(dialect)),
        *(node_statement(n) for n in snapshot.nodes),
        *(relationship_statement(r) for r in snapshot.relationships),
    ]
    return "\n".join(lines) + "\n"


def statements(script: str) -> list[str]:
    """The statements of a script written by cypher_script, without their `;`."""
    return [
        line[:-1]
        for line in script.split("\n")
        if line.strip() and not line.startswith("//") and line.endswith(";")
    ]


def write_cypher(snapshot: Snapshot, path: Path, dialect: str = dialects.NEO4J) -> None:
    """Write the script to path."""
    path.write_text(cypher_script(snapshot, dialect), encoding="utf-8")
