"""Full-text indexing beside a load: the trigram index takes ~4 ms of CPU per document, as
much as the graph write, so it runs in a thread while the load goes on writing the graph
(sqlite3 releases the GIL while SQLite works, so the two use two cores)."""

from __future__ import annotations

import contextlib
import queue
import sqlite3
import threading
from pathlib import Path

from policykg.app.text_search import open_index, write_texts
from policykg.app.texts import StoredText

Batch = list[tuple[StoredText, str]]  # texts with their titles
DEPTH = 4  # batches waiting at most: bounds the texts held in memory


class BackgroundIndexer:
    """Indexes batches of texts in order, in one thread; an indexing error is raised by the
    next `add` or by `close`, so a load cannot finish with its texts silently unindexed."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._batches: queue.Queue[Batch | None] = queue.Queue(maxsize=DEPTH)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="text-indexer", daemon=True)
        self._thread.start()

    def add(self, batch: Batch) -> None:
        """Queue a batch (waits while DEPTH batches are queued)."""
        self._raise_error()
        if batch:
            self._batches.put(batch)

    def close(self) -> None:
        """Index what is queued, stop the thread, and raise the error it met, if any."""
        self._batches.put(None)
        self._thread.join()
        self._raise_error()

    def _raise_error(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _waiting(self) -> tuple[Batch, bool]:
        """The next batch and every batch queued behind it, as one; True once closed."""
        first = self._batches.get()
        if first is None:
            return [], True
        texts = list(first)
        while True:
            try:
                following = self._batches.get_nowait()
            except queue.Empty:
                return texts, False
            if following is None:
                return texts, True
            texts.extend(following)

    def _run(self) -> None:
        # One connection for the whole load, and one transaction for all that waits: FTS5
        # writes a segment per commit and merges segments later, so when the indexer is behind,
        # fewer and larger commits cost less (at 2,000 documents it was the load's slowest stage).
        with contextlib.ExitStack() as stack:
            connection: sqlite3.Connection | None = None
            closed = False
            while not closed:
                texts, closed = self._waiting()
                if not texts or self._error is not None:  # after an error, drain only
                    continue
                try:
                    if connection is None:
                        connection = stack.enter_context(open_index(self.directory))
                    write_texts(connection, texts)
                except BaseException as exc:  # handed to the loading thread, raised there
                    self._error = exc
