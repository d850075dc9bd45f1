"""The `policykg` command line: thin commands over loaders, graph and queries."""

from __future__ import annotations

import copy
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from policykg.app.cli_check import register as register_check
from policykg.app.cli_interchange import register as register_interchange
from policykg.app.console import data_console
from policykg.app.output import FORMATS, dump, dumps, limited, render
from policykg.errors import PolicyKGError, QueryError
from policykg.graph import QueryResult, Reader, Store, open_reader, open_store
from policykg.settings import Settings

if TYPE_CHECKING:
    from policykg.loaders.discover import Discovery

# Commands import what only they need (loaders, extraction, the progress bar, the server
# manager) inside: `policykg query` should not pay for parsing Chinese documents at start-up.

app = typer.Typer(
    help="policykg: a knowledge graph of Chinese government policy documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(
    help="Manage the embedded FalkorDB server and the graph.", no_args_is_help=True
)
app.add_typer(db_app, name="db")
register_interchange(app)
register_check(app)

out = data_console()
err = data_console(stderr=True)


def _plain(text: str, style: str | None = None) -> None:
    """Print document text as is: brackets in it are not markup, numbers not highlighted."""
    out.print(text, style=style, highlight=False, markup=False)


ParamOption = Annotated[
    list[str] | None,
    typer.Option("--param", "-p", help="A query parameter as name=value; repeatable."),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]


class State:
    """Options given before the command, turned into Settings on first use."""

    def __init__(self, overrides: dict[str, Any]) -> None:
        self.overrides = overrides
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = Settings.from_env(**self.overrides)
        return self._settings

    def store(self) -> Store:
        return open_store(self.settings)

    def reader(self) -> Reader:
        """For read-only commands: on the embedded store, a client without redis-py."""
        return open_reader(self.settings)


@app.callback()
def main_options(
    ctx: typer.Context,
    store: Annotated[
        str | None, typer.Option(help="falkordb (default) or neo4j. Env: POLICYKG_STORE.")
    ] = None,
    home: Annotated[Path | None, typer.Option(help="Data directory. Env: POLICYKG_HOME.")] = None,
    graph: Annotated[str | None, typer.Option(help="Graph name. Env: POLICYKG_GRAPH.")] = None,
    neo4j_uri: Annotated[str | None, typer.Option(help="Env: NEO4J_URI.")] = None,
    neo4j_user: Annotated[str | None, typer.Option(help="Env: NEO4J_USER.")] = None,
    neo4j_password: Annotated[str | None, typer.Option(help="Env: NEO4J_PASSWORD.")] = None,
    neo4j_database: Annotated[str | None, typer.Option(help="Env: NEO4J_DATABASE.")] = None,
) -> None:
    """Global options; every one also reads its environment variable."""
    ctx.obj = State(
        {
            "store": store,
            "home": home,
            "graph_name": graph,
            "neo4j_uri": neo4j_uri,
            "neo4j_user": neo4j_user,
            "neo4j_password": neo4j_password,
            "neo4j_database": neo4j_database,
        }
    )


def _state(ctx: typer.Context) -> State:
    state = ctx.obj
    assert isinstance(state, State)
    return state


def _params(raw: list[str] | None) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in raw or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise QueryError(f"parameter {item!r} is not name=value", hint="e.g. -p year=2027")
        params[name.strip()] = value
    return params


def _guess_types(params: dict[str, str]) -> dict[str, Any]:
    """Ad-hoc query parameters: JSON values when they parse (2027, true, [..]), else strings."""
    typed: dict[str, Any] = {}
    for name, value in params.items():
        try:
            typed[name] = json.loads(value)
        except json.JSONDecodeError:
            typed[name] = value
    return typed


def _found_files(found: Discovery) -> list[Path]:
    """The files discovered; with none at all, the one reason why (or a general one)."""
    if found.files:
        return found.files
    if len(found.skipped) == 1:
        raise found.skipped[0].error
    _report_skipped(found)
    raise PolicyKGError(
        "no document files found", hint="name files, folders or globs of .txt/.html/.docx/.pdf"
    )


def _report_skipped(found: Discovery) -> bool:
    """Print one error line (and hint) per skipped path; True when any was skipped."""
    for skipped in found.skipped:
        err.print(f"error {skipped.error}", style="red", highlight=False, markup=False)
        if skipped.error.hint:
            err.print(f"hint: {skipped.error.hint}", highlight=False, markup=False)
    return bool(found.skipped)


@app.command()
def load(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.")],
    batch_size: Annotated[
        int | None, typer.Option(help="Rows per write. Env: POLICYKG_BATCH_SIZE.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Processes that parse while one writes (default: one per core; 1: none).",
            envvar="POLICYKG_WORKERS",
        ),
    ] = None,
    group: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Documents written per round trip (Neo4j: per transaction); default 16.",
            envvar="POLICYKG_GROUP",
        ),
    ] = None,
) -> None:
    """Parse, extract and load documents; exits 1 when any file failed (after loading the rest)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from policykg.app.loading import GROUP_DOCUMENTS, FileResult, default_workers, load_files
    from policykg.app.texts import texts_dir
    from policykg.graph.stats import graph_stats
    from policykg.loaders.discover import discover

    state = _state(ctx)
    settings = state.settings if batch_size is None else state.settings.with_(batch_size=batch_size)
    found = discover(paths)
    files = _found_files(found)
    skipped = [FileResult(s.path, False, error=str(s.error), hint=s.error.hint or None)
               for s in found.skipped]  # fmt: skip
    store = state.store()
    try:
        store.ensure_schema()
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=as_json or not err.is_terminal,
        ) as progress:
            task = progress.add_task("loading", total=len(files) + len(skipped))

            def report(results: list[FileResult]) -> None:
                progress.advance(task)
                if as_json:
                    return
                for result in results:
                    if result.ok:
                        progress.console.print(
                            f"ok    {result.path}  {result.title or ''}  "
                            f"({result.nodes} nodes, {result.relationships} relationships)",
                            highlight=False,
                        )
                    else:
                        progress.console.print(
                            f"error {result.error}", style="red", highlight=False
                        )
                        if result.hint:
                            progress.console.print(f"hint: {result.hint}", highlight=False)

            load_report = load_files(
                store,
                files,
                settings.batch_size,
                on_file=report,
                skipped=skipped,
                workers=default_workers() if workers is None else workers,
                group_documents=GROUP_DOCUMENTS if group is None else group,
                # The explorer's Document page reads texts from here, never from `source`.
                texts=texts_dir(settings.home),
            )
        stats = graph_stats(store)
    finally:
        store.close()
    if as_json:
        # Written as it is encoded, not through rich: the report lists every file.
        dump(
            {
                "files": [vars(f) for f in load_report.files],
                "loaded": len(load_report.loaded),
                "failed": len(load_report.failed),
                "stages": load_report.stages.to_json(),
                "stats": stats.to_json(),
            },
            sys.stdout,
        )
    else:
        err.print(
            f"{len(load_report.loaded)} document(s) loaded, {len(load_report.failed)} file(s) failed; "
            f"graph: {stats.nodes} nodes, {stats.edges} relationships",
            highlight=False,
        )
        seconds = load_report.stages
        err.print(
            f"time: parse {seconds.parse:.1f} s, extract {seconds.extract:.1f} s, "
            f"write {seconds.write:.1f} s, reconcile {seconds.reconcile:.1f} s",
            highlight=False,
        )
    if load_report.failed:
        raise typer.Exit(1)


@app.command("parse")
def parse_command(
    files: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print ParsedDocument as JSON.")] = False,
) -> None:
    """Show what the loader reads from files: metadata, sections and clean text."""
    from dataclasses import asdict

    from policykg.loaders import parse
    from policykg.loaders.discover import discover

    def without_offsets(data: dict[str, Any]) -> dict[str, Any]:
        # Offsets and the original text are for showing evidence in context, not for reading.
        data.pop("offsets", None)
        data.pop("original_text", None)
        data["companions"] = [without_offsets(c) for c in data.get("companions", [])]
        return data

    found = discover(files)
    documents = _found_files(found)
    failed = _report_skipped(found)
    for file in documents:
        try:
            doc = parse(file)
        except PolicyKGError as exc:
            err.print(f"error {exc}", style="red", highlight=False, markup=False)
            if exc.hint:
                err.print(f"hint: {exc.hint}", highlight=False, markup=False)
            failed = True
            continue
        if as_json:
            out.out(dumps(without_offsets(asdict(doc))), highlight=False)
            continue
        for part in doc.documents():
            meta = part.metadata
            role = f"  ({part.companion_role})" if part.companion_role else ""
            _plain(f"{meta.title}  {meta.doc_number or ''}{role}", style="bold")
            _plain(
                f"issuer: {meta.issuer or '-'}  date: {meta.date or '-'}  status: {meta.status or '-'}"
                f"  kind: {meta.kind or '-'}  format: {part.format}"
                + (f" ({part.encoding})" if part.encoding else "")
            )
            for section in part.all_sections():
                _plain(f"{'  ' * section.depth}{section.number} {section.title}")
            _plain("")
            _plain(part.text)
            _plain("")
    if failed:
        raise typer.Exit(1)


@app.command("extract")
def extract_command(
    files: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.")],
    as_json: Annotated[
        bool,
        typer.Option("--json/--pretty", help="One JSON object per line (default), or indented."),
    ] = True,
) -> None:
    """Print what `load` would write for each document: nodes and relationships."""
    import orjson

    from policykg.loaders import collector, parse
    from policykg.loaders.discover import discover
    from policykg.loaders.extract import extract

    found = discover(files)
    documents = _found_files(found)
    failed = _report_skipped(found)
    collector.for_bulk_extraction()
    # orjson's bytes go out as they are: decoding them for sys.stdout to encode again cost
    # more than making them. A stdout without a byte buffer (some test runners) gets text.
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    for file in documents:
        try:
            parsed = parse(file)
            for document in parsed.documents():
                extraction = extract(document)
                data = {
                    "document": {
                        "id": extraction.document_id,
                        "source": document.source,
                        "title": document.metadata.title,
                    },
                    "nodes": [n.to_json() for n in extraction.nodes],
                    "relationships": [r.to_json() for r in extraction.relationships],
                }
                # Straight to stdout: rich's console spends a third of the run wrapping JSON.
                if as_json and out is not None:  # orjson: the stdlib encoder took 5 % of a run
                    out.write(orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE))
                elif as_json:
                    sys.stdout.write(orjson.dumps(data).decode() + "\n")
                else:
                    sys.stdout.write(dumps(data) + "\n")
        except PolicyKGError as exc:
            err.print(f"error {exc}", style="red", highlight=False, markup=False)
            failed = True
    if failed:
        raise typer.Exit(1)


LimitOption = Annotated[
    int,
    typer.Option(
        "--limit", min=1, help="Print at most this many rows (a count of the rest is shown)."
    ),
]
AllOption = Annotated[bool, typer.Option("--all", help="Print every row (no --limit).")]
DEFAULT_LIMIT = 1000


def _print_result(result: QueryResult, fmt: str, limit: int | None) -> None:
    """Render the first LIMIT rows; say on stderr how many were left out and how to see them."""
    shown = result if limit is None else limited(result, limit)
    render(shown, fmt, out)
    if len(shown.rows) < len(result.rows):
        # Plain text, as the console would print it, without importing rich for one line.
        sys.stderr.write(
            f"showing {len(shown.rows):,} of {len(result.rows):,} rows; "
            "--limit N or --all for more\n"
        )


@app.command()
def query(
    ctx: typer.Context,
    cypher: Annotated[
        str | None,
        typer.Argument(help="A read-only Cypher query; use $name for parameters."),
    ] = None,
    param: ParamOption = None,
    fmt: FormatOption = "table",
    limit: LimitOption = DEFAULT_LIMIT,
    all_rows: AllOption = False,
    stdin: Annotated[
        bool,
        typer.Option(
            "--stdin",
            help="Read queries from stdin, one per line, and run them on one connection "
            "(with --format json: one JSON array per line).",
        ),
    ] = False,
) -> None:
    """Run a read-only Cypher query; writes are refused by the store."""
    _check_format(fmt)
    if (cypher is None) == (not stdin):
        raise QueryError(
            "give one query, or --stdin to read queries one per line",
            hint='policykg query "MATCH (d:Document) RETURN count(d)"',
        )
    params = _guess_types(_params(param))
    row_limit = None if all_rows else limit
    store = _state(ctx).reader()
    try:
        if cypher is not None:
            _print_result(store.read(cypher, params), fmt, row_limit)
            return
        for line in sys.stdin:
            text = line.strip()
            if not text or text.startswith("//"):
                continue
            result = store.read(text, params)
            if fmt == "json":  # JSON lines: one query's rows per line
                sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            else:
                _print_result(result, fmt, row_limit)
    finally:
        store.close()


@app.command()
def search(
    ctx: typer.Context,
    words: Annotated[str, typer.Argument(help="Words to find in titles and texts (as printed).")],
    fmt: FormatOption = "table",
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many documents.")] = 20,
) -> None:
    """Full-text search over the documents loaded into this data directory."""
    from policykg.app.text_search import search as search_texts
    from policykg.app.texts import texts_dir

    _check_format(fmt)
    hits = search_texts(texts_dir(_state(ctx).settings.home), words, limit)
    rows = tuple((h.document_id, h.title, h.matches, h.snippet) for h in hits)
    render(QueryResult(("document_id", "title", "matches", "snippet"), rows), fmt, out)
    if not hits:
        err.print(f"no loaded document contains {words!r}", highlight=False)


@app.command()
def run(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="Named query from queries/.")] = None,
    param: ParamOption = None,
    fmt: FormatOption = "table",
    limit: LimitOption = DEFAULT_LIMIT,
    all_rows: AllOption = False,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
) -> None:
    """Run a named query (see --list)."""
    from policykg.queries import SPAN_COLUMNS, get_query, named_queries

    if list_ or name is None:
        from rich.text import Text

        for named in named_queries().values():
            out.print(Text.assemble((named.name, "bold"), f"  {named.description}"))
            for p in named.params:
                default = f" (default {p.default})" if p.default is not None else ""
                out.print(f"    -p {p.name}=<{p.type}>  {p.description}{default}", highlight=False)
        return
    _check_format(fmt)
    named = get_query(name)
    raw = _params(param)
    row_limit = None if all_rows else limit
    if "limit" in {p.name for p in named.params} and "limit" not in raw:
        # The query limits itself in the server: --limit/--all set that bound, so a unit
        # with 70,000 tasks is not fetched whole to print 1,000 of them.
        raw["limit"] = str(row_limit if row_limit is not None else 2**31 - 1)
    state = _state(ctx)
    store = state.reader()
    try:
        result = store.read(named.cypher, named.bind(raw))
    finally:
        store.close()
    if set(SPAN_COLUMNS) <= set(result.columns):
        # A Target's sentence is in the saved text, named by the query's evidence_* columns;
        # the text store's module is imported only then (~50 ms of every run otherwise).
        from policykg.app.texts import saved_text_reader, texts_dir, with_sentences

        result = with_sentences(result, saved_text_reader(texts_dir(state.settings.home)))
    _print_result(result, fmt, row_limit)


@app.command()
def stats(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Nodes per label and relationships per type."""
    from policykg.graph.stats import graph_stats

    store = _state(ctx).store()
    try:
        counts = graph_stats(store)
    finally:
        store.close()
    if as_json:
        out.out(dumps(counts.to_json()), highlight=False)
        return
    for label, count in counts.labels.items():
        out.print(f"{label:<14}{count:>8}", highlight=False)
    for rtype, count in counts.relationships.items():
        out.print(f"{rtype:<14}{count:>8}", highlight=False)
    out.print(
        f"{'nodes':<14}{counts.nodes:>8}\n{'relationships':<14}{counts.edges:>8}", highlight=False
    )


@db_app.command("status")
def db_status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Is the embedded server running, and where is its data."""
    from policykg.graph.embedded import server_status

    status = server_status(_state(ctx).settings.home)
    data = {
        "running": status.running,
        "pid": status.pid,
        "socket": str(status.socket),
        "data_dir": str(status.data_dir),
        "data_bytes": status.data_bytes,
    }
    if as_json:
        out.out(dumps(data), highlight=False)
    else:
        for key, value in data.items():
            out.print(f"{key:<11}{value}", highlight=False)


@db_app.command("stop")
def db_stop(ctx: typer.Context) -> None:
    """Stop the embedded server (data stays on disk)."""
    from policykg.graph.embedded import stop_server

    stopped = stop_server(_state(ctx).settings.home)
    err.print("stopped" if stopped else "not running", highlight=False)


@db_app.command("reset")
def db_reset(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask.")] = False,
) -> None:
    """Delete every node and relationship of the graph."""
    state = _state(ctx)
    if not yes:
        typer.confirm(
            f"Delete graph {state.settings.graph_name!r} in the {state.settings.store} store?",
            abort=True,
        )
    store = state.store()
    try:
        store.clear()
    finally:
        store.close()
    err.print("graph deleted", highlight=False)


@app.command()
def serve(
    ctx: typer.Context,
    port: Annotated[int, typer.Option(help="Port.")] = 8501,
    host: Annotated[str, typer.Option(help="Address to bind; localhost by default.")] = "localhost",
) -> None:
    """Start the Streamlit explorer."""
    settings = _state(ctx).settings
    script = Path(__file__).parent / "explorer" / "main.py"
    env = {
        **os.environ,
        "POLICYKG_STORE": settings.store,
        "POLICYKG_HOME": str(settings.home),
        "POLICYKG_GRAPH": settings.graph_name,
    }
    # Every store option given to serve reaches the explorer (user, password and database
    # too, not only the URI).
    neo4j = {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password,
        "NEO4J_DATABASE": settings.neo4j_database,
    }
    env.update({name: value for name, value in neo4j.items() if value})
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.address", host, "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal",
    ]  # fmt: skip
    err.print(f"policykg explorer at http://{host}:{port}", highlight=False)
    raise typer.Exit(_run_until_stopped(command, env))


def _run_until_stopped(command: list[str], env: dict[str, str]) -> int:
    """Run the explorer; SIGTERM or SIGHUP to serve stops it too (it would keep the port)."""
    import signal
    import subprocess

    child = subprocess.Popen(command, env=env)

    def forward(signum: int, _frame: object) -> None:
        child.send_signal(signal.SIGTERM)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, forward)
    try:
        return child.wait()
    except KeyboardInterrupt:
        child.send_signal(signal.SIGTERM)
        return child.wait()


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")


def _command_name(args: list[str]) -> str | None:
    """The command the arguments name: the first word after the global options (each of
    which takes a value), or None (`--help`, `--`, nothing)."""
    words = iter(args)
    for word in words:
        if word == "--":
            return None
        if not word.startswith("-"):
            return word
        if "=" not in word:
            next(words, None)  # the option's value
    return None


def _registered_name(command: typer.models.CommandInfo) -> str | None:
    """A command's name as typer derives it: given, else the function's, with dashes."""
    if command.name or command.callback is None:
        return command.name
    return typer.main.get_command_name(command.callback.__name__)


def app_for(args: list[str]) -> typer.Typer:
    """The app with only the command the arguments name, when they name one.

    Typer turns every command's signature into click options on each run (~15-30 ms for
    eleven commands); one command's takes ~2 ms. Its help, options and errors are the same;
    anything else (`--help`, an unknown or misspelt command) gets the whole app.
    """
    name = _command_name(args)
    commands = [c for c in app.registered_commands if _registered_name(c) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    lean = copy.copy(app)
    lean.registered_commands, lean.registered_groups = commands, groups
    return lean


def main() -> None:
    """Entry point: our errors become one line and exit code 2 (1 means some files failed).

    Click's standalone mode handles usage errors (exit 2 with usage) and typer.Exit; our
    own errors pass through it and are printed here without a stack trace.
    """
    try:
        app_for(sys.argv[1:])()
    except PolicyKGError as exc:
        err.print(f"error: {exc}", style="red", highlight=False)
        if exc.hint:
            err.print(f"hint: {exc.hint}", highlight=False)
        sys.exit(2)
    except OSError as exc:
        # The machine, not the data: a path that vanished, a full or read-only disk. Each
        # known case is a StoreError or LoadError already; this keeps any other one a line.
        where = f"{exc.filename}: " if exc.filename else ""
        err.print(f"error: {where}{exc.strerror or exc}", style="red", highlight=False)
        err.print("hint: check that the path exists, is writable and has space", highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
