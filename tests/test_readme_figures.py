"""The README quotes the figures the benchmarks last wrote."""

from __future__ import annotations

from bench.readme_figures import README, render


def test_readme_quotes_the_current_benchmark_figures() -> None:
    text = README.read_text(encoding="utf-8")
    assert render(text) == text, "run: python -m bench.readme_figures"
