"""The embedded FalkorDB store (the default)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FalkorPath

from policykg.errors import QueryError, StoreError
from policykg.graph import dialect
from policykg.graph.embedded import ServerLimits, ensure_server, paths_for, restart_server
from policykg.graph.falkordb_errors import (
    CLIENT_GRACE_S,
    FIRST_REPLY_S,
    lost_server_error,
    query_error,
)
from policykg.graph.falkordb_reader import params_header
from policykg.graph.result import GraphNode, GraphPath, GraphRelationship, QueryResult
from policykg.ontology.schema import LABELS
from policykg.settings import Settings


class FalkorDBStore:
    """A graph in the embedded FalkorDB server under the data directory."""

    name = "falkordb"
    dialect = dialect.FALKORDB

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._limits = ServerLimits(settings.query_memory_mb, settings.server_memory_mb)
        self.socket = ensure_server(settings.home, self._limits)
        try:
            self._open_graph()
        except redis.exceptions.TimeoutError:
            # Seen once in CI: a server just started answered PING but not the first query
            # on its empty graph for a minute. Restarting it loses nothing acknowledged.
            self.socket = restart_server(settings.home, self._limits)
            try:
                self._open_graph()
            except redis.exceptions.RedisError as exc:
                raise self._disk_error(exc) or StoreError(
                    f"the embedded FalkorDB server does not answer, even after a restart: {exc}",
                    hint=f"see {paths_for(settings.home).logfile}",
                ) from exc
        except redis.exceptions.RedisError as exc:
            raise self._disk_error(exc) or StoreError(
                f"cannot connect to the embedded FalkorDB server: {exc}"
            ) from exc

    def _open_graph(self) -> None:
        """Connect, and check the server answers graph queries; a fresh data dir gets its schema.

        FalkorDB refuses reads on a graph that does not exist yet; creating the schema
        creates the graph, so a fresh data dir answers queries with no rows.
        """
        self._db = FalkorDB(unix_socket_path=str(self.socket), socket_timeout=FIRST_REPLY_S)
        self._graph = self._db.select_graph(self.settings.graph_name)
        if not self._db.connection.exists(self.settings.graph_name):
            self.ensure_schema()
        # From now on the client gives up a while after the server-side timeout would have
        # fired, so a query the server cannot interrupt never hangs the caller.
        pool = self._db.connection.connection_pool
        pool.connection_kwargs["socket_timeout"] = (
            self.settings.query_timeout_ms / 1000 + CLIENT_GRACE_S
        )
        pool.disconnect()

    def _disk_error(self, exc: Exception) -> StoreError | None:
        """The server refuses writes because it cannot persist (a full disk): say so."""
        if "MISCONF" not in str(exc):
            return None
        return StoreError(
            "the embedded server cannot save to its data directory (is the disk full?), "
            "so it refuses every write",
            hint=f"free space on the disk holding {self.settings.home}, then run the command "
            f"again (server log: {paths_for(self.settings.home).logfile})",
        )

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run through GRAPH.RO_QUERY: the server itself refuses any write."""
        try:
            result = self._graph.ro_query(cypher, params, timeout=self.settings.query_timeout_ms)
        except redis.exceptions.ResponseError as exc:
            if "empty key" in str(exc):  # the graph was deleted (db reset) by another process
                return QueryResult((), ())
            raise query_error(str(exc), cypher) from exc
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
            raise self._lost_server(exc) from exc
        except redis.exceptions.RedisError as exc:
            raise StoreError(f"the embedded FalkorDB server failed: {exc}") from exc
        return _convert(result)

    def _lost_server(self, exc: Exception) -> QueryError:
        """The server died (or stalled) under a query: restart it and say why."""
        timed_out = isinstance(exc, redis.exceptions.TimeoutError)
        return lost_server_error(self.settings.home, self._limits, timed_out)

    def write(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a query that may write; each query is atomic in FalkorDB."""
        try:
            result = self._graph.query(cypher, params)
        except redis.exceptions.ResponseError as exc:
            raise self._disk_error(exc) or query_error(str(exc), cypher) from exc
        except redis.exceptions.RedisError as exc:
            raise StoreError(f"the embedded FalkorDB server failed: {exc}") from exc
        return _convert(result)

    def write_all(self, statements: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Send the statements in one pipeline: the server runs them in order, one round trip
        instead of one per statement (a document's replacement is ~20 statements)."""
        pipe = self._db.connection.pipeline(transaction=False)
        for cypher, params in statements:
            # The reader's encoding (the client's, without its private method).
            query = params_header(params) + cypher
            pipe.execute_command("GRAPH.QUERY", self._graph.name, query, "--compact")
        try:
            pipe.execute(raise_on_error=True)
        except redis.exceptions.ResponseError as exc:
            # redis-py prefixes "Command # N (the whole command) of pipeline caused error:".
            server_said = str(exc).rsplit("caused error: ", 1)[-1]
            statement = _failed_statement(exc, statements)
            raise self._disk_error(exc) or query_error(server_said, statement) from exc
        except redis.exceptions.RedisError as exc:
            raise StoreError(f"the embedded FalkorDB server failed: {exc}") from exc

    def ensure_schema(self) -> None:
        """Range indexes on id (and lookup properties), and a unique constraint on id."""
        for statement in dialect.schema_statements(dialect.FALKORDB):
            try:
                self._graph.query(statement)
            except redis.exceptions.ResponseError as exc:
                if "already indexed" not in str(exc):
                    raise self._disk_error(exc) or StoreError(
                        f"cannot create index ({statement}): {exc}"
                    ) from exc
        try:
            existing = {
                (c["label"], tuple(c["properties"]))
                for c in self._graph.list_constraints()
                if c.get("type") == "UNIQUE"
            }
            for label in LABELS:
                if (label, ("id",)) not in existing:
                    self._graph.create_node_unique_constraint(label, "id")
        except redis.exceptions.ResponseError as exc:
            raise self._disk_error(exc) or StoreError(f"cannot create constraints: {exc}") from exc

    def clear(self) -> None:
        """Delete the whole graph (the server keeps running)."""
        try:
            self._graph.delete()
        except redis.exceptions.ResponseError as exc:
            if disk_error := self._disk_error(exc):
                raise disk_error from exc
            if "empty key" not in str(exc) and "Invalid graph operation" not in str(exc):
                raise StoreError(f"cannot delete graph: {exc}") from exc

    def close(self) -> None:
        """Close the connection pool; the server stays up for other processes."""
        self._db.connection.close()


def _value(value: Any) -> Any:
    if isinstance(value, Node):
        return _node(value)
    if isinstance(value, Edge):
        return _edge(value)
    if isinstance(value, FalkorPath):
        return GraphPath(
            tuple(_node(n) for n in value.nodes()), tuple(_edge(e) for e in value.edges())
        )
    if isinstance(value, list):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    return value


def _node(node: Node) -> GraphNode:
    return GraphNode(str(node.id), tuple(node.labels or ()), dict(node.properties))


def _edge(edge: Edge) -> GraphRelationship:
    src = edge.src_node.id if isinstance(edge.src_node, Node) else edge.src_node
    dst = edge.dest_node.id if isinstance(edge.dest_node, Node) else edge.dest_node
    return GraphRelationship(str(edge.id), edge.relation, str(src), str(dst), dict(edge.properties))


def _convert(result: Any) -> QueryResult:
    header = result.header or []
    columns = tuple(h[1] if isinstance(h, list | tuple) else str(h) for h in header)
    rows = tuple(tuple(_value(v) for v in row) for row in result.result_set or [])
    return QueryResult(columns, rows, result.run_time_ms)


def _failed_statement(exc: Exception, statements: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """The statement a pipeline error belongs to (redis-py names its position), else the first."""
    match = re.search(r"command # ?(\d+)", str(exc), re.IGNORECASE)
    index = int(match.group(1)) - 1 if match else 0
    return statements[min(max(index, 0), len(statements) - 1)][0]
