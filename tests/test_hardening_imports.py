"""Issue 11, finding 4: an import is validated whole before any write; it applies completely or
not at all, and every malformed import is one line naming the file and the problem (exit 2).

Before: a graphml with an unknown relationship type left every node and no relationship
behind; truncated, empty or non-XML graphml, an edge without a label, bad JSON in a property
and a ragged CSV gave raw tracebacks.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from policykg.graph import Store
from policykg.graph.exporters import export_graph
from policykg.graph.snapshot import read_snapshot
from policykg.graph.stats import graph_stats
from policykg.settings import Settings
from tests.cli_runner import run_cli
from tests.export_support import load_sample, open_graph

EXPORTS = {
    "graphml": "g.graphml",
    "gexf": "g.gexf",
    "csv": "csv",
    "ttl": "g.ttl",
    "jsonld": "g.jsonld",
}


@pytest.fixture(scope="module")
def exports(server_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder with the sample graph exported in every importable format."""
    folder = tmp_path_factory.mktemp("exports")
    store = open_graph(server_home, "hardening_import_source")
    try:
        load_sample(store)
        for fmt, name in EXPORTS.items():
            export_graph(store, fmt, folder / name)
    finally:
        store.clear()
        store.close()
    yield folder


def _edit(name: str, change: Callable[[str], str]) -> Callable[[Path, Path], Path]:
    """A case: a copy of the export `name` with its text changed."""

    def make(exports: Path, tmp: Path) -> Path:
        out = tmp / name
        out.write_text(change((exports / name).read_text(encoding="utf-8")), encoding="utf-8")
        return out

    return make


def _csv_edit(file: str, change: Callable[[str], str]) -> Callable[[Path, Path], Path]:
    """A case: a copy of the CSV export folder with one file's text changed."""

    def make(exports: Path, tmp: Path) -> Path:
        out = tmp / "csv"
        shutil.copytree(exports / "csv", out)
        target = out / file
        target.write_text(change(target.read_text(encoding="utf-8")), encoding="utf-8")
        return out

    return make


def _edge_label_key(text: str) -> str:
    match = re.search(r'<key id="(d\d+)" for="edge" attr.name="label"', text)
    assert match
    return match.group(1)


def _without_first_edge_label(text: str) -> str:
    key = _edge_label_key(text)
    return re.sub(rf'<data key="{key}">[A-Z_]+</data>', "", text, count=1)


def _unknown_last_type(text: str) -> str:
    """The last edge gets a type the ontology does not know (nodes come before it)."""
    key = _edge_label_key(text)
    found = list(re.finditer(rf'<data key="{key}">([A-Z_]+)</data>', text))
    last = found[-1]
    return text[: last.start(1)] + "NO_SUCH_TYPE" + text[last.end(1) :]


def _bad_aliases(text: str) -> str:
    match = re.search(r'<key id="(d\d+)" for="node" attr.name="aliases"', text)
    assert match
    return re.sub(
        rf'<data key="{match.group(1)}">[^<]*</data>',
        f'<data key="{match.group(1)}">[not json</data>',
        text,
        count=1,
    )


def _ragged(text: str) -> str:
    lines = text.split("\n")
    lines[1] = lines[1] + ",one too many"
    return "\n".join(lines)


CASES: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "graphml_empty": (_edit("g.graphml", lambda t: ""), "not a readable GraphML file"),
    "graphml_truncated": (
        _edit("g.graphml", lambda t: t[: len(t) // 2]),
        "not a readable GraphML file",
    ),
    "graphml_not_xml": (
        _edit("g.graphml", lambda t: "hello, world\n"),
        "not a readable GraphML file",
    ),
    "graphml_edge_without_label": (
        _edit("g.graphml", _without_first_edge_label),
        "has no 'label' attribute",
    ),
    "graphml_unknown_type": (
        _edit("g.graphml", _unknown_last_type),
        "unknown relationship type 'NO_SUCH_TYPE'",
    ),
    "graphml_bad_json": (_edit("g.graphml", _bad_aliases), "aliases"),
    "gexf_empty": (_edit("g.gexf", lambda t: ""), "not a readable GEXF file"),
    "gexf_truncated": (_edit("g.gexf", lambda t: t[: len(t) // 2]), "not a readable GEXF file"),
    "gexf_edge_without_label": (
        _edit("g.gexf", lambda t: t.replace(' label="APPLIES_TO"', "", 1)),
        "has no 'label' attribute",
    ),
    "csv_ragged": (
        _csv_edit("relationships_BELONGS_TO.csv", _ragged),
        "relationships_BELONGS_TO.csv:2",
    ),
    "csv_ragged_nodes": (_csv_edit("nodes_Park.csv", _ragged), "nodes_Park.csv:2"),
    "csv_no_type_column": (
        _csv_edit("relationships_CITES.csv", lambda t: t.replace(",:TYPE,", ",kind,", 1)),
        "relationships_CITES.csv",
    ),
    "csv_unknown_type": (
        _csv_edit("relationships_CITES.csv", lambda t: t.replace(",CITES,", ",NO_SUCH_TYPE,", 1)),
        "unknown relationship type 'NO_SUCH_TYPE'",
    ),
    "csv_empty_file": (_csv_edit("relationships_CITES.csv", lambda t: ""), "is empty"),
    "ttl_truncated": (_edit("g.ttl", lambda t: t[: len(t) // 2]), "cannot parse the ttl input"),
    "jsonld_bad_json": (_edit("g.jsonld", lambda t: t[:-40]), "cannot parse the jsonld input"),
    "jsonld_empty": (_edit("g.jsonld", lambda t: ""), "g.jsonld"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_malformed_import_is_one_line_and_writes_nothing(
    case: str, exports: Path, settings: Settings, store: Store, tmp_path: Path
) -> None:
    """Before: raw tracebacks (8 of 23 malformed imports) or a half-applied import."""
    make, problem = CASES[case]
    path = make(exports, tmp_path)
    result = run_cli(settings.home, settings.graph_name, "import", str(path))
    assert result.code == 2, result.stderr
    assert "Traceback" not in result.stderr
    error, *hints = result.stderr.splitlines()
    assert all(line.startswith("hint: ") for line in hints), result.stderr
    assert error.startswith(f"error: {path}"), error
    assert problem in error, error
    assert graph_stats(store).nodes == 0


def test_refused_import_leaves_the_graph_as_it_was(
    exports: Path, settings: Settings, store: Store, tmp_path: Path
) -> None:
    """Before: a graphml with an unknown relationship type wrote every node, then failed."""
    good = run_cli(settings.home, settings.graph_name, "import", str(exports / "g.ttl"))
    assert good.code == 0, good.stderr
    before = read_snapshot(store).canonical()
    bad = _edit("g.graphml", _unknown_last_type)(exports, tmp_path)
    bad_text = bad.read_text(encoding="utf-8").replace("亳州高新区", "改过的名字")
    bad.write_text(bad_text, encoding="utf-8")
    result = run_cli(settings.home, settings.graph_name, "import", str(bad))
    assert result.code == 2
    assert read_snapshot(store).canonical() == before
