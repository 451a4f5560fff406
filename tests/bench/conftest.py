"""Benchmarks run with `make bench` only: they measure, they do not prove, and they take
time the test suite should not spend."""

import os

if not os.environ.get("OPSTAP_BENCH"):
    collect_ignore_glob = ["test_*.py"]
