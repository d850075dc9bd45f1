"""The explorer's own queries: `.cypher` files in app/explorer/cypher/ with the named-query header.

They answer what the pages need (graphs as paths, option lists, map points) and are kept
apart from the research questions in queries/, which the console offers first.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from policykg.errors import QueryError
from policykg.queries import NamedQuery, named_queries, parse_query_file

CYPHER_DIR = Path(__file__).parent / "cypher"
PREFIX = "explorer/"


@cache
def explorer_queries() -> dict[str, NamedQuery]:
    """The explorer's queries by name."""
    return {p.stem: parse_query_file(p) for p in sorted(CYPHER_DIR.glob("*.cypher"))}


def page_query(name: str) -> NamedQuery:
    """One of the explorer's queries, or a QueryError naming the known ones."""
    queries = explorer_queries()
    if name not in queries:
        raise QueryError(f"no explorer query {name!r}", hint=f"known: {', '.join(queries)}")
    return queries[name]


def console_queries() -> dict[str, NamedQuery]:
    """What the console offers: the research questions, then the explorer's own queries."""
    return {
        **named_queries(),
        **{f"{PREFIX}{name}": query for name, query in explorer_queries().items()},
    }
