"""Every command pays for importing app.cli: it must not import what only some commands use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from policykg.app.cli_interchange import BASE_DEFAULT, DIALECTS, FORMATS_HELP
from policykg.graph import dialect
from policykg.graph.exporters import EXPORT_FORMATS
from policykg.ontology.vocabulary import DEFAULT_BASE

ROOT = Path(__file__).resolve().parent.parent
# Parsing and extraction, RDF, graph formats, the explorer, the server manager's client.
LAZY = ("loaders", "ahocorasick", "ahocorasick_rs", "rdflib", "pyshacl", "networkx", "streamlit", "pyvis",
        "resiliparse", "docx", "pypdf", "redis", "falkordb", "neo4j")  # fmt: skip


def test_importing_the_cli_leaves_heavy_packages_to_the_commands_that_use_them() -> None:
    code = "import sys, app.cli; print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert [name for name in LAZY if name in loaded] == []


def test_export_help_spells_out_what_the_exporters_define() -> None:
    assert BASE_DEFAULT == DEFAULT_BASE
    assert DIALECTS == (dialect.NEO4J, dialect.FALKORDB)
    assert FORMATS_HELP.startswith(", ".join(EXPORT_FORMATS) + ";")
