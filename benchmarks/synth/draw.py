"""Skewed random draws the generator shares."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def zipf(n: int, exponent: float) -> np.ndarray:
    """Probabilities of ranks 1..n, proportional to 1 / rank ** exponent."""
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return weights / weights.sum()


def choice(rng: np.random.Generator, options: Sequence[tuple[str, int]], size: int) -> np.ndarray:
    """size values drawn from (value, weight) options."""
    values = np.array([o for o, _ in options], dtype=object)
    weights = np.array([w for _, w in options], dtype=float)
    return values[rng.choice(len(values), size=size, p=weights / weights.sum())]
