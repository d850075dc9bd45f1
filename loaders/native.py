"""The loaders compiled to C with mypyc, used only while they match the sources exactly.

    python -m policykg.loaders.build_native    # `make install` runs it; a no-op when current

mypyc (part of mypy) compiles these type-annotated modules into extension modules that do
the same thing with less interpreter work (-11 % instructions of `policykg extract` over
the speed bench's 150 files, output byte-identical). The build goes to a folder named after
the interpreter and the sources (paths, sizes and modification times, as .pyc files are
checked) under the virtual environment. `policykg.loaders` and `policykg.loaders.extract`
put that folder before their own on their `__path__` when it exists, so an edited rule, or a
machine without a C compiler, runs the Python sources: the build can be missing or stale,
never wrong. POLICYKG_NATIVE=off turns it off; POLICYKG_NATIVE_DIR moves it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import shutil
import sys
import tempfile
import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from policykg.loaders.cache_files import stale

_LOADERS = Path(__file__).resolve().parent
_PACKAGE_ROOT = Path(__file__).parent.parent.parent  # holds policykg/ (loaders/ is linked in)
# Package files set their __path__ (Python must run them), and cache_files is imported by this
# module before the build is on it; two touch re's and the collector's internals; document.py
# holds the records other stages receive (ParsedDocument): compiled, a frozen dataclass cannot
# be unpickled.
_NOT_COMPILED = frozenset(
    {
        "__init__.py",
        "native.py",
        "build_native.py",
        "cache_files.py",
        "regex_cache.py",
        "collector.py",
        "document.py",
    }
)
_COMPLETE = "COMPLETE"
KEEP = 4  # builds kept (~5 MB each)


def enabled() -> bool:
    """Not turned off, and CPython (mypyc builds extension modules for it alone)."""
    off = os.environ.get("POLICYKG_NATIVE", "").lower() in ("off", "0", "no")
    return not off and sys.implementation.name == "cpython"


def build_root() -> Path:
    """Where builds live: $POLICYKG_NATIVE_DIR, else policykg-native/ in the environment."""
    configured = os.environ.get("POLICYKG_NATIVE_DIR")
    return Path(configured) if configured else Path(sys.prefix) / "policykg-native"


def compiled_sources() -> list[Path]:
    """The loader modules mypyc compiles, as paths under policykg/loaders."""
    return [
        _PACKAGE_ROOT / "policykg" / "loaders" / source.relative_to(_LOADERS)
        for source in sorted(_LOADERS.rglob("*.py"))
        if source.name not in _NOT_COMPILED
    ]


def _key_sources() -> list[Path]:
    """Every file whose change could change what a build does: the loaders and what they
    import of the package (the ontology, the errors)."""
    package = _PACKAGE_ROOT / "policykg"
    ontology = (package / "ontology").resolve()
    return [*sorted(_LOADERS.rglob("*.py")), *sorted(ontology.rglob("*.py")), package / "errors.py"]


def stamp(head: str, sources: Iterable[Path]) -> str:
    """A short name for head and the sources as they are now (paths, sizes and modification
    times, as .pyc files are checked): it changes when any of them does."""
    parts = [head]
    for source in sources:
        stat = source.stat()
        parts.append(f"{source}:{stat.st_size}:{stat.st_mtime_ns}")
    # crc32, not hashlib: hashlib loads OpenSSL (~4 ms) on every start.
    return f"{zlib.crc32('|'.join(parts).encode()):08x}"


def source_key() -> str:
    """Names the interpreter build and the sources as they are now."""
    return stamp(f"{sys.version}|{sys.platform}", _key_sources())


@cache
def current_build() -> Path | None:
    """The build for these sources, if one is complete."""
    if not enabled():
        return None
    folder = build_root() / source_key()
    return folder if (folder / _COMPLETE).is_file() else None


def extend_path(path: list[str], package: str) -> list[str]:
    """package's __path__ with the current build's folder first (unchanged without one)."""
    build = current_build()
    if build is None:
        return path
    folder = build.joinpath(*package.split("."))
    if not folder.is_dir():
        return path
    _import_runtime(build)
    return [str(folder), *path]


def _import_runtime(build: Path) -> None:
    """Import the runtime the compiled modules share (mypyc puts it at the top of the build)
    from its file. Not by putting the build on sys.path: processes started by spawn (load
    workers) get the parent's sys.path and, before anything else, import policykg, which the
    build's policykg/ folder (no __init__.py) then made a namespace package without parse."""
    for runtime in build.glob("*__mypyc.*"):
        name = runtime.name.split(".", 1)[0]
        if name in sys.modules:
            return
        spec = importlib.util.spec_from_file_location(name, runtime)
        if spec is None or spec.loader is None:
            return
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return


def build() -> Path:
    """Compile the loaders for these sources (nothing when a current build exists)."""
    key = source_key()
    target = build_root() / key
    if (target / _COMPLETE).is_file():
        return target
    from mypyc.build import mypycify
    from setuptools import Distribution  # type: ignore[import-untyped]

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        staging = Path(tmp) / "lib"
        cwd = Path.cwd()
        os.chdir(_PACKAGE_ROOT)  # mypy names modules by their path: policykg/loaders/…
        try:
            sources = [str(s.relative_to(_PACKAGE_ROOT)) for s in compiled_sources()]
            # mypyc prints notes (generator comprehensions compiled as lists) and, on a type
            # error, the errors before it exits: kept for the message, not printed.
            said = io.StringIO()
            try:
                with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
                    modules = mypycify(sources, opt_level="3", target_dir=str(Path(tmp) / "c"))
            except SystemExit as exc:
                raise RuntimeError(f"mypyc failed: {said.getvalue().strip()[-2000:]}") from exc
            dist = Distribution({"name": "policykg-native", "ext_modules": modules})
            dist.script_args = [
                "--quiet", "build_ext", "--build-lib", str(staging), "--build-temp", str(Path(tmp) / "o"),
                "--parallel", str(os.cpu_count() or 1),
            ]  # fmt: skip
            dist.parse_command_line()
            dist.run_commands()
        finally:
            os.chdir(cwd)
        (staging / _COMPLETE).write_text(key + "\n", encoding="utf-8")
        if source_key() != key:
            raise RuntimeError("the loaders changed while they were compiled; build again")
        staging.rename(target)
    _drop_stale(target)
    return target


def _drop_stale(target: Path) -> None:
    """Delete all but the newest KEEP complete builds beside target: one environment may serve
    checkouts of other commits (a bench comparing two trees), which rebuilt each other's away."""
    builds = (old for old in target.parent.iterdir() if (old / _COMPLETE).is_file())
    for old in stale(target, builds, KEEP):
        shutil.rmtree(old, ignore_errors=True)
