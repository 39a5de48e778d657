"""The CP-SAT campaign scheduler (docs/campaign-scheduler.md).

Each group (or sub-group) picks at most one route (candidates.py: day, venues, order, lunch position) and
the tour starts of its stops (the model is in cpmodel.py). Every stop is an optional interval on its venue and day, from arrival (start −
arrive-early) to the tour's end: NoOverlap where one group at a time, Cumulative otherwise, at most one
start per slot where the venue books by slot, a cap per day, and sub-groups of one group never inside the
same venue together and all on one day.

The objective is lexicographic, solved in two stages so the weights stay small and exact:
  1. people scheduled ≫ groups moved from ``previous`` ≫ must-visit venues left out;
  2. with stage 1 held at its value: preferred dates (fairly shared between unions, and weekends too) ≫
     optional venues ≫ travel minutes.
``optimal``/``gap``/``bound`` report stage 1 (the people); stage 2's figures are in ``stats``.
"""

from __future__ import annotations

import threading
import time as _time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ortools.sat.python import cp_model

from redtour.core.campaign.candidates import prepare
from redtour.core.campaign.cpmodel import FAIR_SCALE, WORKERS, CampaignModel
from redtour.core.campaign.greedy import greedy_fill
from redtour.core.campaign.model import Assignment, CampaignProblem, ProgressInfo, ScheduleResult
from redtour.core.campaign.occupancy import Timed, build_result


class _Watch(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution and remembers when the first one came."""

    def __init__(
        self, model: CampaignModel, t0: float, progress: Callable[[ProgressInfo], None] | None
    ) -> None:
        super().__init__()
        self.model, self.t0, self.progress = model, t0, progress
        self.solutions = 0
        self.first: float | None = None

    def on_solution_callback(self) -> None:
        self.solutions += 1
        elapsed = _time.perf_counter() - self.t0
        if self.first is None:
            self.first = elapsed
        if self.progress is not None:
            parts = self.model.prepared.parts
            people = sum(p.people for p in parts if p.pin or self.boolean_value(self.model.on[p.key]))
            self.progress(
                ProgressInfo(elapsed, self.solutions, self.objective_value, self.best_objective_bound, people)
            )


def _run(
    model: CampaignModel,
    limit: float,
    t0: float,
    progress: Callable[[ProgressInfo], None] | None,
    stop: threading.Event | None,
) -> tuple[cp_model.CpSolver, Any, _Watch]:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, limit)
    solver.parameters.num_workers = WORKERS
    solver.parameters.random_seed = 1
    # The models are wide and shallow (thousands of optional routes): presolve costs seconds and gains
    # little, while the complete greedy hint gives a first solution at once (docs/campaign-scheduler.md).
    solver.parameters.cp_model_presolve = not model.improved
    watch = _Watch(model, t0, progress)
    done = threading.Event()

    def watcher() -> None:
        assert stop is not None
        while not done.is_set():
            if stop.wait(0.05):
                solver.stop_search()
                return

    thread = threading.Thread(target=watcher, daemon=True) if stop is not None else None
    if thread is not None:
        thread.start()
    try:
        status = solver.solve(model.m, watch)
    finally:
        done.set()
        if thread is not None:
            thread.join()
    return solver, status, watch


def schedule(
    problem: CampaignProblem,
    *,
    time_limit: float = 10.0,
    previous: Sequence[Assignment] | None = None,
    progress: Callable[[ProgressInfo], None] | None = None,
    stop: threading.Event | None = None,
    improved: bool = True,
) -> ScheduleResult:
    """Give every request a date and a timed route (see model.py). ``improved=False`` is the benchmark's
    plain model: no day-planner precompute, no greedy hint, no redundant constraints, one stage."""
    t0 = _time.perf_counter()
    prepared = prepare(problem, improved=improved)
    hint = greedy_fill(prepared, previous) if improved else {}
    if improved and progress is not None:  # the greedy schedule is the first feasible one; say so at once
        people = sum(p.people for p in prepared.parts if p.pin or p.key in hint)
        progress(ProgressInfo(_time.perf_counter() - t0, 0, float("nan"), float("nan"), people))
    for part in prepared.parts:
        if not improved or part.key not in hint or hint[part.key].variant.missing_must:
            part.variants = part.variants + part.fallback
    model = CampaignModel(prepared, improved=improved)
    objective1 = model.stage1(previous)
    model.m.maximize(objective1)
    if improved:
        _hint(model, hint)
    stats: dict[str, Any] = {
        "parts": len(prepared.parts),
        "variants": sum(len(p.variants) for p in prepared.parts),
        "build_s": round(_time.perf_counter() - t0, 3),
    }
    budget = max(0.1, time_limit - (_time.perf_counter() - t0))
    solver, status, watch = _run(model, budget * (0.85 if improved else 1.0), t0, progress, stop)
    stats["stage1_status"] = solver.status_name(status)
    stats["first_solution_s"] = None if watch.first is None else round(watch.first, 3)
    if status == cp_model.INFEASIBLE:
        raise ValueError("已确认的预约互相冲突或违反场馆规则，无法排程")
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):  # no CP-SAT solution yet: the greedy one stands
        stats["seconds"] = round(_time.perf_counter() - t0, 3)
        stats["stopped"] = bool(stop is not None and stop.is_set())
        return build_result(prepared, hint, problem.venues, optimal=False, gap=None, bound=None, objective=None,
                            previous=previous, stats=stats, timed_out=True)  # fmt: skip
    optimal1 = status == cp_model.OPTIMAL
    value1, bound1 = solver.objective_value, solver.best_objective_bound
    chosen = _read(model, solver)
    stats["stage1_objective"], stats["stage1_bound"] = value1, bound1
    left = time_limit - (_time.perf_counter() - t0)
    optimal2 = not improved
    if improved and left > 0.1 and not (stop is not None and stop.is_set()):
        model.m.clear_hints()  # type: ignore[no-untyped-call]
        for k in range(len(model.m.proto.variables)):
            var = model.m.get_int_var_from_proto_index(k)
            model.m.add_hint(var, solver.value(var))
        objective2 = model.stage2()  # built now: stage 1 need not carry the fairness sums over every route
        _hint_fairness(model, chosen)
        model.m.add(objective1 >= round(value1))
        model.m.maximize(objective2)
        solver2, status2, _w = _run(model, left, t0, progress, stop)
        stats["stage2_status"] = solver2.status_name(status2)
        if status2 in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            chosen = _read(model, solver2)
            optimal2 = status2 == cp_model.OPTIMAL
            stats["stage2_objective"] = solver2.objective_value
            stats["stage2_bound"] = solver2.best_objective_bound
    gap = None if optimal1 else round(abs(bound1 - value1) / max(1.0, abs(value1)), 6)
    stats["seconds"] = round(_time.perf_counter() - t0, 3)
    stats["stopped"] = bool(stop is not None and stop.is_set())
    return build_result(
        prepared, chosen, problem.venues,
        optimal=optimal1 and optimal2, gap=gap, bound=bound1, objective=value1,
        previous=previous, stats=stats, timed_out=not optimal1,
    )  # fmt: skip


def _hint(model: CampaignModel, chosen: Mapping[tuple[str, int], Timed]) -> None:
    """A complete hint: the chosen variants' times, every other variant off at its earliest values."""
    for key, options in model.choice.items():
        t = chosen.get(key)
        model.m.add_hint(model.on[key], t is not None)
        for v, b, starts, lunch in options:
            picked = t is not None and v is t.variant
            model.m.add_hint(b, picked)
            for n, x in enumerate(starts):
                k_var, base, step, k_min = model.grid[id(x)]
                model.m.add_hint(k_var, (t.starts[n] - base) // step if picked and t is not None else k_min)
            if lunch is not None:
                ls = t.lunch_start if picked and t is not None else None
                model.m.add_hint(lunch, ls if ls is not None else model.prepared.lunch.earliest)


def _hint_fairness(model: CampaignModel, chosen: Mapping[tuple[str, int], Timed]) -> None:
    """The fairness variables' values for the hinted schedule (so the hint is complete)."""
    if model.fair is None:
        return
    short, spread, unions = model.fair
    parts = [p for members in unions.values() for p in members]
    total = len(parts)
    weekend_all = sum(1 for p in parts if p.key in chosen and chosen[p.key].variant.weekend)
    worst_short = worst_spread = 0
    for members in unions.values():
        wanting = [p for p in members if p.request.preferred]
        if wanting:
            got = sum(1 for p in wanting if p.key in chosen and chosen[p.key].variant.preferred)
            worst_short = max(worst_short, -(-FAIR_SCALE * (len(wanting) - got) // len(wanting)))
        n = len(members)
        weekend = sum(1 for p in members if p.key in chosen and chosen[p.key].variant.weekend)
        diff = abs(FAIR_SCALE * (weekend * total - n * weekend_all))
        worst_spread = max(worst_spread, -(-diff // (n * total)))
    model.m.add_hint(short, worst_short)
    model.m.add_hint(spread, worst_spread)


def _read(model: CampaignModel, solver: cp_model.CpSolver) -> dict[tuple[str, int], Timed]:
    chosen = {}
    for key, options in model.choice.items():
        for v, b, starts, lunch in options:
            if solver.boolean_value(b):
                ls = None if lunch is None else solver.value(lunch)
                chosen[key] = Timed(v, tuple(solver.value(x) for x in starts), ls)
    return chosen
