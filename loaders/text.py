"""Bytes to text: encoding detection with charset-normalizer."""

from __future__ import annotations

from policykg.errors import LoadError


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode a text file's bytes; returns the text and the encoding found."""
    if not data.strip():
        raise LoadError(f"{source}: the file is empty")
    # UTF-8 is by far the most common; trying it first keeps detection off the hot path.
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Imported here: detection is the rare path and the package is slow to import.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError(
            f"{source}: not readable as text in any known encoding",
            hint="save it as UTF-8 or GBK text, .docx or a PDF with a text layer",
        )
    return str(best), best.encoding
