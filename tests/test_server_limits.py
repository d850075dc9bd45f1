"""Issue 11, findings 1 and 7: no read-only query can take the machine down; stop is instant."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.errors import QueryError
from policykg.graph import open_store
from policykg.graph.embedded import server_status, stop_server
from policykg.settings import Settings


def _settings(home: Path) -> Settings:
    return Settings.from_env(env={}, home=home, query_memory_mb=256, server_memory_mb=4096)


def test_a_query_past_the_per_query_memory_cap_fails_and_the_server_stays_up(
    own_home: Path,
) -> None:
    """Before: `UNWIND range(1,100000000) AS x RETURN count(x)` grew the server to 3.2 GB."""
    store = open_store(_settings(own_home))
    try:
        store.write("CREATE (:Document {id: 'doc:kept', title: 'kept'})")
        pid = server_status(own_home).pid
        with pytest.raises(QueryError, match="more memory than one query may use"):
            store.read("UNWIND range(1, 100000000) AS x RETURN count(x)")
        assert server_status(own_home).pid == pid
        assert store.read("MATCH (d:Document) RETURN d.id").rows == (("doc:kept",),)
    finally:
        store.close()


def test_a_query_too_large_for_the_server_is_an_error_and_nothing_is_lost(
    own_home: Path,
) -> None:
    """Before: `range(1,2000000000)` grew the server to 19 GB until the kernel killed it."""
    store = open_store(_settings(own_home))
    try:
        store.write("CREATE (:Document {id: 'doc:kept', title: 'kept'})")
        with pytest.raises(QueryError, match="server was restarted"):
            store.read("UNWIND range(1, 2000000000) AS x RETURN count(x)")
        assert server_status(own_home).running
    finally:
        store.close()
    again = open_store(_settings(own_home))
    try:
        assert again.read("MATCH (d:Document) RETURN d.id").rows == (("doc:kept",),)
    finally:
        again.close()


def test_stop_ends_the_server_and_keeps_every_acknowledged_write(own_home: Path) -> None:
    """Stop no longer waits out the module's thread teardown; nothing written is lost."""
    store = open_store(_settings(own_home))
    store.write("UNWIND range(1, 500) AS i CREATE (:Document {id: 'doc:' + toString(i)})")
    store.close()
    assert stop_server(own_home) is True
    assert not server_status(own_home).running
    again = open_store(_settings(own_home))
    try:
        assert again.read("MATCH (d:Document) RETURN count(d)").rows == ((500,),)
    finally:
        again.close()


def test_stop_folds_a_long_write_log_into_a_snapshot(own_home: Path) -> None:
    """Before: after loading 10,000 documents a restart replayed every write (20 s and more)."""
    store = open_store(_settings(own_home))
    text = "政策文本" * 50_000  # 200,000 characters, 600 KB of UTF-8 per write
    for i in range(10):
        store.write("CREATE (:Document {id: $id, text: $text})", {"id": f"doc:{i}", "text": text})
    store.close()
    data = own_home / "falkordb" / "data"
    log_before = sum(f.stat().st_size for f in data.rglob("*.incr.aof"))
    assert log_before > 4 * 2**20
    assert stop_server(own_home) is True
    log_after = sum(f.stat().st_size for f in data.rglob("*.incr.aof"))
    assert log_after < 2**20
    again = open_store(_settings(own_home))
    try:
        assert again.read("MATCH (d:Document) RETURN count(d)").rows == ((10,),)
    finally:
        again.close()
