"""How the embedded FalkorDB server's failures read, for the store and its lean reader alike.

Kept free of redis-py so that the CLI's read path (graph.falkordb_reader) does not import it.
"""

from __future__ import annotations

from pathlib import Path

from policykg.errors import QueryError
from policykg.graph.embedded import ServerLimits, ensure_server

# The client gives up this long after the server-side timeout would have fired, so a query
# the server cannot interrupt never hangs the caller.
CLIENT_GRACE_S = 30.0
# Creating an empty graph's schema takes milliseconds: a server that needs longer is stuck.
FIRST_REPLY_S = 15.0
READ_ONLY_REFUSAL = (
    "this is a read-only query path: CREATE, MERGE, SET, DELETE and REMOVE are refused"
)


def query_error(message: str, cypher: str) -> QueryError:
    """The server refused or failed a query: say why in our words where we know the cause."""
    if "read-only" in message:
        return QueryError(
            READ_ONLY_REFUSAL, hint="policykg query only reads; load data with `policykg load`"
        )
    if "mem consumption exceeded capacity" in message:
        return QueryError(
            "the query needed more memory than one query may use",
            hint="narrow it (a smaller range, a LIMIT), or raise POLICYKG_QUERY_MEMORY_MB "
            "(takes effect when the embedded server next starts)",
        )
    if "timed out" in message.lower():
        return QueryError(
            "the query timed out", hint="narrow it, or raise POLICYKG_QUERY_TIMEOUT_MS"
        )
    first_line = " ".join(message.split())
    return QueryError(f"the query failed: {first_line}", hint=f"query: {cypher[:200]}")


def lost_server_error(home: Path, limits: ServerLimits, timed_out: bool) -> QueryError:
    """The server died (or stalled) under a query: restart it and say why."""
    ensure_server(home, limits)
    if timed_out:
        return QueryError(
            "the query did not finish within the timeout",
            hint="narrow it, or raise POLICYKG_QUERY_TIMEOUT_MS",
        )
    return QueryError(
        "the query needed more memory than the embedded server may use; "
        "the server was restarted and no data was lost",
        hint="narrow the query (a smaller range, a LIMIT), or raise POLICYKG_SERVER_MEMORY_MB",
    )
