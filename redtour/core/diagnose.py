"""Why no plan exists: the rule that makes the must-visit venues impossible, in the installed language."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from redtour.core.clock import clock, hm
from redtour.core.tsptw import Problem, best_lunch, earliest_start, simulate, solve
from redtour.i18n import _


def diagnose(p: Problem, names: Sequence[str], start_time: time, return_by: time) -> list[str]:
    """One reason per must-visit venue that cannot be visited even alone, else why they do not fit together
    (and how many would). ``names``: the venues' names, by the problem's venue index."""
    reasons = []
    for i in sorted(p.must):
        name = names[i]
        alone = Problem(p.minutes, p.visit, p.windows, frozenset({i}), p.start_time, p.return_by, p.lunch)
        if best_lunch(alone, [i]) is not None:
            continue
        arrive = p.start_time + p.minutes[0][i + 1]
        w = p.windows[i]
        if earliest_start(w, p.visit[i], arrive) is None:
            hours = _("、").join(f"{hm(clock(a))}–{hm(clock(c))}" for a, _b, c in w)
            reasons.append(
                _(
                    "{name} 开放 {hours}，最晚 {last} 入馆，从出发地最早 {arrive} 到达，来不及参观{minutes}分钟"
                ).format(
                    name=name,
                    hours=hours,
                    last=hm(clock(w[-1][1])),
                    arrive=hm(clock(arrive)),
                    minutes=p.visit[i],
                )
            )
        elif simulate(
            Problem(p.minutes, p.visit, p.windows, frozenset({i}), p.start_time, 24 * 60, None), [i], None
        ):
            reasons.append(
                _("参观{name}后无法在 {return_by} 前返回（含午餐）").format(
                    name=name, return_by=hm(return_by)
                )
            )
        else:
            reasons.append(_("{name} 无法安排").format(name=name))
    if not reasons:
        must_names = _("、").join(names[i] for i in sorted(p.must))
        relaxed = solve(
            Problem(p.minutes, p.visit, p.windows, frozenset(), p.start_time, p.return_by, p.lunch)
        )
        fits = ""
        if relaxed is not None and relaxed.order:
            fits = _("（最多能安排 {count} 个：{names}）").format(
                count=len(relaxed.order),
                names=_("、").join(names[i] for i in relaxed.order),
            )
        reasons.append(
            _(
                "{count} 个必去场馆（{names}）无法在 {start}–{end} 内全部安排{fits}，"
                "请减少场馆、缩短参观时间或放宽返回时间"
            ).format(
                count=len(p.must),
                names=must_names,
                start=hm(start_time),
                end=hm(return_by),
                fits=fits,
            )
        )
    return reasons
