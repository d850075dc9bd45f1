"""ONTOLOGY.md (the public contract), the Python definition and the generated files agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from policykg.ontology.generate import GENERATED_DIR, generated_graphs
from policykg.ontology.schema import LABELS, RELATIONSHIPS
from policykg.ontology.table import embedded_table, markdown_table

REPO = Path(__file__).resolve().parent.parent
DOCS_COPY = REPO / "docs" / "ONTOLOGY.md"
SHARED = REPO.parent / "shared" / "ONTOLOGY.md"
TABLE_FILES = [REPO / "README.md", REPO / "docs" / "ontology.md"]

_ROW = re.compile(r"^\|(.+)\|\s*$")
_PATTERN = re.compile(
    r"\(:(?P<start>[\w\\|:]+)\)-\[:(?P<type>\w+)(?: \{(?P<props>[^}]*)\})?\]"
    r"->\(:(?P<end>[\w\\|:]+)\)"
)


def _section_rows(text: str, heading: str) -> list[list[str]]:
    """The body rows of the first table under a `## heading`."""
    section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    rows = [
        [cell.strip() for cell in re.split(r"(?<!\\)\|", m.group(1))]
        for line in section.splitlines()
        if (m := _ROW.match(line.strip()))
    ]
    return [row for row in rows[1:] if not set("".join(row)) <= set("-: ")]


def _top_level_names(cell: str) -> set[str]:
    """`title`, `level` (`a`, `b`) -> {title, level}: names outside parentheses."""
    depth, kept = 0, []
    for char in cell:
        depth += char == "("
        depth -= char == ")"
        kept.append(char if depth == 0 and char != ")" else " ")
    return set(re.findall(r"`(\w+)`", "".join(kept)))


def contract(
    text: str,
) -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str], set[str]]]]:
    """Labels -> properties, and type -> (starts, ends, properties), as ONTOLOGY.md names them."""
    labels = {
        row[0].strip("`"): _top_level_names(row[1]) | {"id", "name"}
        for row in _section_rows(text, "Nodes")
    }
    for row in _section_rows(text, "Identity"):
        labels.setdefault(row[0].strip("`"), {"id", "name"})
    extracted_props = {"doc", "evidence"} if "carries `doc`" in text else set()
    rels: dict[str, tuple[set[str], set[str], set[str]]] = {}
    for row in _section_rows(text, "Relationships"):
        match = _PATTERN.search(row[0].replace("`", ""))
        assert match, f"cannot read relationship pattern {row[0]!r}"
        starts = set(match["start"].replace("\\", "").replace(":", "").split("|"))
        ends = set(match["end"].replace("\\", "").replace(":", "").split("|"))
        props = {p.strip() for p in (match["props"] or "").split(",") if p.strip()}
        rels[match["type"]] = (starts, ends, props)
    return labels, {**rels, "_extracted": (set(), set(), extracted_props)}


def _contract_files() -> list[Path]:
    return [DOCS_COPY, *([SHARED] if SHARED.exists() else [])]


@pytest.mark.parametrize("path", _contract_files(), ids=lambda p: str(p.relative_to(REPO.parent)))
def test_every_name_in_the_contract_is_defined_in_python(path: Path) -> None:
    labels, rels = contract(path.read_text(encoding="utf-8"))
    assert len(labels) >= 7 and len(rels) >= 13, "the contract tables were not read"
    for label, props in labels.items():
        assert label in LABELS, f"{path.name}: label {label} missing from ontology/schema.py"
        missing = props - LABELS[label].property_names
        assert not missing, f"{path.name}: {label} properties {sorted(missing)} not in schema.py"
    extracted = rels.pop("_extracted")[2]
    for name, (starts, ends, props) in rels.items():
        assert name in RELATIONSHIPS, f"{path.name}: relationship {name} not in schema.py"
        rtype = RELATIONSHIPS[name]
        assert starts <= set(rtype.starts), f"{name}: starts {starts} vs {rtype.starts}"
        assert ends <= set(rtype.ends), f"{name}: ends {ends} vs {rtype.ends}"
        assert props <= rtype.property_names, f"{name}: properties {props}"
        if rtype.extracted:
            assert extracted <= rtype.property_names


def test_the_contract_parser_notices_a_missing_label() -> None:
    text = DOCS_COPY.read_text(encoding="utf-8").replace("| `Industry` | — |", "| `Sector` | — |")
    labels, _ = contract(text)
    assert "Sector" in labels and "Sector" not in LABELS


def test_docs_copy_matches_shared_contract() -> None:
    if not SHARED.exists():
        pytest.skip(f"no shared contract at {SHARED} (outside the policykg workspace)")
    assert DOCS_COPY.read_text(encoding="utf-8") == SHARED.read_text(encoding="utf-8"), (
        "docs/ONTOLOGY.md differs from shared/ONTOLOGY.md: copy it over and update schema.py"
    )


@pytest.mark.parametrize("name", sorted(generated_graphs()))
def test_generated_files_equal_a_fresh_generation(name: str) -> None:
    on_disk = Graph().parse(GENERATED_DIR / name, format="turtle")
    fresh = generated_graphs()[name]
    if not isomorphic(on_disk, fresh):
        _, only_disk, only_fresh = graph_diff(to_isomorphic(on_disk), to_isomorphic(fresh))
        pytest.fail(
            f"ontology/generated/{name} is stale; run `python -m policykg.ontology.generate`.\n"
            f"only on disk:\n{only_disk.serialize(format='nt')}\n"
            f"only fresh:\n{only_fresh.serialize(format='nt')}"
        )


def test_markdown_tables_match_the_definition() -> None:
    found = [
        p for p in TABLE_FILES if p.exists() and embedded_table(p.read_text("utf-8")) is not None
    ]
    assert found, "no file holds the ontology-table markers"
    for path in found:
        assert embedded_table(path.read_text("utf-8")) == markdown_table(), (
            f"{path.name}: run `python -m policykg.ontology.table {path.relative_to(REPO)}`"
        )


def test_the_generator_takes_no_option_for_its_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m policykg.ontology.generate --help` once wrote the ontology into ./--help."""
    from policykg.ontology.generate import main

    monkeypatch.chdir(tmp_path)
    assert main(["--help"]) == 0
    assert main(["--bogus"]) == 2
    assert list(tmp_path.iterdir()) == []
    assert main([str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["policykg.ttl", "shapes.ttl"]
