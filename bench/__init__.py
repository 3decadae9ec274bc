"""Heard's benchmarks: not tests. `make bench` runs them and rewrites bench/RESULTS.md.

Run from the repository root as modules, for example `python -m bench.run`.
"""
