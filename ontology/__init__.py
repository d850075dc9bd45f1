"""The single definition of the graph's labels, relationships and properties."""

from policykg.ontology.records import Extraction, NodeRecord, RelationshipRecord
from policykg.ontology.schema import LABELS, NODE_LABELS, RELATIONSHIP_TYPES, RELATIONSHIPS, node_id

__all__ = [
    "LABELS",
    "NODE_LABELS",
    "RELATIONSHIPS",
    "RELATIONSHIP_TYPES",
    "Extraction",
    "NodeRecord",
    "RelationshipRecord",
    "node_id",
]
