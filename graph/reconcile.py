"""Merge citation stubs into the documents they name, whichever was loaded first.

A citation with a 文号 and the document that carries that 文号 share an id, so MERGE joins
them in either load order. A citation by title alone gets a title id; when the real document
has a 文号 (or the stub has one and the real document was loaded without it), the two ids
differ. After each load the stubs are matched to loaded documents by 文号, else normalised
title, their incoming citations moved to the real document, and the stubs deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.statements import statement
from graph.store import Store
from loaders.docnumber import normalize_title


@dataclass(frozen=True)
class StubMerge:
    """A stub folded into the loaded document it names."""

    stub: str
    real: str


def stub_merges(stubs: list[dict[str, Any]], loaded: list[dict[str, Any]]) -> list[StubMerge]:
    """Stubs naming a loaded document under another id, unless their 文号 disagree."""
    by_number = {d["doc_number"]: d for d in loaded if d.get("doc_number")}
    by_title = {normalize_title(d["title"]): d for d in loaded if d.get("title")}
    merges = []
    for stub in stubs:
        real = by_number.get(stub.get("doc_number") or "")
        if real is None and stub.get("title"):
            real = by_title.get(normalize_title(stub["title"]))
        if real is None or real["id"] == stub["id"]:
            continue
        if (
            stub.get("doc_number")
            and real.get("doc_number") != stub["doc_number"]
            and real.get("doc_number")
        ):
            continue  # same title, another 文号: two documents (yearly 工作要点, say)
        merges.append(StubMerge(stub["id"], real["id"]))
    return merges


def merge_stubs(store: Store) -> list[StubMerge]:
    """Fold every matching stub into its loaded document; returns what was merged."""
    stubs = store.read(statement("find_stubs")).records()
    if not stubs:
        return []
    merges = stub_merges(stubs, store.read(statement("find_loaded")).records())
    if merges:
        pairs = [{"stub": m.stub, "real": m.real} for m in merges]
        store.write(statement("move_citations"), {"pairs": pairs})
        store.write(statement("delete_stubs"), {"pairs": pairs})
    return merges
