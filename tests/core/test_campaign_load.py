"""The calendar grid's cells: groups per day and the peak inside at once, against capacity, closures coloured."""

from datetime import date, time

from redtour.core.campaign_capacity import StaffFact, capacity_of
from redtour.core.campaign_load import Visit, load_grid, peak_overlap
from redtour.core.catalogue import Venue


def v(h1, m1, h2, m2, day=date(2026, 12, 8)):
    return Visit("x", day, time(h1, m1), time(h2, m2), "工会 团队")


def test_peak_counts_overlaps_and_back_to_back_visits_do_not_overlap():
    assert peak_overlap([v(9, 0, 10, 0), v(10, 0, 11, 0)]) == 1
    assert peak_overlap([v(9, 0, 10, 0), v(9, 30, 11, 0), v(9, 45, 9, 50)]) == 3
    assert peak_overlap([]) == 0


def test_cells_colour_by_capacity_and_closure():
    venue = Venue("x", "某馆")
    caps = {"x": capacity_of(venue, [StaffFact("per_day", 2, None, "", "")])}
    days = [date(2026, 12, 8), date(2026, 12, 9), date(2026, 12, 10)]
    grid = load_grid(
        [v(9, 0, 10, 0), v(10, 0, 11, 0), v(9, 0, 10, 0, days[1]), v(9, 30, 10, 30, days[1]),
         v(9, 0, 10, 0, days[2])],
        {"x": venue}, caps, days,
    )  # fmt: skip
    assert grid[("x", days[0])].level == "full" and grid[("x", days[0])].text() == "2/2"
    assert grid[("x", days[1])].level == "over"  # two inside at once: the cautious default is one
    assert grid[("x", days[2])].level == "ok"
    assert "同时在馆最多 2 个团队（上限 1）" in grid[("x", days[1])].tooltip()
