"""What can be checked of the Neo4j store without a Neo4j server."""

from __future__ import annotations

import socket

import pytest

from policykg.errors import StoreError
from policykg.graph import open_store
from policykg.settings import Settings


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_neo4j_is_a_store_error_with_a_hint() -> None:
    uri = f"neo4j://127.0.0.1:{_closed_port()}"
    settings = Settings.from_env(env={}, store="neo4j", neo4j_uri=uri, neo4j_password="x")
    with pytest.raises(StoreError, match=f"cannot reach Neo4j at {uri}") as info:
        open_store(settings)
    assert "NEO4J_URI" in info.value.hint
