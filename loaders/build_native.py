"""`python -m policykg.loaders.build_native`: compile the loaders with mypyc (loaders/native.py).

A module of its own: run as `-m policykg.loaders.native`, the package (which imports native)
would have imported the module before runpy ran it again.
"""

from __future__ import annotations

import sys

from policykg.loaders import native


def main(argv: list[str]) -> int:
    """Compile when needed and say where; a failure is a warning (Python still runs)."""
    if argv:
        print("usage: python -m policykg.loaders.build_native", file=sys.stderr)
        return 2
    if not native.enabled():
        print("native loaders: off (POLICYKG_NATIVE)", file=sys.stderr)
        return 0
    try:
        folder = native.build()
    except Exception as exc:  # a missing compiler or header: the Python sources still run
        print(f"native loaders: not built ({exc}); the loaders run as Python", file=sys.stderr)
        return 0
    print(f"native loaders: {folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
