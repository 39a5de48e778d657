"""A demo campaign for screenshots and trying the 活动 page: 24 groups from 6 unions over two weeks.

Scheduled with redtour.core.campaign.schedule; while that is unavailable (NotImplementedError) the groups are
laid out one per venue per morning/afternoon so the page has something to show (marked in the campaign name).
"""

from __future__ import annotations

import csv
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

from redtour.storage.database import Database

UNIONS = (
    "上海电气集团工会",
    "华谊集团工会",
    "上汽集团工会",
    "普陀区总工会机关工会",
    "长风街道总工会",
    "光明食品集团工会",
)
VENUES = (
    "顾正红纪念馆",
    "沪西工人半日学校",
    "中国劳动组合书记部旧址陈列馆",
    "湖州会馆",
    "三山会馆",
    "上海工匠馆",
)


def make_demo(db: Database, start: date = date(2026, 12, 8)) -> int:
    from redtour.storage.campaign_import import import_requests
    from redtour.storage.campaign_schedule import run_inputs, save_schedule
    from redtour.storage.campaigns import CampaignRepository

    repo = CampaignRepository(db)
    end = start + timedelta(days=13)
    rows = [
        [
            "工会",
            "团队",
            "人数",
            "最早日期",
            "最晚日期",
            "不可出行星期",
            "必去场馆",
            "可选场馆",
            "出发地",
            "领队",
            "领队手机",
        ]
    ]
    for i in range(24):
        must = VENUES[i % len(VENUES)]
        rows.append([UNIONS[i % len(UNIONS)], f"第{i // len(UNIONS) + 1}批", 18 + (i * 7) % 20, start.isoformat(),
                     end.isoformat(), "周六、周日" if i % 3 == 0 else "", must, VENUES[(i + 1) % len(VENUES)],
                     "顾正红纪念馆", f"领队{i + 1}", f"1380013{i:04d}"])  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows(rows)
        try:
            from redtour.core.campaign import CampaignProblem, schedule

            c = repo.create("2026冬季红色寻访", start, end, 600)
            import_requests(db, path, c)
            inputs = run_inputs(db, c)
            problem = CampaignProblem(inputs.requests, inputs.venues, inputs.capacities, c.start, c.end,
                                      start - timedelta(days=7))
            result = schedule(problem, time_limit=20)  # fmt: skip
        except NotImplementedError:
            from redtour.core.campaign.model import Assignment, ScheduleResult, StopTime

            with db.writing() as s:
                from redtour.storage.campaign_rows import CampaignRow

                s.get(CampaignRow, c.id).name = "2026冬季红色寻访（演示排布）"  # type: ignore[union-attr]
            c = repo.find(str(c.id))
            out, used = [], set()
            for r in inputs.requests:
                venue = r.must[0]
                for k in range(28):
                    day, pm = start + timedelta(days=k // 2), k % 2
                    if (
                        day.isoweekday() == 1
                        or day.isoweekday() in r.excluded_weekdays
                        or (venue, day, pm) in used
                    ):
                        continue
                    used.add((venue, day, pm))
                    t = time(13, 30) if pm else time(9, 30)
                    t2 = time(t.hour + 1, t.minute)
                    out.append(Assignment(r.group_id, 0, 1, r.people, day, (StopTime(venue, t, t2),)))
                    break
            result = ScheduleResult(
                False, None, None, None, tuple(out), (), requests={r.group_id: r for r in inputs.requests}
            )
        save_schedule(db, c, result, start - timedelta(days=7))
    return c.id
