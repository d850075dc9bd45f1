"""The terminal consoles: everything printed is data, never rich markup."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from rich.console import Console


class _LazyConsole:
    """Builds the rich Console on first use: importing rich costs ~40 ms of start-up that a
    `policykg query --format json` never needs."""

    def __init__(self, stderr: bool) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(
                stderr=self._stderr, soft_wrap=True, markup=False, highlight=False
            )
        return getattr(self._console, name)


def data_console(stderr: bool = False) -> Console:
    """A console that prints strings as they are.

    Titles, paths, hints and query text routinely contain ``[`` (``[/``, ``-[r:TYPE]->``):
    interpreted as markup they crash rich or lose text, so markup and highlighting are off.
    """
    return cast("Console", _LazyConsole(stderr))
