"""Neo4j 5 through the official driver (production)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import neo4j
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship

from policykg.errors import QueryError, StoreError
from policykg.graph import dialect
from policykg.graph.result import GraphNode, GraphPath, GraphRelationship, QueryResult
from policykg.settings import Settings

READ_ONLY_REFUSAL = (
    "this is a read-only query path: CREATE, MERGE, SET, DELETE and REMOVE are refused"
)
# What Neo4j plans as a read but the read-only path still refuses, by plan operator: LOAD CSV
# reads the server's files and fetches URLs; the others show or end other users' transactions
# or show the server's settings.
REFUSED_OPERATORS = {
    "LoadCSV": "LOAD CSV is refused on the read-only path (it reads the server's files)",
    "ShowTransactions": "administrative commands are refused on the read-only path",
    "TerminateTransactions": "administrative commands are refused on the read-only path",
    "ShowSettings": "administrative commands are refused on the read-only path",
}
# Procedures a read may call (compared lower-case, by prefix): the schema and a ping. Every other
# procedure (dbms.*, db.create*, db.clearQueryCaches, db.prepareForReplanning, apoc.* …) is
# refused, as an allow-list does not go stale when Neo4j adds administrative procedures.
ALLOWED_PROCEDURE_PREFIXES = (
    "db.labels(",
    "db.relationshiptypes(",
    "db.propertykeys(",
    "db.schema.",
    "db.ping(",
    "db.awaitindex",
    "db.index.fulltext.querynodes(",
    "db.index.fulltext.queryrelationships(",
)
ADMIN_REFUSAL = "administrative procedures are refused on the read-only path"


class Neo4jStore:
    """A Neo4j 5 database reached with the official Bolt driver."""

    name = "neo4j"
    dialect = dialect.NEO4J

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        auth = (settings.neo4j_user, settings.neo4j_password or "")
        try:
            # Our queries keep the `CALL { WITH … }` form FalkorDB also reads; Neo4j 5.26
            # deprecates it, and the driver would log a warning per query on stderr.
            self._driver = neo4j.GraphDatabase.driver(
                settings.neo4j_uri or "",
                auth=auth,
                notifications_disabled_classifications=["DEPRECATION"],
            )
        except ValueError as exc:
            raise StoreError(f"invalid NEO4J_URI {settings.neo4j_uri!r}: {exc}") from exc
        try:
            self._driver.verify_connectivity()
        except (ServiceUnavailable, AuthError, OSError) as exc:
            self._driver.close()
            raise StoreError(
                f"cannot reach Neo4j at {settings.neo4j_uri}: {exc}",
                hint="check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD",
            ) from exc

    def _session(self, read: bool) -> neo4j.Session:
        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        return self._driver.session(database=self.settings.neo4j_database, default_access_mode=mode)

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Refuse anything the planner does not call a read, then run it in a read transaction."""
        params = params or {}
        self._check_read_only(cypher, params)
        timeout = self.settings.query_timeout_ms / 1000

        work = _transaction_work(cypher, params)

        try:
            with self._session(read=True) as session:
                return session.execute_read(neo4j.unit_of_work(timeout=timeout)(work))
        except ClientError as exc:
            raise _query_error(exc, cypher) from exc
        except Neo4jError as exc:
            raise StoreError(f"Neo4j failed: {exc.message}") from exc

    def _check_read_only(self, cypher: str, params: dict[str, Any]) -> None:
        try:
            with self._session(read=True) as session:
                summary = session.run(f"EXPLAIN {cypher}", params).consume()
        except ClientError as exc:
            raise _query_error(exc, cypher) from exc
        if summary.query_type != "r":
            raise QueryError(READ_ONLY_REFUSAL, hint="policykg query only reads")
        # The planner calls some server-side effects reads; look at what the plan does.
        for operator, details in _operators(summary.plan):
            if operator in REFUSED_OPERATORS:
                raise QueryError(REFUSED_OPERATORS[operator], hint="policykg query only reads")
            if operator == "ProcedureCall" and not details.lower().startswith(
                ALLOWED_PROCEDURE_PREFIXES
            ):
                raise QueryError(ADMIN_REFUSAL, hint="policykg query only reads")

    def write(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run one statement in a write transaction."""
        params = params or {}

        work = _transaction_work(cypher, params)

        try:
            with self._session(read=False) as session:
                return session.execute_write(work)
        except ClientError as exc:
            raise _query_error(exc, cypher) from exc
        except Neo4jError as exc:
            raise StoreError(f"Neo4j failed: {exc.message}") from exc

    def write_all(self, statements: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Run the statements in one write transaction: one commit, all or nothing."""

        def work(tx: neo4j.ManagedTransaction) -> None:
            for cypher, params in statements:
                tx.run(cypher, params).consume()

        try:
            with self._session(read=False) as session:
                session.execute_write(work)
        except ClientError as exc:
            raise _query_error(exc, statements[0][0] if statements else "") from exc
        except Neo4jError as exc:
            raise StoreError(f"Neo4j failed: {exc.message}") from exc

    def ensure_schema(self) -> None:
        """Uniqueness constraints on id and lookup indexes, IF NOT EXISTS."""
        for statement in dialect.schema_statements(dialect.NEO4J):
            with self._session(read=False) as session:
                session.run(statement).consume()

    def clear(self) -> None:
        """Delete every node in batches (large graphs would not fit one transaction)."""
        while True:
            result = self.write(dialect.CLEAR_BATCH, {"limit": 10_000})
            if not result.scalar():
                return

    def close(self) -> None:
        """Close the driver."""
        self._driver.close()


def _operators(plan: dict[str, Any] | None) -> Iterator[tuple[str, str]]:
    """Each operator of an EXPLAIN plan (without its @runtime suffix) with its Details text."""
    if not plan:
        return
    operator = str(plan.get("operatorType", "")).split("@", 1)[0]
    yield operator, str(plan.get("args", {}).get("Details", ""))
    for child in plan.get("children", ()):
        yield from _operators(child)


def _transaction_work(
    cypher: str, params: dict[str, Any]
) -> Callable[[neo4j.ManagedTransaction], QueryResult]:
    """A transaction function that runs one statement and converts its records."""

    def work(tx: neo4j.ManagedTransaction) -> QueryResult:
        result = tx.run(cypher, params)
        columns = tuple(result.keys())
        rows = tuple(tuple(_value(v) for v in rec.values()) for rec in result)
        summary = result.consume()
        server_ms = (summary.result_available_after or 0) + (summary.result_consumed_after or 0)
        return QueryResult(columns, rows, float(server_ms))

    return work


def _query_error(exc: Neo4jError, cypher: str) -> QueryError:
    code = exc.code or ""
    if (
        "AccessMode" in code
        or "ForbiddenDueToTransactionType" in code
        or "read access mode" in (exc.message or "")
    ):
        return QueryError(READ_ONLY_REFUSAL, hint="policykg query only reads")
    if "TransactionTimedOut" in code or "Timeout" in code:
        return QueryError(
            "the query timed out", hint="narrow it, or raise POLICYKG_QUERY_TIMEOUT_MS"
        )
    return QueryError(f"the query failed: {exc.message}", hint=f"query: {cypher[:200]}")


def _value(value: Any) -> Any:
    if isinstance(value, Node):
        return _node(value)
    if isinstance(value, Relationship):
        return _rel(value)
    if isinstance(value, Path):
        return GraphPath(
            tuple(_node(n) for n in value.nodes), tuple(_rel(r) for r in value.relationships)
        )
    if isinstance(value, list):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value


def _node(node: Node) -> GraphNode:
    return GraphNode(node.element_id, tuple(sorted(node.labels)), dict(node.items()))


def _rel(rel: Relationship) -> GraphRelationship:
    start = rel.start_node.element_id if rel.start_node is not None else ""
    end = rel.end_node.element_id if rel.end_node is not None else ""
    return GraphRelationship(rel.element_id, rel.type, start, end, dict(rel.items()))
