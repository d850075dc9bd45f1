"""Benchmarks: extraction quality against hand annotation, and extraction speed."""
