"""The embedded server: shared between processes, stale files detected, nothing lost on kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policykg.graph import embedded, falkordb_store, open_store
from policykg.graph.embedded import paths_for, server_status, stop_server
from policykg.graph.stats import graph_stats
from policykg.settings import Settings
from tests.graph_fixtures import HEBI_DOC, write_known_graph

ROOT = Path(__file__).resolve().parent.parent


def _settings(home: Path) -> Settings:
    return Settings.from_env(env={}, home=home)


def test_a_second_store_reuses_the_running_server(own_home: Path) -> None:
    first = open_store(_settings(own_home))
    pid = server_status(own_home).pid
    second = open_store(_settings(own_home))
    assert server_status(own_home).pid == pid
    write_known_graph(first)
    assert graph_stats(second).labels["Document"] == 4
    first.close()
    second.close()


def test_another_process_reuses_the_server(own_home: Path) -> None:
    store = open_store(_settings(own_home))
    write_known_graph(store)
    pid = server_status(own_home).pid
    env = {**os.environ, "POLICYKG_HOME": str(own_home)}
    out = subprocess.run(
        [sys.executable, "-m", "policykg.app.cli", "stats", "--json"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert '"Document": 4' in out
    assert server_status(own_home).pid == pid
    store.close()


def test_stale_pid_file_is_detected_and_a_new_server_started(own_home: Path) -> None:
    paths = paths_for(own_home)
    paths.root.mkdir(parents=True)
    # A live pid that is not a redis-server, as after a reboot that reused the number.
    paths.pidfile.write_text(str(os.getpid()))
    paths.socket.touch()
    store = open_store(_settings(own_home))
    status = server_status(own_home)
    assert status.running and status.pid != os.getpid()
    store.close()


def test_acknowledged_writes_survive_kill_9_of_the_server(own_home: Path) -> None:
    store = open_store(_settings(own_home))
    write_known_graph(store)
    before = graph_stats(store)
    store.close()
    pid = server_status(own_home).pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while server_status(own_home).running and time.monotonic() < deadline:
        time.sleep(0.05)
    reopened = open_store(_settings(own_home))
    assert server_status(own_home).pid != pid
    assert graph_stats(reopened) == before
    reopened.close()


def test_stop_then_reopen_keeps_the_data(own_home: Path) -> None:
    store = open_store(_settings(own_home))
    write_known_graph(store)
    before = graph_stats(store)
    store.close()
    assert stop_server(own_home) is True
    assert stop_server(own_home) is False
    reopened = open_store(_settings(own_home))
    assert graph_stats(reopened) == before
    reopened.close()


def test_a_restarted_server_answers_before_and_after_it_rebuilds_its_indexes(
    own_home: Path,
) -> None:
    """Indexes are rebuilt in the background after a start (DELAY_INDEXING): lookups by key
    answer right away and the same once every index is operational again."""
    store = open_store(_settings(own_home))
    write_known_graph(store)
    store.close()
    assert stop_server(own_home) is True
    reopened = open_store(_settings(own_home))
    lookup = "MATCH (d:Document {id: $id}) RETURN d.title AS title"
    first = reopened.read(lookup, {"id": HEBI_DOC}).rows
    deadline = time.monotonic() + 30
    while True:
        states = reopened.read("CALL db.indexes() YIELD label, status RETURN label, status").rows
        if states and all(status == "OPERATIONAL" for _, status in states):
            break
        assert time.monotonic() < deadline, states
        time.sleep(0.1)
    assert "Document" in {label for label, _ in states}
    assert first == reopened.read(lookup, {"id": HEBI_DOC}).rows
    assert first and first[0][0]
    reopened.close()


def test_a_server_that_never_answers_its_first_graph_query_is_restarted(
    own_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen in CI: a fresh server answered PING, then not the first query on its empty graph.
    # SIGSTOP right after the start reproduces that: PING was answered, nothing else is.
    stalled: list[int] = []

    def start_then_stall(home: Path, limits: embedded.ServerLimits) -> Path:
        socket = embedded.ensure_server(home, limits)
        if not stalled:
            pid = server_status(home).pid
            assert pid is not None
            os.kill(pid, signal.SIGSTOP)
            stalled.append(pid)
        return socket

    monkeypatch.setattr(falkordb_store, "ensure_server", start_then_stall)
    monkeypatch.setattr(falkordb_store, "FIRST_REPLY_S", 1.0)
    store = open_store(_settings(own_home))
    write_known_graph(store)
    assert graph_stats(store).labels["Document"] == 4
    pid = server_status(own_home).pid
    assert pid is not None and pid != stalled[0]
    assert not _alive(stalled[0])
    store.close()


def _alive(pid: int) -> bool:
    """Running or stopped; a zombie (killed, not yet reaped by init) is not alive."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
