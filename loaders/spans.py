"""Text that remembers where each character came from in the original file."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from policykg.loaders.document import Offsets

# Indentation, ideographic spaces, BOMs and zero-width characters around a line.
_EDGE = " \t\r\f\v\u3000\xa0\ufeff\u200b\u200c\u200d\u2002\u2003\u2009"
# Where lines break besides \n; each is made a \n (same length) so str.split finds the lines
# (a third of the time a pattern matching each line took).
_BREAKS = "\r\u2028\u2029\x0b\x0c\x85"


# Not frozen (nothing assigns to a Span): a frozen dataclass sets each field through
# object.__setattr__, which made a Span cost four times a plain one, and there is one a line.
# unsafe_hash keeps the hash a frozen Span had.
@dataclass(unsafe_hash=True)
class Span:
    """A piece of clean text and, per character, its offset in the original text."""

    text: str
    offsets: Sequence[int]  # a range for untouched substrings; Offsets (runs) once glued

    def __init__(self, text: str, offsets: Sequence[int]) -> None:
        # Written out, as dataclass would: mypyc compiles this one, while it calls the
        # generated __init__ of a dataclass (eight times the cost).
        self.text = text
        self.offsets = offsets

    @property
    def start(self) -> int:
        """Original offset of the first character."""
        return self.offsets[0] if self.offsets else 0

    def sub(self, begin: int, end: int | None = None) -> Span:
        """The span of text[begin:end]."""
        return Span(self.text[begin:end], self.offsets[begin:end])


def lines(raw: str) -> list[Span]:
    """Non-blank lines of raw, stripped of edge whitespace, with their original offsets."""
    text = raw
    for brk in _BREAKS:
        if brk in text:
            text = text.replace(brk, "\n")
    out: list[Span] = []
    start = 0
    for line in text.split("\n"):
        left = line.lstrip(_EDGE)
        if left:
            stripped = left.rstrip(_EDGE)
            begin = start + len(line) - len(left)
            out.append(Span(stripped, range(begin, begin + len(stripped))))
        start += len(line) + 1
    return out


def glue(parts: Iterable[Span], separators: Iterable[tuple[str, int]]) -> Span:
    """Join spans; separators[i] (text, original offset) goes between part i and part i+1."""
    parts = list(parts)
    if len(parts) <= 1:
        return parts[0] if parts else Span("", Offsets())
    texts = [parts[0].text]
    offs = [parts[0].offsets]
    for part, (sep_text, sep_offset) in zip(parts[1:], separators, strict=False):
        if sep_text:
            texts.append(sep_text)
            # Every character of a separator maps to its one offset; a one-character
            # separator as a range is one run, not a tuple read an int at a time.
            width = len(sep_text)
            offs.append(range(sep_offset, sep_offset + 1) if width == 1 else (sep_offset,) * width)
        texts.append(part.text)
        offs.append(part.offsets)
    return Span("".join(texts), Offsets.join(offs))


def join_lines(spans: Sequence[Span]) -> Span:
    """Spans joined by newlines; a newline maps to the end of the line before it."""
    if len(spans) <= 1:
        return spans[0] if spans else Span("", Offsets())
    pieces: list[Sequence[int]] = []
    for span in spans[:-1]:
        offsets = span.offsets
        # A line left whole is a range its newline carries on: one piece, not two.
        if type(offsets) is range and offsets.step == 1 and offsets:
            pieces.append(range(offsets.start, offsets.stop + 1))
        else:
            newline = offsets[-1] + 1 if offsets else 0
            pieces += (offsets, range(newline, newline + 1))
    pieces.append(spans[-1].offsets)
    return Span("\n".join([span.text for span in spans]), Offsets.join(pieces))
