"""Document: not written yet."""

from __future__ import annotations

from app.explorer.common import header

header("page_document", "q_document")
