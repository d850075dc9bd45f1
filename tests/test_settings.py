"""Settings from the environment, with errors that say what to set."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.errors import ConfigError
from policykg.settings import Settings


def test_defaults_and_environment() -> None:
    settings = Settings.from_env(env={"POLICYKG_HOME": "/data/pk", "POLICYKG_BATCH_SIZE": "250"})
    assert settings.store == "falkordb"
    assert settings.home == Path("/data/pk")
    assert settings.batch_size == 250


def test_overrides_win_over_the_environment() -> None:
    settings = Settings.from_env(env={"POLICYKG_GRAPH": "a"}, graph_name="b")
    assert settings.graph_name == "b"


def test_neo4j_needs_a_uri() -> None:
    with pytest.raises(ConfigError, match="the neo4j store needs a URI") as info:
        Settings.from_env(env={"POLICYKG_STORE": "neo4j"})
    assert "NEO4J_URI" in info.value.hint


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"POLICYKG_STORE": "sqlite"}, "unknown store 'sqlite'"),
        ({"POLICYKG_BATCH_SIZE": "many"}, "POLICYKG_BATCH_SIZE must be a whole number"),
        ({"POLICYKG_BATCH_SIZE": "0"}, "batch size must be at least 1"),
    ],
)
def test_bad_settings_are_named(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(env=env)
