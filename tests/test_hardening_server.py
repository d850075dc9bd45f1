"""Issue 11, finding 8 (servers of their own): a full disk and stale pid files.

Before: a full disk made commands print `ResponseError: MISCONF …`; a pid file naming another
data dir's live redis-server made every command wait 30 s and then fail, and `db stop`
killed that other server.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import redis

from policykg.graph import Store
from policykg.graph.embedded import paths_for, server_status
from policykg.settings import Settings
from tests.cli_runner import run_cli

PLAN = "关于推进园区建设的实施方案\n\n一、目标\n到2027年园区营业收入达到100亿元。\n"


def test_pid_file_naming_another_data_dirs_server(
    own_home: Path, settings: Settings, store: Store
) -> None:
    """Before: 30 s wait and "does not answer"; `db stop` killed the other server."""
    other = server_status(settings.home)
    assert other.running and other.pid is not None
    paths = paths_for(own_home)
    paths.root.mkdir(parents=True)
    paths.pidfile.write_text(f"{other.pid}\n")
    started = time.monotonic()
    result = run_cli(own_home, "g", "query", "RETURN 1 AS one", "--format", "json")
    assert result.code == 0, result.stderr
    assert time.monotonic() - started < 15
    stop = run_cli(own_home, "g", "db", "stop")
    assert stop.stderr.strip() == "stopped"
    assert server_status(settings.home).pid == other.pid  # the other server lives on


def test_db_stop_clears_a_pid_file_naming_a_live_non_redis_process(own_home: Path) -> None:
    paths = paths_for(own_home)
    paths.root.mkdir(parents=True)
    paths.pidfile.write_text(f"{os.getpid()}\n")  # this test process: alive, not redis
    stop = run_cli(own_home, "g", "db", "stop")
    assert stop.code == 0
    assert stop.stderr.strip() == "not running"
    assert not paths.pidfile.exists()
    assert run_cli(own_home, "g", "query", "RETURN 1").code == 0


def _disk_full(home: Path) -> None:
    """Make the server unable to persist, as a full disk does: its snapshot save fails and
    Redis then refuses writes with MISCONF (stop-writes-on-bgsave-error)."""
    paths = paths_for(home)
    client = redis.Redis(unix_socket_path=str(paths.socket))
    try:
        client.config_set("save", "900 1")
        shutil.rmtree(paths.data)  # the server's working directory: no file can be created
        client.bgsave()
        deadline = time.monotonic() + 10
        while client.info("persistence").get("rdb_last_bgsave_status") != "err":
            assert time.monotonic() < deadline, "the snapshot save did not fail"
            time.sleep(0.05)
    finally:
        client.close()


def test_full_disk_is_one_line_with_a_hint(own_home: Path, tmp_path: Path) -> None:
    """Before: `ResponseError: MISCONF Redis is configured to save RDB snapshots …`."""
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    assert run_cli(own_home, "g", "load", str(plan)).code == 0
    _disk_full(own_home)
    for args in (("query", "RETURN 1"), ("load", str(plan))):
        result = run_cli(own_home, "fresh" if args[0] == "query" else "g", *args)
        assert result.code == 2, result.stderr
        error, hint = result.stderr.splitlines()[-2:]
        assert error == (
            "error: the embedded server cannot save to its data directory (is the disk full?), "
            "so it refuses every write"
        )
        assert hint.startswith(f"hint: free space on the disk holding {own_home}")
