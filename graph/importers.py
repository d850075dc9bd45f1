"""`policykg import`: our own RDF, CSV or GraphML/GEXF exports back into a store.

An import is read and validated whole before the first write, so a malformed export changes
nothing; every problem is one LoadError naming the file.
"""

from __future__ import annotations

import csv
from pathlib import Path
from xml.etree.ElementTree import ParseError

import networkx as nx

from policykg.errors import ExtractError, LoadError
from policykg.graph.export_csv import read_csv
from policykg.graph.export_graphml import read_gexf, read_graphml
from policykg.graph.export_rdf import read_rdf
from policykg.graph.snapshot import Snapshot
from policykg.graph.store import Store
from policykg.graph.writer import PreparedRows, WriteCounts, prepare_records, send_rows
from policykg.ontology.vocabulary import DEFAULT_BASE

IMPORT_SUFFIXES = (".ttl", ".jsonld", ".json", ".graphml", ".gexf")
_EXPORT_HINT = "import a file written by `policykg export`, unchanged"
# What the XML readers (networkx on ElementTree) raise for a file that is not their format.
_XML_FAILURES = (ParseError, nx.NetworkXError, ValueError, KeyError, TypeError, IndexError)


def read_export(path: Path, base: str = DEFAULT_BASE) -> Snapshot:
    """Records from an export: a CSV folder, Turtle, JSON-LD, GraphML or GEXF file."""
    try:
        return _read(path, base)
    except LoadError as exc:
        raise _naming(path, exc) from exc
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except (csv.Error, UnicodeDecodeError) as exc:
        raise LoadError(f"{path}: not a readable CSV export ({exc})", hint=_EXPORT_HINT) from exc


def _read(path: Path, base: str) -> Snapshot:
    if path.is_dir():
        return read_csv(path)
    if not path.exists():
        raise LoadError(f"{path} does not exist")
    suffix = path.suffix.lower()
    if suffix in {".ttl", ".jsonld", ".json"}:
        return read_rdf(path, base)
    if suffix in {".graphml", ".gexf"}:
        reader, what = (read_graphml, "GraphML") if suffix == ".graphml" else (read_gexf, "GEXF")
        try:
            return reader(path)
        except _XML_FAILURES as exc:
            detail = " ".join(str(exc).split()) or type(exc).__name__
            raise LoadError(
                f"{path}: not a readable {what} file ({detail})", hint=_EXPORT_HINT
            ) from exc
    raise LoadError(
        f"cannot tell the format of {path.name}",
        hint=f"import a CSV export folder or a {', '.join(IMPORT_SUFFIXES)} file",
    )


def _naming(path: Path, exc: LoadError) -> LoadError:
    """The same error, its message starting with the file it is about."""
    message = " ".join(str(exc).split())  # parsers' messages span lines; ours are one line
    if len(message) > 300:
        message = message[:300] + " …"
    if not message.startswith(str(path)):
        message = f"{path}: {message}"
    return LoadError(message, hint=exc.hint)


def validate_snapshot(snapshot: Snapshot) -> PreparedRows:
    """Every node and relationship checked against the ontology, and every link's ends present."""
    ids = {node.id for node in snapshot.nodes}
    for rel in snapshot.relationships:
        for end in (rel.start, rel.end):
            if end not in ids:
                raise ExtractError(f"{rel.type} {rel.start!r}->{rel.end!r}: no node {end!r}")
    return prepare_records(snapshot.nodes, snapshot.relationships)


def import_snapshot(store: Store, snapshot: Snapshot, batch_size: int) -> WriteCounts:
    """MERGE every node and relationship of snapshot into store (all validated first)."""
    prepared = validate_snapshot(snapshot)
    store.ensure_schema()
    return send_rows(store, prepared, batch_size)


def import_path(store: Store, path: Path, batch_size: int, base: str = DEFAULT_BASE) -> WriteCounts:
    """Read an export and write it into store; nothing is written unless all of it is valid."""
    snapshot = read_export(path, base)
    if not snapshot.nodes:
        raise LoadError(
            f"no policykg nodes in {path}",
            hint="import a file written by `policykg export` (RDF: with the same --base)",
        )
    try:
        prepared = validate_snapshot(snapshot)
    except ExtractError as exc:
        raise LoadError(f"{path}: {exc}", hint=_EXPORT_HINT) from exc
    store.ensure_schema()
    return send_rows(store, prepared, batch_size)
