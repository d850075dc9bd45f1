"""Issue 11: one importable package name.

Before: `pip install` put app, graph, loaders, queries and ontology into site-packages as
top-level names that collide with other projects. Now the wheel holds `policykg` only and the
code imports itself as `policykg.…`; the repository keeps its top-level folders.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FOLDERS = ("app", "graph", "loaders", "ontology", "queries")
CODE_DIRS = (*FOLDERS, "policykg", "bench", "tests")


def _imported_modules(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            names.append(node.module or "")
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


def test_no_code_imports_a_folder_by_its_bare_name() -> None:
    offenders = [
        f"{path.relative_to(REPO)}: {name}"
        for folder in CODE_DIRS
        for path in sorted((REPO / folder).glob("**/*.py"))
        for name in _imported_modules(path)
        if name.split(".")[0] in FOLDERS
    ]
    assert offenders == []


def test_the_policykg_package_reaches_every_folder() -> None:
    for folder in FOLDERS:
        link = REPO / "policykg" / folder
        assert link.is_symlink() and link.resolve() == (REPO / folder).resolve(), link


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(REPO)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    (path,) = out.glob("policykg-*.whl")
    return path


@pytest.mark.e2e
def test_the_wheel_installs_one_top_level_name(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert {name.split("/")[0] for name in names} == {"policykg", "policykg-0.1.0.dist-info"}
    for data in (
        "policykg/queries/lineage_up.cypher",
        "policykg/queries/checks/doc_numbers_unique.cypher",
        "policykg/graph/cypher/find_stub_merges.cypher",
        "policykg/ontology/data/organs.tsv",
        "policykg/ontology/generated/shapes.ttl",
        "policykg/app/explorer/main.py",
        "policykg/app/explorer/views/lineage.py",
        "policykg/app/explorer/static/vis-network.min.js",
    ):
        assert data in names, data


@pytest.mark.e2e
def test_the_unpacked_wheel_runs_without_the_repository(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import policykg.app.cli, policykg.queries as q;"
        "from policykg.ontology import organs; assert organs.TABLE.is_file();"
        "print(policykg.app.cli.__file__); print(len(q.named_queries()))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    module_file, count = done.stdout.split()
    assert module_file.startswith(str(site)) and int(count) > 10
