"""The policykg CLI run in-process: the fast layer's way to drive commands."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from policykg.app.cli import main


@dataclass(frozen=True)
class CliResult:
    """Exit code and what the command printed."""

    code: int
    stdout: str
    stderr: str


def run_cli(home: Path, graph: str, *args: str) -> CliResult:
    """Run `policykg ARGS` in this process against a graph on the session's server."""
    out, err = io.StringIO(), io.StringIO()
    env = {**os.environ, "POLICYKG_HOME": str(home), "POLICYKG_GRAPH": graph, "COLUMNS": "200"}
    env.pop("POLICYKG_STORE", None)
    code = 0
    with (
        mock.patch.dict(os.environ, env, clear=True),
        mock.patch.object(sys, "argv", ["policykg", *args]),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return CliResult(code, out.getvalue(), err.getvalue())
