"""The terminal consoles: everything printed is data, never rich markup."""

from __future__ import annotations

from rich.console import Console


def data_console(stderr: bool = False) -> Console:
    """A console that prints strings as they are.

    Titles, paths, hints and query text routinely contain ``[`` (``[/``, ``-[r:TYPE]->``):
    interpreted as markup they crash rich or lose text, so markup and highlighting are off.
    """
    return Console(stderr=stderr, soft_wrap=True, markup=False, highlight=False)
