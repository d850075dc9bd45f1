"""Settings in one frozen object, built from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from policykg.errors import ConfigError

STORES = ("falkordb", "neo4j")


def default_home() -> Path:
    """The data directory used when POLICYKG_HOME is not set."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "policykg"


@dataclass(frozen=True)
class Settings:
    """Where the graph lives and how to reach it."""

    store: str = "falkordb"
    home: Path = field(default_factory=default_home)
    graph_name: str = "policykg"
    batch_size: int = 1000
    query_timeout_ms: int = 30_000
    query_memory_mb: int = 1024
    server_memory_mb: int = 0
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str = "neo4j"

    def __post_init__(self) -> None:
        if self.store not in STORES:
            raise ConfigError(
                f"unknown store {self.store!r}",
                hint=f"set POLICYKG_STORE or --store to one of: {', '.join(STORES)}",
            )
        if self.batch_size < 1:
            raise ConfigError(
                f"batch size must be at least 1, got {self.batch_size}",
                hint="set POLICYKG_BATCH_SIZE to a positive whole number",
            )
        if self.store == "neo4j" and not self.neo4j_uri:
            raise ConfigError(
                "the neo4j store needs a URI",
                hint="set NEO4J_URI (e.g. neo4j://localhost:7687) or pass --neo4j-uri",
            )

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Build settings from POLICYKG_* and NEO4J_* variables; overrides win when not None."""
        env = dict(os.environ if env is None else env)
        values: dict[str, object] = {
            "store": env.get("POLICYKG_STORE", "falkordb"),
            "home": Path(env["POLICYKG_HOME"]) if env.get("POLICYKG_HOME") else default_home(),
            "graph_name": env.get("POLICYKG_GRAPH", "policykg"),
            "batch_size": _int(env, "POLICYKG_BATCH_SIZE", 1000),
            "query_timeout_ms": _int(env, "POLICYKG_QUERY_TIMEOUT_MS", 30_000),
            "query_memory_mb": _int(env, "POLICYKG_QUERY_MEMORY_MB", 1024),
            "server_memory_mb": _int(env, "POLICYKG_SERVER_MEMORY_MB", 0),
            "neo4j_uri": env.get("NEO4J_URI") or None,
            "neo4j_user": env.get("NEO4J_USER", "neo4j"),
            "neo4j_password": env.get("NEO4J_PASSWORD") or None,
            "neo4j_database": env.get("NEO4J_DATABASE", "neo4j"),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


def _int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
