"""Read-only queries on the embedded FalkorDB server without redis-py or the falkordb client.

`policykg query` and `policykg run` answer in a few milliseconds in the server but paid
~100 ms importing redis-py and falkordb. This reader sends GRAPH.RO_QUERY with --compact
over graph.resp and decodes the compact reply as the falkordb client does (labels, types
and property names resolved through db.labels() and friends, cached), into the same
QueryResult, with the same errors, as FalkorDBStore.read. Whatever is not a plain read on
an existing graph (a fresh data dir needing its schema, a server that does not answer its
first request) goes to FalkorDBStore, which handles it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from policykg.errors import StoreError
from policykg.graph.embedded import ServerLimits, ensure_server, restart_server
from policykg.graph.falkordb_errors import (
    CLIENT_GRACE_S,
    FIRST_REPLY_S,
    lost_server_error,
    query_error,
)
from policykg.graph.resp import ReplyError, RespConnection
from policykg.graph.result import GraphNode, GraphPath, GraphRelationship, QueryResult
from policykg.settings import Settings

if TYPE_CHECKING:
    from policykg.graph.falkordb_store import FalkorDBStore

# The compact format's value types (FalkorDB's ResultSetScalarTypes).
NULL, STRING, INTEGER, BOOLEAN, DOUBLE, ARRAY, EDGE, NODE, PATH, MAP, POINT = range(1, 12)
VECTORF32, DATETIME, DATE, TIME, DURATION = range(12, 17)
RUN_TIME = "internal execution time"


class FalkorDBReader:
    """Reads from a graph in the embedded server; the store seam's read() and close() only."""

    name = "falkordb"
    dialect = "falkordb"  # graph.dialect.FALKORDB, spelled out: that module imports the ontology

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._limits = ServerLimits(settings.query_memory_mb, settings.server_memory_mb)
        self._socket = ensure_server(settings.home, self._limits)
        self._connection: RespConnection | None = None
        self._store: FalkorDBStore | None = None  # the full client, when it had to take over
        # Names of label, relationship type and property ids, as db.labels() & co list them.
        self._names: dict[str, list[str]] = {}
        if not self._graph_exists():
            self._take_over()

    def _graph_exists(self) -> bool:
        """Does the server answer, quickly, and hold the graph? (What FalkorDBStore checks.)"""
        try:
            connection = RespConnection(self._socket, FIRST_REPLY_S)
            self._connection = connection
            exists = bool(connection.call("EXISTS", self.settings.graph_name))
        except TimeoutError:
            # A server that answered PING but not this (seen once in CI): restart it now
            # rather than let FalkorDBStore wait for it once more.
            self._disconnect()
            self._socket = restart_server(self.settings.home, self._limits)
            return False
        except (OSError, ReplyError):
            self._disconnect()
            return False
        connection.set_timeout(self._client_timeout_s())
        return exists

    def _take_over(self) -> None:
        """Hand over to FalkorDBStore: it creates a fresh graph's schema, restarts a stuck
        server, and reports what is wrong in its words."""
        from policykg.graph.falkordb_store import FalkorDBStore

        self._disconnect()
        self._store = FalkorDBStore(self.settings)

    def _client_timeout_s(self) -> float:
        return self.settings.query_timeout_ms / 1000 + CLIENT_GRACE_S

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run through GRAPH.RO_QUERY: the server itself refuses any write."""
        if self._store is not None:
            return self._store.read(cypher, params)
        try:
            reply = self._query(params_header(params) + cypher)
            return self._result(reply)
        except ReplyError as exc:
            if exc.code == "LOADING":  # redis-py counts this a connection error
                raise self._lost_server(timed_out=False) from exc
            if "empty key" in str(exc):  # the graph was deleted (db reset) by another process
                return QueryResult((), ())
            raise query_error(str(exc), cypher) from exc
        except OSError as exc:
            raise self._lost_server(isinstance(exc, TimeoutError)) from exc

    def _query(self, query: str) -> Any:
        if self._connection is None:
            self._connection = RespConnection(self._socket, self._client_timeout_s())
        try:
            reply = self._connection.call(
                "GRAPH.RO_QUERY", self.settings.graph_name, query, "--compact",
                "timeout", self.settings.query_timeout_ms,
            )  # fmt: skip
        except OSError:
            self._disconnect()  # a reply may be half read: the next query reconnects
            raise
        if not isinstance(reply, list) or not reply:
            raise StoreError(f"the embedded FalkorDB server failed: unexpected reply {reply!r}")
        for part in (reply[0], reply[-1]):  # an error before or while producing rows
            if isinstance(part, ReplyError):
                raise part
        return reply

    def _lost_server(self, timed_out: bool) -> Exception:
        self._disconnect()
        return lost_server_error(self.settings.home, self._limits, timed_out)

    def _result(self, reply: list[Any]) -> QueryResult:
        stats = reply[-1]
        if len(reply) == 1:
            return QueryResult((), (), _run_time_ms(stats))
        header = reply[0]
        columns = tuple(h[1] if isinstance(h, list) else str(h) for h in header)
        if not columns:
            return QueryResult((), (), _run_time_ms(stats))
        rows = tuple(tuple(self._value(cell) for cell in row) for row in reply[1])
        return QueryResult(columns, rows, _run_time_ms(stats))

    def _value(self, cell: list[Any]) -> Any:
        kind, value = int(cell[0]), cell[1]
        if kind == STRING:
            return value if isinstance(value, str) else str(value)
        if kind == INTEGER:
            return int(value)
        if kind == DOUBLE:
            return float(value)
        if kind == BOOLEAN:
            return value == "true"
        if kind == NULL:
            return None
        if kind == NODE:
            return self._node(value)
        if kind == EDGE:
            return self._edge(value)
        if kind == ARRAY:
            return [self._value(v) for v in value]
        if kind == MAP:
            return {str(value[i]): self._value(value[i + 1]) for i in range(0, len(value), 2)}
        if kind == PATH:
            nodes, edges = self._value(value[0]), self._value(value[1])
            return GraphPath(tuple(nodes), tuple(edges))
        return _other_value(kind, value)

    def _node(self, value: list[Any]) -> GraphNode:
        labels = tuple(self._name("DB.LABELS", i) for i in value[1])
        labels = tuple(label for label in labels if isinstance(label, str) and label != "")
        return GraphNode(str(int(value[0])), labels, self._properties(value[2]))

    def _edge(self, value: list[Any]) -> GraphRelationship:
        relation = self._name("DB.RELATIONSHIPTYPES", value[1])
        start, end = str(int(value[2])), str(int(value[3]))
        return GraphRelationship(str(int(value[0])), relation, start, end,
                                 self._properties(value[4]))  # fmt: skip

    def _properties(self, entries: list[Any]) -> dict[str, Any]:
        return {self._name("DB.PROPERTYKEYS", e[0]): self._value(e[1:]) for e in entries}

    def _name(self, procedure: str, index: int) -> Any:
        """A label, type or property name by id; the list is read again when it lacks the id
        (another process added names since), as the falkordb client does."""
        names = self._names.get(procedure)
        if names is None or index >= len(names):
            reply = self._query(f"CALL {procedure}()")
            names = self._names[procedure] = [self._value(row[0]) for row in reply[1]]
        return names[index]

    def _disconnect(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def close(self) -> None:
        """Close the connection; the server stays up for other processes."""
        self._disconnect()
        if self._store is not None:
            self._store.close()


def _other_value(kind: int, value: Any) -> Any:
    """The value types our graph does not store, decoded as the falkordb client does."""
    if kind == POINT:
        return {"latitude": float(value[0]), "longitude": float(value[1])}
    if kind == VECTORF32:
        return [float(v) for v in value]
    if kind in (DATETIME, DATE, TIME, DURATION):
        from datetime import UTC, datetime

        moment = datetime.fromtimestamp(value, tz=UTC)
        if kind == DATETIME:
            return moment
        if kind == DATE:
            return moment.date()
        if kind == TIME:
            return moment.time()
        from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped]

        return relativedelta(moment, datetime(1970, 1, 1, tzinfo=UTC))
    sys.stderr.write("Unknown type\n")
    return None


def _run_time_ms(stats: list[str]) -> float:
    for line in stats:
        if RUN_TIME in line:
            return float(line.split(": ")[1].split(" ")[0])
    return 0


def params_header(params: dict[str, Any] | None) -> str:
    """The CYPHER name=value … prefix that carries parameters, as the falkordb client writes it."""
    if params is None:
        return ""
    if not isinstance(params, dict):
        raise TypeError("'params' must be a dict")
    header = "CYPHER "
    for key, value in params.items():
        name = key.decode() if isinstance(key, bytes) else str(key)
        _check_name(name, "parameter name")
        header += f"`{name}`={_literal(value)} "
    return header


def _check_name(name: str, what: str) -> None:
    if name == "":
        raise ValueError(f"Cypher {what} cannot be empty")
    if "`" in name:
        raise ValueError(
            f"Cypher {what} cannot contain a backtick: {name!r} (FalkorDB does not support "
            "escaped backticks in identifiers)"
        )


# Backticked map keys by key: a write encodes the same few keys on every row.
_MAP_KEYS: dict[Any, str] = {}
_MAP_KEYS_KEPT = 4096  # a query's own map parameters may bring any keys: not all are kept


def _map_key(key: Any) -> str:
    encoded = _MAP_KEYS.get(key)
    if encoded is None:
        name = key.decode() if isinstance(key, bytes) else str(key)
        _check_name(name, "map key")
        encoded = f"`{name}`:"
        if len(_MAP_KEYS) < _MAP_KEYS_KEPT:
            _MAP_KEYS[key] = encoded
    return encoded


def _literal(value: Any) -> str:
    # Exact scalar types first: a write encodes every property of every row here (~11 % of a
    # load's CPU with an isinstance chain); subclasses and containers take the paths below.
    kind = type(value)
    if kind is str:
        if '"' in value or "\\" in value:
            value = value.replace("\\", "\\\\").replace('"', '\\"')
        return '"' + value + '"'
    if kind is int or kind is float or kind is bool:
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, str):
        return _literal(str.__str__(value))
    if isinstance(value, list | tuple):
        return "[" + ",".join([_literal(v) for v in value]) + "]"
    if isinstance(value, dict):
        return "{" + ",".join([_map_key(k) + _literal(v) for k, v in value.items()]) + "}"
    return str(value)
