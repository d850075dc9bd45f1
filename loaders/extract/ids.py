"""Node ids: one function per label, so every extractor names a node the same way."""

from __future__ import annotations

from policykg.loaders.docnumber import normalize_title
from policykg.ontology import node_id


def document_id(doc_number: str | None, title: str | None) -> str:
    """The Document id: its normalised 文号, else its normalised title."""
    if doc_number:
        return node_id("Document", doc_number)
    return node_id("Document", normalize_title(title or ""))


def second_document_id(doc_number: str, title: str | None) -> str:
    """The id of a document whose 文号 another document with another title already holds:
    the 文号 and its own normalised title (stable across re-loads and moved files)."""
    return node_id("Document", f"{doc_number}@{normalize_title(title or '')}")


def region_id(adcode: str) -> str:
    """A Region's id from its 6-digit adcode."""
    return node_id("Region", adcode)


def park_id(key: str) -> str:
    """A Park's id from region adcode + canonical name."""
    return node_id("Park", key)


def unit_id(owner_id: str, name: str) -> str:
    """A Unit's id: the node it belongs to + its normalised name."""
    return node_id("Unit", f"{owner_id}/{name}")


def industry_id(name: str) -> str:
    """An Industry's id from its normalised name."""
    return node_id("Industry", name)


def task_id(doc_id: str, path: str) -> str:
    """A Task's id: document id + its position (2.4.14) in the section tree."""
    return node_id("Task", f"{doc_id}#{path}")


def target_id(doc_id: str, position: int) -> str:
    """A Target's id: document id + its text offset."""
    return node_id("Target", f"{doc_id}@{position}")
