"""A minimal RESP client over the embedded server's Unix socket, for the CLI's read path.

redis-py takes ~90 ms to import (it pulls in asyncio, ssl and importlib.metadata); a
`policykg query` needs one socket and a reply parser, which hiredis (redis-py's own C parser,
already a dependency) provides. Writes and server management stay on redis-py.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import hiredis

# Error codes redis-py strips from a reply error's text (its parser's EXCEPTION_CLASSES), so
# messages read the same through either client.
_REDIS_CODES = frozenset(
    {"ERR", "OOM", "WRONGPASS", "EXECABORT", "LOADING", "NOSCRIPT", "READONLY", "NOAUTH",
     "NOPERM", "ASK", "TRYAGAIN", "MOVED", "CLUSTERDOWN", "CROSSSLOT", "MASTERDOWN"}
)  # fmt: skip


class ReplyError(Exception):
    """An error reply; code is redis's leading word (ERR, LOADING …) when it has one."""

    def __init__(self, raw: str) -> None:
        code, _, rest = raw.partition(" ")
        self.code = code if code in _REDIS_CODES else ""
        super().__init__(rest if self.code else raw)


class RespConnection:
    """One blocking connection; call() sends a command and returns its decoded reply.

    Socket failures raise OSError (TimeoutError when the timeout passes); a top-level error
    reply raises ReplyError, and errors nested in an array are returned as ReplyError values.
    """

    def __init__(self, path: Path, timeout_s: float) -> None:
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self._sock.settimeout(timeout_s)
            self._sock.connect(str(path))
        except OSError:
            self._sock.close()
            raise
        self._reader = hiredis.Reader(replyError=ReplyError, encoding="utf-8")

    def set_timeout(self, timeout_s: float) -> None:
        self._sock.settimeout(timeout_s)

    def call(self, *args: str | int) -> Any:
        # hiredis's stub types the argument as a 1-tuple; any length is packed.
        self._sock.sendall(hiredis.pack_command(args))  # type: ignore[arg-type]
        while (reply := self._reader.gets()) is False:
            data = self._sock.recv(1 << 16)
            if not data:
                raise ConnectionResetError("the server closed the connection")
            self._reader.feed(data)
        if isinstance(reply, ReplyError):
            raise reply
        return reply

    def close(self) -> None:
        self._sock.close()
