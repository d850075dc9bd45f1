"""`policykg export`: the whole graph in one of six formats."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from policykg.errors import ConfigError, PolicyKGError
from policykg.graph import dialect as dialects
from policykg.graph.export_csv import neo4j_admin_command, write_csv
from policykg.graph.export_cypher import write_cypher
from policykg.graph.export_graphml import write_gexf, write_graphml
from policykg.graph.export_rdf import ShaclReport, validate, write_rdf
from policykg.graph.snapshot import Snapshot, read_snapshot
from policykg.graph.store import Store
from policykg.ontology.vocabulary import DEFAULT_BASE

EXPORT_FORMATS = ("ttl", "jsonld", "graphml", "gexf", "csv", "cypher")
_SUFFIXES = {
    ".ttl": "ttl",
    ".jsonld": "jsonld",
    ".graphml": "graphml",
    ".gexf": "gexf",
    ".cypher": "cypher",
    ".cql": "cypher",
}


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    format: str
    paths: tuple[Path, ...]
    nodes: int
    relationships: int
    shacl: ShaclReport | None = None
    command: str | None = None  # how to load a CSV export with neo4j-admin
    notes: tuple[str, ...] = ()  # what the format could not hold as it was

    @property
    def size(self) -> int:
        """Bytes written."""
        return sum(p.stat().st_size for p in self.paths)


def guess_format(out: Path, fmt: str | None) -> str:
    """The format asked for, or the one the output name implies."""
    hint = f"pass --format with one of: {', '.join(EXPORT_FORMATS)}"
    if fmt is None:
        guessed = "csv" if out.is_dir() or not out.suffix else _SUFFIXES.get(out.suffix.lower())
        if guessed is None:
            raise ConfigError(f"cannot tell the export format from the name {out.name}", hint=hint)
        return guessed
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}", hint=hint)
    return fmt


def export_snapshot(
    snapshot: Snapshot,
    fmt: str,
    out: Path,
    *,
    base: str = DEFAULT_BASE,
    check: bool = True,
    dialect: str = dialects.NEO4J,
) -> ExportResult:
    """Write snapshot to out; RDF is validated against the SHACL shapes unless check=False."""
    counts = (len(snapshot.nodes), len(snapshot.relationships))
    if fmt == "csv":
        paths = write_csv(snapshot, out)
        return ExportResult(fmt, tuple(paths), *counts, command=neo4j_admin_command(paths))
    out.parent.mkdir(parents=True, exist_ok=True)
    report = None
    replaced = 0
    if fmt in {"ttl", "jsonld"}:
        graph = write_rdf(snapshot, out, fmt, base)
        report = validate(graph) if check else None
    elif fmt == "graphml":
        replaced = write_graphml(snapshot, out)
    elif fmt == "gexf":
        replaced = write_gexf(snapshot, out)
    else:
        write_cypher(snapshot, out, dialect)
    notes = (
        (f"{replaced} value(s) held control characters XML cannot hold: written as U+FFFD",)
        if replaced
        else ()
    )
    return ExportResult(fmt, (out,), *counts, shacl=report, notes=notes)


def export_graph(store: Store, fmt: str, out: Path, **options: object) -> ExportResult:
    """Read the store's whole graph and export it."""
    snapshot = read_snapshot(store)
    try:
        return export_snapshot(snapshot, fmt, out, **options)  # type: ignore[arg-type]
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.filename and str(exc.filename) != str(out):
            reason += f" ({exc.filename})"
        raise PolicyKGError(
            f"cannot write {out}: {reason}",
            hint="name a file in a writable folder (a folder for --format csv)",
        ) from exc
