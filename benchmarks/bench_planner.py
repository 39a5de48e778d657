"""Planner benchmark: median solve times for 8, 12, 15, 20 and 40 venues, beside OR-Tools routing.

Instances: venues at random points over central Shanghai (a 30 km × 30 km box round People's Square),
chartered-coach travel times from the offline model, visits of 30–60 minutes, opening hours 09:00–17:00
(some close 11:30–13:00, some open only in the afternoon), leave 08:30, back by 17:30, every venue optional.
Lunch is left out here because OR-Tools has no equivalent of "lunch between two legs"; the app's tests
cover lunch against brute force. Objective, as in the app: most venues, then least travel.

The independent solver is OR-Tools routing (guided local search, 2 s per instance): same travel matrix,
time windows, visit times, each venue a disjunction whose penalty outweighs any travel.

    python benchmarks/bench_planner.py [--instances 7] [--sizes 8 12 15 20 40]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from redtour.core.travel import Mode, offline_matrix
from redtour.core.tsptw import Problem, Solution, simulate, solve

CENTRE = (31.2304, 121.4737)


def instance(rng: random.Random, n: int) -> Problem:
    def point() -> tuple[float, float]:
        return CENTRE[0] + rng.uniform(-0.135, 0.135), CENTRE[1] + rng.uniform(-0.157, 0.157)

    depot = point()
    pts = [depot] + [point() for _ in range(n)] + [depot]
    minutes = offline_matrix(pts, Mode.COACH).minutes
    visit, windows = [], []
    for _ in range(n):
        visit.append(rng.choice([30, 45, 60]))
        shape = rng.random()
        if shape < 0.2:
            windows.append(((540, 660, 690), (780, 960, 1020)))
        elif shape < 0.35:
            windows.append(((780, 960, 1020),))
        else:
            windows.append(((540, 960, 1020),))
    return Problem(minutes, visit, windows, frozenset(), 510, 1050, None)


def ortools_solve(p: Problem, seconds: float) -> tuple[int, int] | None:
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    n = p.n
    manager = pywrapcp.RoutingIndexManager(n + 2, 1, [0], [n + 1])
    routing = pywrapcp.RoutingModel(manager)

    def travel(i: int, j: int) -> int:
        return int(p.minutes[manager.IndexToNode(i)][manager.IndexToNode(j)])

    def transit(i: int, j: int) -> int:
        a = manager.IndexToNode(i)
        service = p.visit[a - 1] if 1 <= a <= n else 0
        return service + travel(i, j)

    cost = routing.RegisterTransitCallback(travel)
    routing.SetArcCostEvaluatorOfAllVehicles(cost)
    time_cb = routing.RegisterTransitCallback(transit)
    routing.AddDimension(time_cb, 24 * 60, 24 * 60, False, "time")
    dim = routing.GetDimensionOrDie("time")
    dim.CumulVar(routing.Start(0)).SetRange(p.start_time, p.start_time)
    dim.CumulVar(routing.End(0)).SetRange(0, p.return_by)
    for j in range(n):
        index = manager.NodeToIndex(j + 1)
        latest = [min(last, close - p.visit[j]) for _o, last, close in p.windows[j]]
        opens = [o for o, _l, _c in p.windows[j]]
        var = dim.CumulVar(index)
        var.SetRange(opens[0], latest[-1])
        for k in range(len(opens) - 1):
            if latest[k] + 1 <= opens[k + 1] - 1:
                var.RemoveInterval(latest[k] + 1, opens[k + 1] - 1)
        routing.AddDisjunction([index], 1_000_000)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(int(seconds * 1000))
    found = routing.SolveWithParameters(params)
    if found is None:
        return None
    order = []
    index = routing.Start(0)
    while not routing.IsEnd(index):
        node = manager.IndexToNode(index)
        if node != 0:
            order.append(node - 1)
        index = found.Value(routing.NextVar(index))
    checked = simulate(p, order, None)  # score OR-Tools' order with the app's own rules
    if checked is None:
        return None
    return len(checked.order), checked.travel


def describe(s: Solution | None) -> str:
    return "—" if s is None else f"{len(s.order)} venues / {s.travel} min"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--instances", type=int, default=7)
    parser.add_argument("--sizes", type=int, nargs="*", default=[8, 12, 15, 20, 40])
    parser.add_argument("--ortools-seconds", type=float, default=2.0)
    args = parser.parse_args()
    print(
        f"{'venues':>6} {'median ms':>10} {'max ms':>8} {'proven':>7}  ours vs OR-Tools (venues, travel min)"
    )
    for n in args.sizes:
        rng = random.Random(n)
        times, proven, rows = [], 0, []
        worse = 0
        for _ in range(args.instances):
            p = instance(rng, n)
            t0 = time.perf_counter()
            ours = solve(p)
            times.append((time.perf_counter() - t0) * 1000)
            proven += bool(ours and ours.optimal)
            theirs = ortools_solve(p, args.ortools_seconds)
            mine = (len(ours.order), ours.travel) if ours else None
            if theirs and (mine is None or (-mine[0], mine[1]) > (-theirs[0], theirs[1])):
                worse += 1
            rows.append(
                f"{mine[0]}/{mine[1]} vs {theirs[0]}/{theirs[1]}"
                if mine and theirs
                else f"{mine} vs {theirs}"
            )
        print(
            f"{n:>6} {statistics.median(times):>10.1f} {max(times):>8.1f} {proven:>4}/{args.instances}  "
            f"worse than OR-Tools: {worse}  [{'; '.join(rows)}]"
        )


if __name__ == "__main__":
    main()
