"""Load files into a store: parse, extract and write each file; one bad file stops nothing.

Parsing and extraction need no store, so for many files they run in worker processes while
this process writes: a bounded window of files is in flight and results are written in the
order of the files, so ids, graph and report are those of a serial load.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from policykg.app.document_ids import DocumentIds, IncomingDocument
from policykg.app.text_indexer import BackgroundIndexer, Batch
from policykg.app.text_search import index_texts
from policykg.app.texts import StoredText, save_text, stored_text
from policykg.errors import ExtractError, LoadError
from policykg.graph.reconcile import merge_stubs
from policykg.graph.store import Store
from policykg.graph.writer import PreparedRows, prepare_records, replace_documents
from policykg.loaders import collector, parse
from policykg.loaders.extract import document_id, extract

# Fewer files than this load in this process: starting workers costs more than it saves.
POOL_MIN_FILES = 16
# Files in flight per worker: enough to keep workers busy while this process writes a group
# (GROUP_DOCUMENTS documents: with 4, two workers ran dry during each write and waited), few
# enough to bound memory (a prepared file is a few hundred KB).
WINDOW_PER_WORKER = 16
# Documents written in one round trip (FalkorDB) or transaction (Neo4j).
GROUP_DOCUMENTS = 16
# Workers yield the CPU to this process's writes: the writer, its text indexer and the
# store's server are the pipeline's narrowest stage, and workers that took an equal share of
# the two cores kept it waiting (2,000 generated documents: 20.2 s -> 17.5 s wall). The
# window still fills: the writer waits on the store, and the workers run then.
WORKER_NICENESS = 10


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


@dataclass
class StageSeconds:
    """Where a load spent its time, summed over files (seconds of wall time in the process
    that ran the stage: with workers, parse and extract overlap the writes)."""

    parse: float = 0.0
    extract: float = 0.0  # extraction and row validation
    write: float = 0.0
    reconcile: float = 0.0  # merging stubs with documents after the last write

    def add(self, other: StageSeconds) -> None:
        self.parse += other.parse
        self.extract += other.extract
        self.write += other.write
        self.reconcile += other.reconcile

    def to_json(self) -> dict[str, float]:
        return {
            "parse_s": round(self.parse, 3),
            "extract_s": round(self.extract, 3),
            "write_s": round(self.write, 3),
            "reconcile_s": round(self.reconcile, 3),
        }


@dataclass(frozen=True)
class LoadReport:
    """The outcome of one `load` run."""

    files: tuple[FileResult, ...]
    stages: StageSeconds = field(default_factory=StageSeconds, compare=False)  # timing

    @property
    def failed(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if not f.ok)

    @property
    def loaded(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.ok)


@dataclass(frozen=True)
class PreparedDocument:
    """One extracted document as validated rows, ready to write."""

    document_id: str
    title: str | None
    rows: PreparedRows
    text: StoredText | None = None  # kept for the explorer's Document page
    doc_number: str | None = None


def default_workers() -> int:
    """Worker processes for parsing: one per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class PreparedFile:
    """One file's prepared documents, or why it failed, and the time each stage took."""

    outcome: list[PreparedDocument] | FileResult
    stages: StageSeconds


def prepare_file(path: Path, doc_ids: Mapping[str, str] | None = None) -> PreparedFile:
    """Parse and extract one file and validate its rows; an unreadable file is a FileResult.

    Needs no store, so it runs in a worker process. Every document of the file is prepared
    before any is written: a file fails as a whole. doc_ids gives a document another id than
    extraction would (by that id): its 文号 is already another document's.
    """
    stages = StageSeconds()
    started = time.perf_counter()
    try:
        parsed = parse(path)
        documents = list(parsed.documents())
        stages.parse = time.perf_counter() - started
        started = time.perf_counter()
        prepared = []
        for document in documents:
            meta = document.metadata
            own_id = (doc_ids or {}).get(document_id(meta.doc_number, meta.title))
            extraction = extract(document, own_id)
            rows = prepare_records(extraction.nodes, extraction.relationships)
            text = stored_text(extraction.document_id, document)
            prepared.append(
                PreparedDocument(extraction.document_id, meta.title, rows, text, meta.doc_number)
            )
        stages.extract = time.perf_counter() - started
        return PreparedFile(prepared, stages)
    except (LoadError, ExtractError) as exc:
        failed = FileResult(str(path), False, error=str(exc), hint=exc.hint or None)
        return PreparedFile(failed, stages)


class DocumentGroup:
    """Prepared documents waiting to be written together (one round trip or transaction for
    several documents: per-statement overhead dominates small writes, above all on Neo4j).

    `must_flush_before` says when the group must be written first: when it is full, or when
    the new document would change what the group writes (its id is already there, or a
    relationship of the group starts at it: replacing it deletes its outgoing relationships).
    """

    def __init__(self, max_documents: int) -> None:
        self.max_documents = max_documents
        self.files: list[tuple[Path, list[PreparedDocument]]] = []
        self._ids: set[str] = set()  # its documents and the starts of its relationships

    @property
    def documents(self) -> int:
        """How many documents the group holds."""
        return sum(len(prepared) for _, prepared in self.files)

    def must_flush_before(self, prepared: list[PreparedDocument]) -> bool:
        if self.documents and self.documents + len(prepared) > self.max_documents:
            return True
        return any(document.document_id in self._ids for document in prepared)

    def add(self, path: Path, prepared: list[PreparedDocument]) -> None:
        self.files.append((path, prepared))
        for document in prepared:
            self._ids.add(document.document_id)
            self._ids.update(document.rows.starts())

    def write(
        self,
        store: Store,
        batch_size: int,
        texts: Path | None,
        index: Callable[[Batch], None] | None = None,
    ) -> list[list[FileResult]]:
        """Write and empty the group; the results of each of its files, in order. Texts are
        kept in texts and indexed by index (at once, in this thread, when None)."""
        documents = [document for _, prepared in self.files for document in prepared]
        if documents:
            replace_documents(store, [(d.document_id, d.rows) for d in documents], batch_size)
        out = []
        searchable = []
        for path, prepared in self.files:
            results = []
            for document in prepared:
                if texts is not None and document.text is not None:
                    save_text(texts, document.text)
                    searchable.append((document.text, document.title or ""))
                counts = document.rows.counts()
                results.append(
                    FileResult(
                        str(path),
                        True,
                        document.document_id,
                        document.title,
                        counts.nodes,
                        counts.relationships,
                    )
                )
            out.append(results)
        if texts is not None:
            if index is None:
                index_texts(texts, searchable)
            else:
                index(searchable)
        self.files, self._ids = [], set()
        return out


def write_prepared(
    store: Store,
    path: Path,
    prepared: list[PreparedDocument],
    batch_size: int,
    texts: Path | None = None,
) -> list[FileResult]:
    """Write the prepared documents of one file (and their texts into texts, if given)."""
    group = DocumentGroup(max(1, len(prepared)))
    group.add(path, prepared)
    return group.write(store, batch_size, texts)[0]


def load_file(store: Store, path: Path, batch_size: int) -> list[FileResult]:
    """Parse, extract and write one file (and the documents that came with it)."""
    prepared = with_own_ids(DocumentIds.read(store), path, prepare_file(path)).outcome
    if isinstance(prepared, FileResult):
        return [prepared]
    return write_prepared(store, path, prepared, batch_size)


def with_own_ids(ids: DocumentIds, path: Path, prepared: PreparedFile) -> PreparedFile:
    """The file as it must be written: prepared again, here, under the ids `ids` assigns
    when one of its 文号 is another loaded document's (rare, so the second parse is cheap)."""
    if isinstance(prepared.outcome, FileResult):
        return prepared
    named = [IncomingDocument(d.document_id, d.doc_number, d.title) for d in prepared.outcome]
    renamed = ids.assign(str(path), named)
    if not renamed:
        return prepared
    again = prepare_file(path, renamed)
    again.stages.add(prepared.stages)
    return again


def _start_worker() -> None:
    """Set up a parsing worker: lower priority, fewer collections."""
    with contextlib.suppress(OSError):  # a system that refuses: the load only runs slower
        os.nice(WORKER_NICENESS)
    collector.for_bulk_extraction()


def _prepared_in_order(
    executor: ProcessPoolExecutor, paths: list[Path], window: int
) -> Iterator[tuple[Path, PreparedFile]]:
    """Prepared files in the order of paths, at most window files in flight."""
    pending: deque[tuple[Path, Future[PreparedFile]]] = deque()
    queued = iter(paths)
    for path in queued:
        pending.append((path, executor.submit(prepare_file, path)))
        if len(pending) >= window:
            break
    while pending:
        path, future = pending.popleft()
        result = future.result()
        following = next(queued, None)
        if following is not None:
            pending.append((following, executor.submit(prepare_file, following)))
        yield path, result


def load_files(
    store: Store,
    paths: Iterable[Path],
    batch_size: int,
    on_file: Callable[[list[FileResult]], None] = lambda results: None,
    skipped: Sequence[FileResult] = (),
    workers: int = 1,
    texts: Path | None = None,
    group_documents: int = GROUP_DOCUMENTS,
) -> LoadReport:
    """Load every file; a file that cannot be read is reported and skipped.

    skipped are paths found unreadable before loading (a FIFO, a link loop): reported first.
    With workers > 1 (and enough files) parsing and extraction run in that many processes;
    writes stay in this one, in file order. A StoreError (the store went away) ends the
    run: every later file would fail too. Documents are written group_documents at a time
    (the graph is that of writing them one at a time: graph.writer.combine). A document whose
    文号 another loaded file holds gets an id of its own (app/document_ids.py). With texts (a
    directory), each document's clean text and outline are kept there for the explorer
    (app/texts.py) and indexed for search in a thread beside the writes (app/text_indexer.py).
    """
    files = list(paths)
    results: list[FileResult] = list(skipped)
    for result in skipped:
        on_file([result])
    if workers > 1 and len(files) >= POOL_MIN_FILES:
        # spawn, not fork: this process has threads (the progress bar) and a store socket.
        executor = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
        )  # fmt: skip
        prepared = _prepared_in_order(executor, files, workers * WINDOW_PER_WORKER)
    else:
        executor = None
        prepared = ((path, prepare_file(path)) for path in files)
    stages = StageSeconds()
    group = DocumentGroup(group_documents)
    ids = DocumentIds.read(store)
    indexer = BackgroundIndexer(texts) if texts is not None else None

    def flush() -> None:
        started = time.perf_counter()
        written = group.write(store, batch_size, texts, indexer.add if indexer else None)
        stages.write += time.perf_counter() - started
        for file_results in written:
            results.extend(file_results)
            on_file(file_results)

    try:
        for path, as_extracted in prepared:
            prepared_file = with_own_ids(ids, path, as_extracted)
            stages.add(prepared_file.stages)
            outcome = prepared_file.outcome
            if isinstance(outcome, FileResult):
                flush()  # the report keeps the order of the files
                results.append(outcome)
                on_file([outcome])
                continue
            if group.must_flush_before(outcome):
                flush()
            group.add(path, outcome)
        flush()
        if indexer is not None:
            indexer.close()
            indexer = None
    finally:
        if executor is not None:
            # Waits for the files being parsed (one per worker; the queued ones are cancelled):
            # left running, the pool's exit hook raced its manager thread for a closed pipe and
            # printed a traceback after a failed load ("Bad file descriptor").
            executor.shutdown(wait=True, cancel_futures=True)
        if indexer is not None:  # the load failed: keep its error, index what was written
            with contextlib.suppress(Exception):
                indexer.close()
    started = time.perf_counter()
    merge_stubs(store)
    stages.reconcile = time.perf_counter() - started
    return LoadReport(tuple(results), stages)
