"""Merge citation stubs into the documents they name, whichever was loaded first.

A document cited by title only gets a stub whose id is its title; when the real document
has a 文号, its id is the 文号, so the two do not meet by MERGE alone. After each load the
stubs are matched to loaded documents by normalised title, their incoming citations moved
to the real document, and the stubs deleted.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.store import Store
from loaders.docnumber import normalize_title

FIND_STUBS = (
    "MATCH (s:Document) WHERE s.stub = true AND s.title IS NOT NULL "
    "RETURN s.id AS id, s.title AS title, s.doc_number AS doc_number"
)
FIND_LOADED = (
    "MATCH (d:Document) WHERE d.stub = false AND d.title IS NOT NULL "
    "RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number"
)
MOVE_CITATIONS = (
    "MATCH (s:Document {id: $stub})<-[c:CITES]-(x:Document) "
    "MATCH (r:Document {id: $real}) "
    "MERGE (x)-[n:CITES {doc: c.doc, relation: c.relation}]->(r) "
    "SET n.evidence = c.evidence "
    "RETURN count(n) AS moved"
)
DELETE_STUB = (
    "MATCH (s:Document {id: $stub}) WHERE s.stub = true "
    "MATCH (r:Document {id: $real}) "
    "SET r.doc_number = coalesce(r.doc_number, s.doc_number) "
    "DETACH DELETE s"
)


@dataclass(frozen=True)
class StubMerge:
    """A stub folded into the loaded document it names."""

    stub: str
    real: str


def find_stub_merges(store: Store) -> list[StubMerge]:
    """Stubs whose normalised title is a loaded document's, when their 文号 do not disagree."""
    loaded: dict[str, tuple[str, str | None]] = {}
    for row in store.read(FIND_LOADED).records():
        loaded.setdefault(normalize_title(row["title"]), (row["id"], row["doc_number"]))
    merges = []
    for row in store.read(FIND_STUBS).records():
        match = loaded.get(normalize_title(row["title"]))
        if match is None or match[0] == row["id"]:
            continue
        real_id, real_number = match
        if row["doc_number"] and real_number and row["doc_number"] != real_number:
            continue  # same title, different 文号: two documents (e.g. yearly 工作要点)
        merges.append(StubMerge(row["id"], real_id))
    return merges


def merge_stubs(store: Store) -> list[StubMerge]:
    """Fold every matching stub into its loaded document; returns what was merged."""
    merges = find_stub_merges(store)
    for merge in merges:
        params = {"stub": merge.stub, "real": merge.real}
        store.write(MOVE_CITATIONS, params)
        store.write(DELETE_STUB, params)
    return merges
