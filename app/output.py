"""Rendering query results for the terminal: table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from policykg.app.plain_table import table_text
from policykg.graph.result import QueryResult, to_json_value

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("table", "json", "csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(to_json_value(value), ensure_ascii=False)


def render(result: QueryResult, fmt: str, console: Console) -> None:
    """Print a result in one of FORMATS to stdout; rich only for tables too wide to print
    as they are (it wraps and cuts cells) or with text it would change."""
    if fmt == "json":
        sys.stdout.write(dumps(result.to_json()) + "\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(result.columns)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
        sys.stdout.write(buffer.getvalue())
    else:
        cells = [[_cell(v) for v in row] for row in result.rows]
        caption = f"{len(result.rows)} row(s)"
        text = table_text(result.columns, cells, caption)
        if text is not None:  # as rich would print it, without importing rich's console
            sys.stdout.write(text)
            return
        from rich.table import Table

        table = Table(*result.columns, show_lines=False)
        for row in cells:
            table.add_row(*row)
        console.print(table)
        console.print(caption, style="dim")


def limited(result: QueryResult, limit: int) -> QueryResult:
    """The first LIMIT rows of a result."""
    return QueryResult(result.columns, result.rows[:limit])


def dumps(data: Any) -> str:
    """JSON for --json outputs: UTF-8 characters kept, stable key order."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def dump(data: Any, stream: TextIO) -> None:
    """`dumps(data)` and a newline, written to stream piece by piece.

    For outputs that grow with the corpus (`load --json` lists every file): the whole text as
    one string, printed through rich, took ~9.5 MB per 1,000 files at the end of a load (the
    loader's peak RSS: 275 MB at 20,000 documents, over 1 GB at 100,000).
    """
    chunks: list[str] = []
    # json.dump's one write per token took 7x as long as dumps: a write per 8,192 tokens.
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
        chunks.append(chunk)
        if len(chunks) == 8192:
            stream.write("".join(chunks))
            chunks.clear()
    chunks.append("\n")
    stream.write("".join(chunks))
