"""The exact solver against brute force, on many random instances with time windows."""

import random

import pytest

from redtour.core.tsptw import LunchRule, Problem, Solution, solve_beam, solve_exact
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
    assert_keeps_every_rule(p, got)


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
        # No time limit: the beam width alone bounds the search, so the result does not depend on the
        # machine's speed (with a deadline, a busy machine would cut the search short).
        exact, beam = solve_exact(p), solve_beam(p, beam=100000, time_limit=None)
        assert (exact is None) == (beam is None)
        if exact:
            assert beam.key() == exact.key()
            assert beam.optimal  # nothing was cut, so the beam search knows it was exact


def test_narrow_beam_then_local_search_keeps_every_rule_and_never_beats_exact():
    rng = random.Random(11)
    cut = 0
    for _ in range(30):
        p = random_problem(rng, 9)
        exact, beam = solve_exact(p), solve_beam(p, beam=3, time_limit=None)
        if beam is None:
            continue  # a narrow beam may lose every feasible path; it must not invent one
        assert exact is not None
        assert_keeps_every_rule(p, beam)
        assert beam.key() >= exact.key()
        cut += not beam.optimal
    assert cut >= 5  # the local search really ran on cut searches


def assert_keeps_every_rule(p: Problem, s: Solution) -> None:
    """Re-checks a schedule against the problem's rules directly (not through ``simulate``)."""
    m, end = p.minutes, p.n + 1
    assert len(set(s.order)) == len(s.order) and p.must <= set(s.order)
    assert [v.venue for v in s.visits] == list(s.order) and not s.broken
    clock, node, travel = p.start_time, 0, 0
    for k, v in enumerate([*s.visits, None]):
        if s.lunch_after == k:
            assert p.lunch is not None and s.lunch_start is not None
            assert s.lunch_start >= max(clock, p.lunch.earliest)
            clock = s.lunch_start + p.lunch.minutes
            assert clock <= p.lunch.latest_end
        if v is None:
            break
        assert v.arrive == clock + m[node][v.venue + 1] and v.start >= v.arrive and not v.broken
        assert any(
            o <= v.start <= last and v.start + p.visit[v.venue] <= c for o, last, c in p.windows[v.venue]
        )
        assert v.depart == v.start + p.visit[v.venue]
        travel += m[node][v.venue + 1]
        clock, node = v.depart, v.venue + 1
    assert s.travel == travel + m[node][end]
    assert s.back == clock + m[node][end] <= p.return_by
    if p.lunch_required:
        assert s.lunch_after is not None
