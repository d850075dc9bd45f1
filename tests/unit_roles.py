"""The (relationship, unit name) pairs extraction gives a text: what the round tests compare."""

from __future__ import annotations

from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract


def unit_roles(text: str, title: str, issuer: str) -> set[tuple[str, str]]:
    """(relationship type, unit name) of every LED_BY / SUPPORTED_BY the text yields."""
    meta = Metadata(title=title, issuer=issuer)
    extraction = extract(ParsedDocument("mem.txt", "txt", "utf-8", text, meta, ()))
    names = {n.id: str(n.properties.get("name")) for n in extraction.nodes}
    return {
        (r.type, names[r.end])
        for r in extraction.relationships
        if r.type in ("LED_BY", "SUPPORTED_BY")
    }
