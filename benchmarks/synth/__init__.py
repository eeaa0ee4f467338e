"""Synthetic data folders for benchmarks and tests, never real data."""
