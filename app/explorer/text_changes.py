"""What changed between two documents' texts (a draft 征求意见稿 and its final text, two years
of one plan): sentences added, removed and rewritten, in reading order."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# A sentence ends at 。！？；or a line break; the mark stays with its sentence.
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
MAX_CHANGES = 300  # enough to read; a wholly different pair is not a revision anyway


@dataclass(frozen=True)
class TextChange:
    """One difference: kind is added, removed or changed; a and b are the two sides' text."""

    kind: str
    a: str
    b: str


def sentences(text: str) -> list[str]:
    """The text's sentences, stripped, empty ones left out."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def text_changes(a_text: str, b_text: str) -> tuple[list[TextChange], float]:
    """The sentence-level changes from a to b (at most MAX_CHANGES) and how similar the two
    texts are (the share of sentences kept, 0–1)."""
    a, b = sentences(a_text), sentences(b_text)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    changes: list[TextChange] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        removed, added = a[a0:a1], b[b0:b1]
        for index in range(max(len(removed), len(added))):
            old = removed[index] if index < len(removed) else ""
            new = added[index] if index < len(added) else ""
            kind = "changed" if old and new else ("removed" if old else "added")
            changes.append(TextChange(kind, old, new))
    return changes[:MAX_CHANGES], matcher.ratio()
