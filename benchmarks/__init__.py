"""Benchmarks: scripts that print figures, not timed tests. See docs/performance.md.

`python -m benchmarks` times the database build, the data-layer queries and every page's
server-side rerun (against benchmarks/bare_app.py, the framework's floor) at the shipped data
and at synthetic sizes made by `python -m benchmarks.synth`.
"""
