"""A Neo4j 5 server for the test session: the launcher in tools/neo4j, built with Maven, run by Java."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = ROOT / "tools" / "neo4j"
JAR = LAUNCHER / "target" / "policykg-neo4j.jar"
USER = "neo4j"
PASSWORD = "policykg-test"
START_TIMEOUT_S = 240  # a first start on 2 busy cores has taken 30 s; leave room
JVM_OPTIONS = ("-Xms512m", "-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED")


class Neo4jUnavailable(RuntimeError):
    """The launcher could not be built or the server did not start."""


def missing_tools() -> str | None:
    """Why the Neo4j suite cannot run here (Java or Maven absent), or None."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if not missing:
        return None
    return (
        f"{' and '.join(missing)} not found: the Neo4j suite needs Java 17 and Maven "
        "(apt-get install openjdk-17-jdk-headless maven; .ci/run does this)"
    )


def build_launcher() -> Path:
    """Build the launcher jar unless it is newer than its pom and sources (Maven is slow to ask)."""
    sources = [LAUNCHER / "pom.xml", *(LAUNCHER / "src").rglob("*.java")]
    built = JAR.exists() and (LAUNCHER / "target" / "lib").is_dir()
    if built and JAR.stat().st_mtime >= max(p.stat().st_mtime for p in sources):
        return JAR
    result = subprocess.run(
        ["mvn", "-q", "-B", "-f", str(LAUNCHER / "pom.xml"), "package"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        tail = (result.stdout + result.stderr)[-4000:]
        raise Neo4jUnavailable(
            f"building tools/neo4j failed (mvn exit {result.returncode}):\n{tail}"
        )
    return JAR


@dataclass
class Neo4jServer:
    """A running launcher process and how to reach it."""

    uri: str
    user: str
    password: str
    home: Path
    process: subprocess.Popen[str]

    def env(self) -> dict[str, str]:
        """The variables the store reads to reach this server."""
        return {"NEO4J_URI": self.uri, "NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password}

    def stop(self, timeout: float = 60) -> int:
        """SIGTERM and wait for a clean shutdown (kill only if it hangs); the exit code."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdin:
            self.process.stdin.close()
        if self.process.stdout:
            self.process.stdout.close()
        return self.process.returncode


def start_server(home: Path, password: str = PASSWORD) -> Neo4jServer:
    """Start Neo4j with its data under HOME on a free port; returns once Bolt is ready."""
    home.mkdir(parents=True, exist_ok=True)
    stderr = (home / "launcher.err").open("w", encoding="utf-8")
    process = subprocess.Popen(
        ["java", *JVM_OPTIONS, "-jar", str(JAR), "--home", str(home), "--watch-stdin"],
        # stdin stays open: when this Python process dies, the launcher sees EOF and stops.
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env={**os.environ, "NEO4J_PASSWORD": password},
    )
    stderr.close()
    first_line: list[str] = []
    assert process.stdout is not None
    reader = threading.Thread(target=lambda: first_line.append(process.stdout.readline()))  # type: ignore[union-attr]
    reader.start()
    reader.join(START_TIMEOUT_S)
    uri = first_line[0].strip() if first_line else ""
    if not uri.startswith("bolt://"):
        process.kill()
        process.wait()
        log = (home / "launcher.err").read_text(encoding="utf-8", errors="replace")[-4000:]
        raise Neo4jUnavailable(
            f"Neo4j did not report a Bolt URI within {START_TIMEOUT_S} s "
            f"(exit {process.returncode}); launcher stderr:\n{log}\n"
            f"server logs: {home / 'logs' / 'debug.log'}"
        )
    return Neo4jServer(uri, USER, password, home, process)
