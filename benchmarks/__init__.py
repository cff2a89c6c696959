"""Reproducible speed and memory figures for IPHR Desk, each against a floor measured in the same run.

`python -m benchmarks` (or `make bench`) prints one table and writes `benchmarks/results.json`.
See benchmarks/README.md for what each floor is and why it is a fair one.
"""
