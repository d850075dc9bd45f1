"""Graph stores behind one small seam, picked by name and imported lazily."""

from __future__ import annotations

import importlib

from policykg.errors import ConfigError
from policykg.graph.result import GraphNode, GraphPath, GraphRelationship, QueryResult
from policykg.graph.store import Reader, Store
from policykg.settings import Settings

__all__ = [
    "GraphNode",
    "GraphPath",
    "GraphRelationship",
    "QueryResult",
    "Reader",
    "Store",
    "open_reader",
    "open_store",
]

# name -> (module, class): drivers are imported only when their store is used.
_STORES: dict[str, tuple[str, str]] = {
    "falkordb": ("policykg.graph.falkordb_store", "FalkorDBStore"),
    "neo4j": ("policykg.graph.neo4j_store", "Neo4jStore"),
}


def open_store(settings: Settings) -> Store:
    """Connect to the store the settings name (starting the embedded server if needed)."""
    try:
        module_name, class_name = _STORES[settings.store]
    except KeyError:
        raise ConfigError(f"unknown store {settings.store!r}") from None
    store_class = getattr(importlib.import_module(module_name), class_name)
    store: Store = store_class(settings)
    return store


def open_reader(settings: Settings) -> Reader:
    """Something to run read-only queries on: on the embedded store, a lean client that
    starts in a fraction of the full one's import time (the CLI's query and run)."""
    if settings.store == "falkordb":
        from policykg.graph.falkordb_reader import FalkorDBReader

        return FalkorDBReader(settings)
    return open_store(settings)
