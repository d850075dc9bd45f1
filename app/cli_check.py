"""`policykg check`: run the graph checks in queries/checks/ and report what breaks them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from policykg.app.console import data_console
from policykg.app.output import dumps
from policykg.errors import ConfigError
from policykg.graph.result import to_json_value

if TYPE_CHECKING:
    from policykg.queries.graph_checks import CheckResult

out = data_console()
# Evidence sentences run long (a whole 发展目标 paragraph); the terminal shows their start.
EVIDENCE_CHARS = 120


def _state(ctx: typer.Context) -> Any:
    """The CLI's State (settings and store factory), set by the app callback."""
    if ctx.obj is None:
        raise ConfigError("the check command runs under the policykg app")
    return ctx.obj


def _print_result(result: CheckResult) -> None:
    """One line per check, then its first offending items with their evidence."""
    mark = "ok  " if result.ok else "FAIL"
    out.print(f"{mark} {result.check}: {result.count}  — {result.description}")
    for example in result.examples:
        document = f"  [{example.get('document')}]" if example.get("document") else ""
        out.print(f"       {example.get('item')}{document}")
        evidence = example.get("evidence") or []
        # A list (the documents sharing a 文号, each with its source) prints one per line.
        for line in evidence if isinstance(evidence, list) else [evidence]:
            text = str(line)
            cut = text if len(text) <= EVIDENCE_CHARS else text[:EVIDENCE_CHARS] + "…"
            out.print(f"         evidence: {cut}")


def check_command(
    ctx: typer.Context,
    as_json: Annotated[
        bool, typer.Option("--json", help='Print [{"check", "ok", "count", "examples"}].')
    ] = False,
    shacl: Annotated[
        bool, typer.Option("--shacl", help="Also validate the RDF export with SHACL (slower).")
    ] = False,
) -> None:
    """Check the graph (every task has a lead, 文号 unique and resolved …); exit 1 on a failure."""
    # Here, not at the top: every command imports this module, and the checks' catalogue
    # (reading queries/checks/) is for this one.
    from policykg.app.texts import texts_dir, with_task_paragraphs
    from policykg.queries.graph_checks import run_checks, shacl_check

    state = _state(ctx)
    store = state.store()
    try:
        results = with_task_paragraphs(run_checks(store), texts_dir(state.settings.home))
        if shacl:
            results.append(shacl_check(store))
    finally:
        store.close()
    if as_json:
        out.out(dumps([to_json_value(r.to_json()) for r in results]), highlight=False)
    else:
        for result in results:
            _print_result(result)
        failed = sum(not r.ok for r in results)
        out.print(f"{len(results) - failed} passed, {failed} failed")
    if not all(r.ok for r in results):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the check command to the policykg app."""
    app.command("check")(check_command)
