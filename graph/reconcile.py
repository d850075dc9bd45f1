"""Merge citation stubs into the documents they name, whichever was loaded first.

A citation with a 文号 and the document that carries that 文号 share an id, so MERGE joins
them in either load order. A citation by title alone gets a title id; when the real document
has a 文号 (or the stub has one and the real document was loaded without it), the two ids
differ. After each load the store itself matches stubs to loaded documents by 文号, else by
the title key written at extraction (`title_key`); their incoming citations move to the real
document and the stubs are deleted.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.graph.statements import statement
from policykg.graph.store import Store


@dataclass(frozen=True)
class StubMerge:
    """A stub folded into the loaded document it names."""

    stub: str
    real: str


def merge_stubs(store: Store) -> list[StubMerge]:
    """Fold every matching stub into its loaded document; returns what was merged."""
    rows = store.read(statement("find_stub_merges")).records()
    merges = [StubMerge(str(row["stub"]), str(row["real"])) for row in rows]
    if merges:
        pairs = [{"stub": m.stub, "real": m.real} for m in merges]
        store.write(statement("move_citations"), {"pairs": pairs})
        store.write(statement("delete_stubs"), {"pairs": pairs})
    return merges
