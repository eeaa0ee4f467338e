"""`benchmarks.targets.verdict`, the one place a benchmark target is called met or NOT MET."""

from __future__ import annotations

import pytest

from benchmarks.steps import Results
from benchmarks.targets import TARGETS, Measured, Target, evaluate_targets, verdict


def _results() -> Results:
    return Results(machine={}, options={})


def _target(value: float, *, under: bool = False) -> Target:
    return Target(
        "figure within {limit:g}x",
        lambda results: Measured(value, "worst: overview "),
        limit=1.5,
        unit="x",
        under=under,
    )


@pytest.mark.parametrize(
    ("value", "result"),
    [
        (1.25, "met (worst: overview 1.25x)"),  # under the limit
        (1.5, "met (worst: overview 1.50x)"),  # at the limit: "within" holds
        (1.75, "NOT MET (worst: overview 1.75x)"),  # over the limit
    ],
)
def test_a_within_target_is_met_under_and_at_its_limit_and_not_over_it(value, result):
    assert verdict(_target(value), _results()) == ("figure within 1.5x", result)


@pytest.mark.parametrize(
    ("value", "result"),
    [
        (1.25, "met (worst: overview 1.25x)"),
        (1.5, "NOT MET (worst: overview 1.50x)"),  # "under": reaching the limit misses
        (1.75, "NOT MET (worst: overview 1.75x)"),
    ],
)
def test_an_under_target_is_met_only_under_its_limit(value, result):
    assert verdict(_target(value, under=True), _results())[1] == result


def test_a_target_the_run_did_not_measure_says_so():
    target = Target("{sessions}: no errors", lambda results: None, limit=0, digits=0)
    assert verdict(target, _results()) == ("sessions at once: no errors", "not measured")


def test_a_run_that_measured_nothing_has_a_row_for_every_target_and_the_exception_check():
    results = _results()
    evaluate_targets(results)
    assert len(results.targets) == len(TARGETS) + 1
    assert [r for _, r in results.targets] == ["not measured"] * len(TARGETS) + ["met"]
    assert results.targets[4] == ("build under 5 s at 100,000 people", "not measured")
