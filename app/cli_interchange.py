"""`policykg export` and `policykg import`: thin commands over graph.exporters/importers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from policykg.app.console import data_console
from policykg.errors import ConfigError

# Spelled out, not imported: graph.exporters and the ontology's RDF vocabulary pull in rdflib
# and networkx, which every other command would pay for at start-up; graph.dialect the
# ontology (~5 ms). A test checks all three.
FORMATS_HELP = "ttl, jsonld, graphml, gexf, csv, cypher; else from OUT's suffix."
BASE_DEFAULT = "http://example.org/policykg/id/"
DIALECTS = ("neo4j", "falkordb")

err = data_console(stderr=True)

BaseOption = Annotated[
    str,
    typer.Option(
        "--base",
        envvar="POLICYKG_RDF_BASE",
        help="Base IRI of node and link IRIs in RDF. Env: POLICYKG_RDF_BASE.",
    ),
]


def _state(ctx: typer.Context) -> Any:
    """The CLI's State (settings and store factory), set by the app callback."""
    if ctx.obj is None:
        raise ConfigError("the export and import commands run under the policykg app")
    return ctx.obj


def export_command(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(help="Output file (a folder for csv).")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help=FORMATS_HELP),
    ] = None,
    base: BaseOption = BASE_DEFAULT,
    check: Annotated[
        bool, typer.Option("--validate/--no-validate", help="Check RDF against the SHACL shapes.")
    ] = True,
    dialect: Annotated[
        str, typer.Option(help="Cypher dialect of the schema statements: neo4j or falkordb.")
    ] = DIALECTS[0],
) -> None:
    """Export the whole graph; RDF is validated with SHACL (exit 1 on violations)."""
    from policykg.graph.exporters import export_graph, guess_format

    fmt = guess_format(out, fmt)
    if dialect not in DIALECTS:
        raise ConfigError(f"unknown dialect {dialect!r}", hint="use neo4j or falkordb")
    store = _state(ctx).store()
    try:
        result = export_graph(store, fmt, out, base=base, check=check, dialect=dialect)
    finally:
        store.close()
    where = f"{out}/ ({len(result.paths)} files)" if fmt == "csv" else str(out)
    err.print(
        f"wrote {where}: {result.nodes} nodes, {result.relationships} relationships, "
        f"{result.size} bytes",
        highlight=False,
    )
    for note in result.notes:
        err.print(f"note: {note}", highlight=False)
    if result.command:
        err.print(f"load into Neo4j (from {out}): {result.command}", highlight=False)
    if result.shacl is not None:
        if result.shacl.conforms:
            err.print("SHACL: conforms (0 violations)", highlight=False)
        else:
            err.print(result.shacl.text, highlight=False)
            err.print(
                f"SHACL: {result.shacl.violations} violation(s)", style="red", highlight=False
            )
            raise typer.Exit(1)


def import_command(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A ttl/jsonld/graphml/gexf file or a CSV folder.")],
    base: BaseOption = BASE_DEFAULT,
    batch_size: Annotated[
        int | None, typer.Option(help="Rows per write. Env: POLICYKG_BATCH_SIZE.")
    ] = None,
) -> None:
    """Import one of our own exports into the current store (MERGE on id)."""
    from policykg.graph.importers import import_path

    state = _state(ctx)
    size = batch_size or state.settings.batch_size
    store = state.store()
    try:
        counts = import_path(store, path, size, base)
    finally:
        store.close()
    err.print(
        f"imported {path}: {counts.nodes} nodes, {counts.relationships} relationships",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    """Add the export and import commands to the policykg app."""
    app.command("export")(export_command)
    app.command("import")(import_command)
