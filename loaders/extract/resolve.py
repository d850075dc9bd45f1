"""Cross-document merge: a stub cited by title alone and the real document it names.

A citation with a 文号 and the document that carries that 文号 share an id, so MERGE joins
them in either load order. A citation by title alone gets a title id; when the real document
has a 文号 (or the stub has one and the real document was loaded without it), the two ids
differ. After each load, `resolve_stubs(store)` finds such pairs by normalised title or 文号
and moves the stub's incoming CITES onto the real document, then deletes the stub.
"""

from __future__ import annotations

from typing import Any

from graph.store import Store
from loaders.docnumber import normalize_title

# Reads: every stub and every loaded document, with their identity keys.
STUBS = (
    "MATCH (s:Document) WHERE s.stub = true "
    "RETURN s.id AS id, s.title AS title, s.doc_number AS doc_number"
)
LOADED = (
    "MATCH (d:Document) WHERE d.stub = false "
    "RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number"
)
# Writes: one row per (stub, real) pair.
MOVE_CITES = (
    "UNWIND $pairs AS pair "
    "MATCH (a:Document)-[r:CITES]->(s:Document {id: pair.stub}) "
    "MATCH (d:Document {id: pair.real}) "
    "MERGE (a)-[n:CITES {doc: r.doc, relation: r.relation}]->(d) "
    "SET n.evidence = r.evidence "
    "DELETE r"
)
DELETE_STUBS = (
    "UNWIND $pairs AS pair MATCH (s:Document {id: pair.stub}) WHERE s.stub = true DETACH DELETE s"
)


def stub_pairs(stubs: list[dict[str, Any]], loaded: list[dict[str, Any]]) -> list[dict[str, str]]:
    """(stub id, real id) for stubs naming a loaded document under another id."""
    by_number = {d["doc_number"]: d["id"] for d in loaded if d.get("doc_number")}
    by_title = {normalize_title(d["title"]): d["id"] for d in loaded if d.get("title")}
    pairs = []
    for stub in stubs:
        real = by_number.get(stub.get("doc_number") or "")
        if real is None and stub.get("title"):
            real = by_title.get(normalize_title(stub["title"]))
        if real is not None and real != stub["id"]:
            pairs.append({"stub": stub["id"], "real": real})
    return pairs


def resolve_stubs(store: Store) -> int:
    """Merge stubs into the loaded documents they name; returns how many were merged."""
    stubs = store.read(STUBS).records()
    if not stubs:
        return 0
    pairs = stub_pairs(stubs, store.read(LOADED).records())
    if pairs:
        store.write(MOVE_CITES, {"pairs": pairs})
        store.write(DELETE_STUBS, {"pairs": pairs})
    return len(pairs)
