"""`load --json` writes its report piece by piece: the same text as `dumps`, without ever
holding it (or rich's rendering of it) whole — that was the loader's peak RSS (issue 12)."""

from __future__ import annotations

import io
from typing import Any

import pytest

from policykg.app.output import dump, dumps

FILES = [
    {"path": f"/d/a[/b]/gen_{i:06d}.txt", "ok": i % 7 != 0, "title": f"关于[bold]第{i}号\n", "n": i}
    for i in range(3000)  # past one write's 8,192 tokens
]


@pytest.mark.parametrize("data", [{}, [], "x", 3.5, None, {"files": FILES, "stats": {"a": []}}])
def test_dump_writes_what_dumps_returns(data: Any) -> None:
    stream = io.StringIO()
    dump(data, stream)
    assert stream.getvalue() == dumps(data) + "\n"
