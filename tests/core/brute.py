"""Exhaustive reference for the planner: every feasible sequence of venues, every lunch position.

Independent of the solver's dynamic programme (no dominance, no bounds): a depth-first enumeration of all
sequences that only stops extending one once it has broken a rule. The winner is re-checked with ``simulate``.
"""

from redtour.core.tsptw import Problem, Solution, earliest_start, simulate


def brute_force(p: Problem) -> Solution | None:
    m, end, n = p.minutes, p.n + 1, p.n
    lunch = p.lunch if p.lunch_required else None
    best: list = [None, None]  # key, (order, lunch_after)

    def offer(order, clock, node, travel, lunch_after):
        if not p.must <= set(order):
            return
        if lunch is not None and lunch_after is None:
            ls = max(clock, lunch.earliest)
            if ls + lunch.minutes > lunch.latest_end:
                return
            clock, lunch_after = ls + lunch.minutes, len(order)
        back = clock + m[node][end]
        if back > p.return_by:
            return
        key = (-len(order), travel + m[node][end], back)
        if best[0] is None or key < best[0]:
            best[0], best[1] = key, (tuple(order), lunch_after)

    def dfs(order, clock, node, travel, lunch_after):
        offer(order, clock, node, travel, lunch_after)
        for j in range(n):
            if j in order:
                continue
            choices = [(clock, lunch_after)]
            if lunch is not None and lunch_after is None:
                ls = max(clock, lunch.earliest)
                if ls + lunch.minutes <= lunch.latest_end:
                    choices.append((ls + lunch.minutes, len(order)))
            for c, la in choices:
                start = earliest_start(p.windows[j], p.visit[j], c + m[node][j + 1])
                if start is None or start + p.visit[j] > p.return_by:
                    continue
                order.append(j)
                dfs(order, start + p.visit[j], j + 1, travel + m[node][j + 1], la)
                order.pop()

    dfs([], p.start_time, 0, 0, None)
    if best[1] is None:
        return None
    solution = simulate(p, *best[1])
    assert solution is not None and solution.key() == best[0]
    return solution
