"""Issue 13: stopping `policykg serve` stops the explorer it started."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _wait(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_sigterm_to_serve_stops_the_streamlit_child(own_home: Path) -> None:
    """Before: SIGTERM ended `policykg serve` but its Streamlit child kept serving the port."""
    port = _free_port()
    env = {**os.environ, "POLICYKG_HOME": str(own_home)}
    serve = subprocess.Popen(
        [sys.executable, "-m", "policykg.app.cli", "serve", "--port", str(port), "--host", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        assert _wait(lambda: _answers(port), 60), "the explorer did not start"
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=30)
        assert _wait(lambda: not _answers(port), 30), "the explorer still serves the port"
    finally:
        if serve.poll() is None:
            serve.kill()
