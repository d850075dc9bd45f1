"""The graph contract (shared/ONTOLOGY.md) as data: labels, relationship types, properties.

Everything else (store schema, row validation, Cypher writers, RDF terms, README tables)
is generated from the definitions here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Property:
    """One property of a node or relationship."""

    name: str
    type: str  # "string", "integer", "float", "boolean", "date", "string[]"
    description: str = ""
    # False for texts the extraction keeps but the graph does not: readers take them from the
    # document's saved text by the node's offsets (a Task's paragraph was a quarter of the
    # embedded server's memory; a Target's sentence and a Task's heading path most of the rest
    # of their nodes' attributes).
    stored: bool = True


@dataclass(frozen=True)
class NodeLabel:
    """A node label, its identity rule and its properties (besides id and name)."""

    name: str
    identity: str
    properties: tuple[Property, ...]
    id_prefix: str

    @cached_property  # validation asks for every node of a load
    def property_names(self) -> frozenset[str]:
        """All property names a node of this label may carry, id and name included."""
        return frozenset({"id", "name", *(p.name for p in self.properties)})

    @cached_property
    def unstored_property_names(self) -> frozenset[str]:
        """Properties the extraction keeps but a store does not (read by offsets instead)."""
        return frozenset(p.name for p in self.properties if not p.stored)


@dataclass(frozen=True)
class RelationshipType:
    """A relationship type with the labels it may connect."""

    name: str
    starts: tuple[str, ...]
    ends: tuple[str, ...]
    meaning: str
    properties: tuple[Property, ...] = ()
    # Properties that tell two relationships between the same nodes apart; MERGE uses them.
    key: tuple[str, ...] = ()
    # Extracted from text: carries doc and evidence.
    extracted: bool = True
    # False where a node of the relationship already holds its evidence (a Task's number and
    # title, a Target's sentence): the extraction keeps it, the graph stores no copy. Where it
    # is True, evidence quoted from the text is stored as its offsets (EVIDENCE_SPAN) alone.
    evidence: bool = True
    # False where the document is a node of the relationship or its start's (HAS_TASK,
    # SETS_TARGET, FOR): the extraction names it, the graph stores no copy (a doc id on each of
    # 36 HAS_TASK a document was 4 % of the embedded server's graph at 5,000 documents).
    doc_stored: bool = True

    @cached_property  # validation and the writer ask for every relationship of a load
    def property_names(self) -> frozenset[str]:
        """All property names a relationship of this type may carry."""
        base = {"doc", "evidence"} if self.extracted else set()
        return frozenset({*base, *(p.name for p in self.properties)})

    @cached_property
    def stored_property_names(self) -> frozenset[str]:
        """The properties a store may keep of it: evidence only where no node holds it (and
        then, for a sentence of the text, its offsets instead: see stored_properties)."""
        unstored = set()
        if not self.evidence:
            unstored.add("evidence")
        if not self.doc_stored:
            unstored.add("doc")
        return self.property_names - unstored

    def stored_properties(self, properties: dict[str, Any]) -> dict[str, Any]:
        """What a store keeps of a relationship's properties: no nulls, no evidence a node
        holds, and no evidence sentence where its offsets are given."""
        stored = self.stored_property_names
        quoted = properties.get("evidence_start") is not None
        return {
            k: v
            for k, v in properties.items()
            if v is not None and k in stored and not (quoted and k == "evidence")
        }


# A Task's text (its paragraph, a table row) is cut at this many characters, in the extraction
# and wherever the paragraph is read back from the saved text.
TASK_TEXT_CHARS = 2000


def _p(name: str, type_: str = "string", description: str = "", stored: bool = True) -> Property:
    return Property(name, type_, description, stored)


def _span(owner: str, noun: str, text: str) -> tuple[Property, ...]:
    """start and end of a text in the document's clean text, and that text, which the graph
    does not keep: readers take it from the saved text by the offsets."""
    return (
        _p("start", "integer", f"offset of {owner} {noun} in the document's clean text"),
        _p("end", "integer", f"end of that {noun} (exclusive)"),
        _p("text", description=f"{text}: in the extraction and the text store only", stored=False),
    )


DOC_PROVENANCE = (
    _p("doc", description="id of the document the relationship was read from"),
    _p(
        "evidence",
        description="the sentence it was read from: in the graph only when it is no sentence of"
        " the text (发布机构: …, 文号: …, a title), else in the extraction and the text store",
    ),
)

# Where a relationship's evidence sentence stands in the clean text of its `doc`: the graph
# keeps these instead of the sentence (relationships' evidence was a quarter of the embedded
# server's memory); readers take the sentence from the saved text, half-width as extracted.
EVIDENCE_SPAN = (
    _p(
        "evidence_start",
        "integer",
        "offset of the evidence sentence in the clean text of the document `doc` names",
    ),
    _p("evidence_end", "integer", "end of that sentence (exclusive)"),
)

NODE_LABELS: tuple[NodeLabel, ...] = (
    NodeLabel(
        "Document",
        "its normalised 文号 when it has one (a later file with that 文号 and another title:"
        " 文号@normalised title), else its normalised title",
        (
            _p("title"),
            _p(
                "title_key",
                description="the title's identity key (no 《》, spaces or status markers), matching a citation by title with its document",
            ),
            _p("doc_number", description="文号, normalised to 〔YYYY〕"),
            _p("issuer"),
            _p("date", "date", "ISO YYYY-MM-DD"),
            _p("kind", description="意见, 实施方案, 规划, 纲要, 通知, 办法, 条例, 工作要点 …"),
            _p("status", description="有效, 失效, 征求意见稿 …"),
            _p("source", description="file or URL it was loaded from"),
            _p("stub", "boolean", "true while known only from citations"),
            _p("level", description="national, provincial, city, county or park"),
        ),
        "doc",
    ),
    NodeLabel(
        "Region",
        "its administrative-division code (adcode)",
        (
            _p("adcode"),
            _p("level", description="province, city or county"),
            _p("lon", "float"),
            _p("lat", "float"),
        ),
        "region",
    ),
    NodeLabel(
        "Park",
        "region + normalised park name; aliases resolve to one node",
        (
            _p("kind", description="高新区, 经开区, 自贸片区, 综合保税区, 产业园, 示范区 …"),
            _p("level", description="national, provincial or absent"),
            _p("aliases", "string[]"),
        ),
        "park",
    ),
    NodeLabel(
        "Unit",
        "region (or park) it belongs to + normalised name",
        (
            _p("full_name", description="region-qualified, e.g. 鹤壁市交通运输局"),
            _p("kind", description="party, government, department, committee, park-committee …"),
        ),
        "unit",
    ),
    NodeLabel("Industry", "normalised industry name", (), "industry"),
    NodeLabel(
        "Task",
        "document id + the task's position in the document's structure",
        (
            _p("number", description="as printed: 14, (一)"),
            # name is number and title ("4 制定重点行动计划"): the graph keeps it once (a second
            # copy was 10 % of the embedded server's graph at 5,000 documents); queries take
            # the title from name (queries/unit_tasks.cypher).
            _p(
                "title",
                description="the task's heading: in the extraction (extract --json) only; the"
                " graph's name holds it after the number",
                stored=False,
            ),
            _p(
                "section",
                description="heading path: in the extraction (extract --json) only, not the graph",
                stored=False,
            ),
            *_span("the task's", "text", "the task's paragraph"),
        ),
        "task",
    ),
    NodeLabel(
        "Target",
        "document id + position",
        (
            _p("metric"),
            _p(
                "metric_key",
                description="the indicator in the metric vocabulary (ontology/data/metrics.tsv), absent when it has none",
            ),
            _p(
                "dimension",
                description="what the indicator is measured in (亿元, %, 家 …), from the vocabulary",
            ),
            _p("value", "float", "number, or null for placeholders"),
            _p("value_max", "float", "upper bound of a range (3-4个), else absent"),
            _p("unit"),
            _p("comparator", description=">=, >, =, ~, <=, <"),
            _p("year", "integer"),
            _p("baseline", "float"),
            *_span("the target's", "sentence", "the sentence"),
        ),
        "target",
    ),
)

PLACES = ("Region", "Park")
RESPONSIBLE = ("Unit", "Park", "Region")

RELATIONSHIP_TYPES: tuple[RelationshipType, ...] = (
    RelationshipType(
        "CITES",
        ("Document",),
        ("Document",),
        "relation: basis, implements, applies, repeals, amends or reference",
        (_p("relation"), *EVIDENCE_SPAN),
        key=("doc", "relation"),
    ),
    RelationshipType(
        "ISSUED_BY", ("Document",), ("Unit",), "issuing organ", EVIDENCE_SPAN, key=("doc",)
    ),
    RelationshipType(
        "APPLIES_TO",
        ("Document",),
        PLACES,
        "jurisdiction the policy governs",
        EVIDENCE_SPAN,
        key=("doc",),
    ),
    RelationshipType(
        "MENTIONS", ("Document",), PLACES, "other places named", EVIDENCE_SPAN, key=("doc",)
    ),
    RelationshipType(
        "PROMOTES",
        ("Document",),
        ("Industry",),
        "industries it sets out to develop; role: leading, emerging, featured or absent",
        (_p("role"), *EVIDENCE_SPAN),
        key=("doc",),
    ),
    RelationshipType(
        "HAS_TASK",
        ("Document",),
        ("Task",),
        "numbered or headed tasks",
        evidence=False,
        doc_stored=False,
    ),
    RelationshipType("LED_BY", ("Task",), RESPONSIBLE, "牵头 / 负责", EVIDENCE_SPAN, key=("doc",)),
    RelationshipType(
        "SUPPORTED_BY", ("Task",), RESPONSIBLE, "配合 / 参与 / 会同", EVIDENCE_SPAN, key=("doc",)
    ),
    RelationshipType(
        "SETS_TARGET",
        ("Document",),
        ("Target",),
        "quantified goals",
        evidence=False,
        doc_stored=False,
    ),
    RelationshipType(
        "FOR", ("Target",), PLACES, "whose target it is", evidence=False, doc_stored=False
    ),
    RelationshipType("LOCATED_IN", ("Park",), ("Region",), "", extracted=False),
    RelationshipType("PART_OF", ("Region",), ("Region",), "division hierarchy", extracted=False),
    RelationshipType("BELONGS_TO", ("Unit",), PLACES, "", extracted=False),
)

LABELS: dict[str, NodeLabel] = {label.name: label for label in NODE_LABELS}
RELATIONSHIPS: dict[str, RelationshipType] = {rel.name: rel for rel in RELATIONSHIP_TYPES}


def node_id(label: str, key: str) -> str:
    """The stable id of a node: its label's prefix and its identity key."""
    return f"{LABELS[label].id_prefix}:{key}"
