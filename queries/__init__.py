"""Named queries: one `.cypher` file per research question, with a header that describes it.

Header lines at the top of each file:

    // description: what question it answers
    // param: name type [= default]  what the parameter means

type is one of str, int, float, bool.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from policykg.errors import QueryError

QUERY_DIR = Path(__file__).parent
# Columns a query returns to name its evidence by offsets into a document's saved text (a
# Target and a relationship keep no copy of their sentence): readers fill `evidence` from them
# and drop them (policykg.app.texts.with_sentences).
SPAN_COLUMNS = ("evidence_document", "evidence_start", "evidence_end")
# A relationship's own offsets of its evidence sentence, in the saved text of its `doc`: the
# explorer fills `evidence` of the relationships a query returns from them.
RELATIONSHIP_SPAN = ("evidence_start", "evidence_end")
_PARAM = re.compile(
    r"^//\s*param:\s*(?P<name>\w+)\s+(?P<type>str|int|float|bool)"
    r"(?:\s*=\s*(?P<default>\S+))?\s+(?P<description>.+)$"
)
_CONVERTERS: dict[str, Callable[[str], Any]] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": lambda v: v.lower() in {"1", "true", "yes"},
}


@dataclass(frozen=True)
class QueryParam:
    """A declared $parameter of a named query."""

    name: str
    type: str
    description: str
    default: str | None = None

    def convert(self, raw: str) -> Any:
        """The raw string (from the CLI or a form) as this parameter's type."""
        try:
            return _CONVERTERS[self.type](raw)
        except ValueError:
            raise QueryError(f"parameter {self.name} must be {self.type}, got {raw!r}") from None


@dataclass(frozen=True)
class NamedQuery:
    """A research question as parameterised Cypher."""

    name: str
    description: str
    params: tuple[QueryParam, ...]
    cypher: str

    def bind(self, raw: dict[str, str]) -> dict[str, Any]:
        """Typed parameters from raw strings; defaults fill the gaps; unknown names fail."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise QueryError(
                f"{self.name} has no parameter {', '.join(unknown)}",
                hint=f"its parameters: {', '.join(known) or 'none'}",
            )
        bound: dict[str, Any] = {}
        for param in self.params:
            if param.name in raw:
                bound[param.name] = param.convert(raw[param.name])
            elif param.default is not None:
                bound[param.name] = param.convert(param.default)
            else:
                raise QueryError(
                    f"{self.name} needs -p {param.name}=… ({param.description})",
                    hint=f"policykg run {self.name} -p {param.name}=VALUE",
                )
        return bound


def parse_query_file(path: Path) -> NamedQuery:
    """Read one .cypher file with its header."""
    text = path.read_text(encoding="utf-8")
    description = ""
    params: list[QueryParam] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            continue
        if stripped.startswith("// description:"):
            description = stripped.split(":", 1)[1].strip()
        elif match := _PARAM.match(stripped):
            params.append(
                QueryParam(
                    match["name"], match["type"], match["description"].strip(), match["default"]
                )
            )
    body = "\n".join(
        line for line in text.splitlines() if not line.strip().startswith("//")
    ).strip()
    if not description or not body:
        raise QueryError(f"{path.name}: a named query needs a description header and a body")
    return NamedQuery(path.stem, description, tuple(params), body)


@cache
def named_queries() -> dict[str, NamedQuery]:
    """All named queries in queries/, by name."""
    return {p.stem: parse_query_file(p) for p in sorted(QUERY_DIR.glob("*.cypher"))}


def get_query(name: str) -> NamedQuery:
    """One named query, or a QueryError that lists the others."""
    queries = named_queries()
    if name not in queries:
        raise QueryError(
            f"no named query {name!r}", hint=f"policykg run --list shows: {', '.join(queries)}"
        )
    return queries[name]
