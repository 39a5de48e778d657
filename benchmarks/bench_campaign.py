"""Campaign scheduler benchmark: 300 groups, the 22-venue catalogue, 30 days.

Compares, on the same instance (fixed seed):
- greedy first-fit (redtour.core.campaign.greedy_schedule): each group in turn takes its first day that fits;
- the plain CP-SAT model (``improved=False``): every day and lunch position in the request's own order, no
  day-planner precompute, no greedy hint, no redundant energy constraints, default presolve;
- the scheduler as shipped (``schedule``), stopped at 10 s and at 60 s.
Each run is a separate process so its peak memory (ru_maxrss) is its own. The figures: time to the first
feasible schedule, people scheduled, whether proven optimal, else the gap of the people stage.

Instance: the catalogue's venues from sites.db (real hours, Monday closures, holidays; venues without a
location cannot be routed and get no requests). Capacities and requests are synthetic (tests/core/campaign/
gen.py): three venues everybody wants, many one-group-at-a-time venues, slot grids, group windows of 0–10
days, so that capacity binds.

    python benchmarks/bench_campaign.py [--groups 300] [--days 30] [--out benchmarks/results/campaign.txt]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

START, TODAY = date(2026, 12, 7), date(2026, 12, 2)


def instance(groups: int, days: int):  # type: ignore[no-untyped-def]
    from tests.core.campaign.gen import capacities, catalogue_venues, requests

    rng = random.Random(2026)
    venues = catalogue_venues()
    caps = capacities(rng, venues)
    reqs = requests(rng, groups, venues, START, days, unions=8, popular=3, spans=(0, 2, 5, 10))
    return reqs, venues, caps, START, START + timedelta(days=days - 1)


def run_one(kind: str, limit: float, groups: int, days: int) -> dict:
    from redtour.core.campaign import CampaignProblem, greedy_schedule, schedule
    from redtour.storage.holidays import load_calendar

    reqs, venues, caps, start, end = instance(groups, days)
    holidays = load_calendar()  # the shipped official schedule, as the app uses it
    t0 = time.perf_counter()
    first: list[float] = []
    problem = CampaignProblem(reqs, venues, caps, start, end, TODAY, holidays=holidays)
    if kind == "greedy":
        result = greedy_schedule(problem)
        first.append(time.perf_counter() - t0)
    else:
        result = schedule(
            problem, time_limit=limit, improved=kind == "cpsat",
            progress=lambda p: first.append(p.elapsed) if not first else None,
        )  # fmt: skip
    from tests.core.campaign.checker import check

    violations = check(result.to_json(), reqs, venues, caps, start, end, TODAY)
    return {
        "kind": kind,
        "limit": limit,
        "seconds": round(time.perf_counter() - t0, 2),
        "first_feasible_s": round(first[0], 2) if first else None,
        "people": result.scheduled_people,
        "groups": result.scheduled_groups,
        "requested_people": sum(r.people for r in reqs),
        "optimal": result.optimal,
        "gap": result.gap,
        "people_bound": _people_bound(result),
        "violations": len(violations),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "variants": result.stats.get("variants"),
        "cp_sat_first_solution_s": result.stats.get("first_solution_s"),
        "stats": {k: v for k, v in result.stats.items() if k.startswith(("stage1", "stage2", "build"))},
    }


def _people_bound(result) -> int | None:  # type: ignore[no-untyped-def]
    """Stage 1's bound in people (its objective is people × weight − smaller terms)."""
    obj, bound = result.stats.get("stage1_objective"), result.stats.get("stage1_bound")
    if not obj or bound is None or not result.scheduled_people:
        return None
    weight = obj / result.scheduled_people  # upper estimate of the weight (lower terms are subtracted)
    return int(bound // max(1.0, round(weight))) if weight else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--groups", type=int, default=300)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "campaign.txt")
    ap.add_argument("--one", nargs=2, metavar=("KIND", "LIMIT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], float(args.one[1]), args.groups, args.days)))
        return
    runs = [("greedy", 0), ("plain", 10), ("plain", 60), ("cpsat", 10), ("cpsat", 60)]
    rows = []
    for kind, limit in runs:
        out = subprocess.run(
            [sys.executable, __file__, "--groups", str(args.groups), "--days", str(args.days), "--one", kind, str(limit)],
            capture_output=True, text=True, check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    greedy = rows[0]["people"]
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        f"campaign scheduler benchmark — {args.groups} groups, {args.days} days, catalogue venues (sites.db); "
        f"{rows[0]['requested_people']} people requested; 2 CP-SAT workers; {os.cpu_count()} cores, "
        f"load average at the end {load} (a shared machine: every figure is slower than on an idle one)",
        "first feasible: the scheduler's first complete schedule (its greedy start, reported through progress); "
        "plain CP-SAT has no such start. gap: stage 1 (people ≫ moves ≫ must-visit venues), bound in people.",
        f"{'run':<14}{'first feasible':>15}{'people':>8}{'groups':>8}{'vs greedy':>10}{'optimal':>9}{'gap':>10}"
        f"{'bound(people)':>14}{'peak MB':>9}{'rule breaks':>12}",
    ]
    for r in rows:
        name = r["kind"] + (f" {r['limit']:g}s" if r["kind"] != "greedy" else "")
        first = "-" if r["first_feasible_s"] is None else f"{r['first_feasible_s']:.2f} s"
        gap = "-" if r["gap"] is None else f"{100 * r['gap']:.3f} %"
        lines.append(
            f"{name:<14}{first:>15}{r['people']:>8}{r['groups']:>8}{r['people'] / max(1, greedy):>10.3f}"
            f"{r['optimal']!s:>9}{gap:>10}{r['people_bound'] or '-'!s:>14}{r['peak_mb']:>9}{r['violations']:>12}"
        )
    lines.append("targets: feasible < 10 s; at 60 s proven optimal or gap ≤ 2 %; memory < 1 GB.")
    text = "\n".join(lines)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        text + "\n\n" + "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
