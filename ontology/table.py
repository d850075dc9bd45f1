"""The human table of the ontology, for the README: rendered from the one definition."""

from __future__ import annotations

from pathlib import Path

from policykg.ontology.schema import NODE_LABELS, RELATIONSHIP_TYPES, Property
from policykg.ontology.vocabulary import (
    ALIGNED_CLASSES,
    CITES_PREDICATES,
    class_term,
    curie,
    node_property_term,
    relationship_predicates,
    relationship_property_term,
)

START_MARKER = "<!-- ontology-table:start -->"
END_MARKER = "<!-- ontology-table:end -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _node_rows() -> list[str]:
    rows = [
        "| label | RDF class | property | type | RDF term | meaning |",
        "|---|---|---|---|---|---|",
    ]
    base = (
        Property("id", "string", "stable id"),
        Property("name", "string", "what a person reads"),
    )
    for label in NODE_LABELS:
        classes = ", ".join(
            curie(c) for c in (class_term(label.name), *ALIGNED_CLASSES.get(label.name, ()))
        )
        for index, prop in enumerate((*base, *label.properties)):
            head = f"`{label.name}` | {classes}" if index == 0 else " | "
            term = curie(node_property_term(label.name, prop.name))
            rows.append(
                f"| {head} | `{prop.name}` | {prop.type} | `{term}` | {_cell(prop.description)} |"
            )
    return rows


def _relationship_rows() -> list[str]:
    rows = [
        "| type | from | to | properties | RDF predicate | meaning |",
        "|---|---|---|---|---|---|",
    ]
    for rtype in RELATIONSHIP_TYPES:
        props = sorted(rtype.property_names)
        prop_text = (
            ", ".join(f"`{p}` (`{curie(relationship_property_term(p))}`)" for p in props) or "—"
        )
        if rtype.name == "CITES":
            predicates = ", ".join(f"{v}: `{curie(p)}`" for v, p in CITES_PREDICATES.items())
        else:
            predicates = ", ".join(f"`{curie(p)}`" for p in relationship_predicates(rtype.name))
        rows.append(
            f"| `{rtype.name}` | {_cell(', '.join(rtype.starts))} | {_cell(', '.join(rtype.ends))} "
            f"| {prop_text} | {predicates} | {_cell(rtype.meaning)} |"
        )
    return rows


def markdown_table() -> str:
    """Both tables (nodes, relationships) as Markdown."""
    return "\n".join(
        ["### Nodes", "", *_node_rows(), "", "### Relationships", "", *_relationship_rows()]
    )


def embedded_table(text: str) -> str | None:
    """What a Markdown file holds between the ontology-table markers, if it has them."""
    start = text.find(START_MARKER)
    end = text.find(END_MARKER)
    if start < 0 or end < start:
        return None
    return text[start + len(START_MARKER) : end].strip("\n")


def update_markdown(path: Path) -> bool:
    """Rewrite the table between the markers of path; False when it has no markers."""
    text = path.read_text(encoding="utf-8")
    start = text.find(START_MARKER)
    end = text.find(END_MARKER)
    if start < 0 or end < start:
        return False
    new = f"{text[: start + len(START_MARKER)]}\n{markdown_table()}\n{text[end:]}"
    path.write_text(new, encoding="utf-8")
    return True


if __name__ == "__main__":
    import sys

    for name in sys.argv[1:]:
        print(name, "updated" if update_markdown(Path(name)) else "has no ontology-table markers")
