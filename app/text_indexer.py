"""Full-text indexing beside a load: the trigram index takes ~12 ms of CPU per document, as
much as the graph write, so it runs in a thread while the load goes on writing the graph
(sqlite3 releases the GIL while SQLite works, so the two use two cores)."""

from __future__ import annotations

import queue
import threading
from pathlib import Path

from policykg.app.text_search import index_texts
from policykg.app.texts import StoredText

Batch = list[tuple[StoredText, str]]  # texts with their titles, indexed in one transaction
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

    def _run(self) -> None:
        while (batch := self._batches.get()) is not None:
            if self._error is None:  # after an error, drain without indexing
                try:
                    index_texts(self.directory, batch)
                except BaseException as exc:  # handed to the loading thread, raised there
                    self._error = exc
