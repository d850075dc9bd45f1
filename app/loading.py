"""Load files into a store: parse, extract and write each file; one bad file stops nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.reconcile import merge_stubs
from graph.store import Store
from graph.writer import write_extraction
from loaders import parse
from loaders.extract import extract
from policykg.errors import ExtractError, LoadError


@dataclass(frozen=True)
class FileResult:
    """What happened to one file."""

    path: str
    ok: bool
    document_id: str | None = None
    title: str | None = None
    nodes: int = 0
    relationships: int = 0
    error: str | None = None
    hint: str | None = None  # what to do about the error (e.g. "save it as .docx")


@dataclass(frozen=True)
class LoadReport:
    """The outcome of one `load` run."""

    files: tuple[FileResult, ...]

    @property
    def failed(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if not f.ok)

    @property
    def loaded(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.ok)


def load_file(store: Store, path: Path, batch_size: int) -> list[FileResult]:
    """Parse, extract and write one file (and the documents that came with it)."""
    parsed = parse(path)
    results = []
    for document in parsed.documents():
        extraction = extract(document)
        counts = write_extraction(store, extraction, batch_size)
        results.append(
            FileResult(
                str(path),
                True,
                extraction.document_id,
                document.metadata.title,
                counts.nodes,
                counts.relationships,
            )
        )
    return results


def load_files(
    store: Store,
    paths: Iterable[Path],
    batch_size: int,
    on_file: Callable[[list[FileResult]], None] = lambda results: None,
    skipped: Sequence[FileResult] = (),
) -> LoadReport:
    """Load every file; a file that cannot be read is reported and skipped.

    skipped are paths found unreadable before loading (a FIFO, a link loop): reported first.
    A StoreError (the store went away) ends the run: every later file would fail too.
    """
    results: list[FileResult] = list(skipped)
    for result in skipped:
        on_file([result])
    for path in paths:
        try:
            file_results = load_file(store, path, batch_size)
        except (LoadError, ExtractError) as exc:
            file_results = [FileResult(str(path), False, error=str(exc), hint=exc.hint or None)]
        results.extend(file_results)
        on_file(file_results)
    merge_stubs(store)
    return LoadReport(tuple(results))
