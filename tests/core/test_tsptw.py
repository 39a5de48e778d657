"""The exact solver against brute force, on many random instances with time windows."""

import random

import pytest

from redtour.core.tsptw import LunchRule, Problem, simulate, solve_beam, solve_exact
from tests.core.brute import brute_force


def random_problem(rng: random.Random, n: int) -> Problem:
    pts = [(rng.uniform(0, 30), rng.uniform(0, 30)) for _ in range(n + 1)]
    pts.append(pts[0] if rng.random() < 0.5 else (rng.uniform(0, 30), rng.uniform(0, 30)))
    minutes = [
        [
            0 if i == j else 5 + round(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 * 2.5)
            for j, b in enumerate(pts)
        ]
        for i, a in enumerate(pts)
    ]
    visit, windows = [], []
    for _ in range(n):
        visit.append(rng.choice([20, 30, 45, 60]))
        shape = rng.random()
        if shape < 0.15:
            windows.append([(540, 690, 720), (780, 960, 1020)])  # closed over lunch
        elif shape < 0.3:
            opening = rng.choice([600, 720, 780])
            windows.append([(opening, opening + 150, opening + 210)])
        else:
            windows.append([(540, 960, 1020)])
    must = frozenset(j for j in range(n) if rng.random() < 0.4)
    lunch = LunchRule(690, 810, 60) if rng.random() < 0.6 else None
    return Problem(
        minutes, visit, windows, must, rng.choice([510, 540, 570]), rng.choice([960, 1020, 1080]), lunch
    )


@pytest.mark.parametrize("seed", range(200))
def test_exact_equals_brute_force(seed):
    rng = random.Random(seed)
    p = random_problem(rng, rng.randint(1, 9))
    expected = brute_force(p)
    got = solve_exact(p)
    if expected is None:
        assert got is None
        return
    assert got is not None and got.optimal
    assert got.key() == expected.key()
    assert simulate(p, got.order, got.lunch_after) == simulate(p, got.order, got.lunch_after)
    again = simulate(p, got.order, got.lunch_after)
    assert again is not None and again.key() == got.key()  # the schedule really keeps every rule


@pytest.mark.parametrize("seed", range(8))
def test_nine_venues_equal_brute_force(seed):
    rng = random.Random(1000 + seed)
    p = random_problem(rng, 9)
    p = Problem(
        p.minutes, p.visit, p.windows, frozenset(list(p.must)[:3]), p.start_time, p.return_by, p.lunch
    )
    expected, got = brute_force(p), solve_exact(p)
    assert (expected is None) == (got is None)
    if expected is not None:
        assert got.key() == expected.key()


def test_beam_matches_exact_when_wide_enough():
    rng = random.Random(7)
    for _ in range(20):
        p = random_problem(rng, 8)
        exact, beam = solve_exact(p), solve_beam(p, beam=100000)
        assert (exact is None) == (beam is None)
        if exact:
            assert beam.key() == exact.key()
