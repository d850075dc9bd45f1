"""Responsibility: not written yet."""

from __future__ import annotations

from app.explorer.common import header

header("page_responsibility", "q_responsibility")
