"""Shared fixtures: a real embedded FalkorDB server per test session, a fresh graph per test."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import Store, open_store
from graph.embedded import stop_server
from policykg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo"
_graph_numbers = itertools.count()


@pytest.fixture(scope="session")
def server_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory whose embedded server lives for the whole session."""
    home = tmp_path_factory.mktemp("policykg-home")
    yield home
    stop_server(home)


@pytest.fixture
def settings(server_home: Path) -> Settings:
    """Settings for a graph of its own on the session's server."""
    return Settings.from_env(env={}, home=server_home, graph_name=f"test{next(_graph_numbers)}")


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    """A fresh, empty graph in the real embedded FalkorDB, with the ontology's schema."""
    handle = open_store(settings)
    handle.ensure_schema()
    yield handle
    handle.clear()
    handle.close()


@pytest.fixture
def own_home(tmp_path: Path) -> Iterator[Path]:
    """A data directory with a server of its own, stopped after the test."""
    home = tmp_path / "home"
    yield home
    stop_server(home)
