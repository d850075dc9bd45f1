"""Helpers for the browser tests: serve the explorer, drive Debian's Chromium with Playwright."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
# Schemes that never leave the machine.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def is_local(url: str) -> bool:
    """Whether a request URL stays on this machine."""
    parsed = urlparse(url)
    return parsed.scheme in LOCAL_SCHEMES or parsed.hostname in LOCAL_HOSTS


@contextmanager
def serve(
    home: Path, port: int, timeout_s: float = 60.0, store_env: Mapping[str, str] | None = None
) -> Iterator[str]:
    """`policykg serve` on a port as a subprocess; yields its URL and stops it afterwards.

    The embedded store under home unless store_env names another (POLICYKG_STORE, NEO4J_*).
    """
    policykg = shutil.which("policykg", path=str(Path(sys.executable).parent)) or "policykg"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("POLICYKG_", "NEO4J_"))},
        "POLICYKG_HOME": str(home),
        "POLICYKG_STORE": "falkordb",
        **(store_env or {}),
    }
    log = (home / "serve.log").open("wb")
    process = subprocess.Popen(
        [policykg, "serve", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        # Its own process group: `policykg serve` runs Streamlit as a child, stopped with it.
        start_new_session=True,
    )
    url = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"policykg serve exited: {(home / 'serve.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("policykg serve did not become healthy")
            time.sleep(0.3)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()
