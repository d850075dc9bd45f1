"""`policykg import`: our own RDF, CSV or GraphML/GEXF exports back into a store."""

from __future__ import annotations

from pathlib import Path

from graph.export_csv import read_csv
from graph.export_graphml import read_gexf, read_graphml
from graph.export_rdf import read_rdf
from graph.snapshot import Snapshot
from graph.store import Store
from graph.writer import WriteCounts, write_records
from ontology.vocabulary import DEFAULT_BASE
from policykg.errors import LoadError

IMPORT_SUFFIXES = (".ttl", ".jsonld", ".json", ".graphml", ".gexf")


def read_export(path: Path, base: str = DEFAULT_BASE) -> Snapshot:
    """Records from an export: a CSV folder, Turtle, JSON-LD, GraphML or GEXF file."""
    if path.is_dir():
        return read_csv(path)
    if not path.exists():
        raise LoadError(f"{path} does not exist")
    suffix = path.suffix.lower()
    if suffix in {".ttl", ".jsonld", ".json"}:
        return read_rdf(path, base)
    if suffix == ".graphml":
        return read_graphml(path)
    if suffix == ".gexf":
        return read_gexf(path)
    raise LoadError(
        f"cannot tell the format of {path.name}",
        hint=f"import a CSV export folder or a {', '.join(IMPORT_SUFFIXES)} file",
    )


def import_snapshot(store: Store, snapshot: Snapshot, batch_size: int) -> WriteCounts:
    """MERGE every node and relationship of snapshot into store (validated first)."""
    store.ensure_schema()
    return write_records(store, snapshot.nodes, snapshot.relationships, batch_size)


def import_path(store: Store, path: Path, batch_size: int, base: str = DEFAULT_BASE) -> WriteCounts:
    """Read an export and write it into store; an export without nodes is refused."""
    snapshot = read_export(path, base)
    if not snapshot.nodes:
        raise LoadError(
            f"no policykg nodes in {path}",
            hint="import a file written by `policykg export` (RDF: with the same --base)",
        )
    return import_snapshot(store, snapshot, batch_size)
