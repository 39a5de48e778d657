"""分享 on the planner page and 生成报告 on the statistics page, with real widgets, files read back."""

from datetime import date

import gpxpy
from docx import Document
from icalendar import Calendar
from PIL import Image
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from redtour.core.geo import wgs84_to_gcj02
from redtour.export.share_image import ImageOptions
from redtour.storage.participation import ParticipationRepository
from redtour.storage.venues import VenueRepository
from redtour.ui.pages.share_actions import make_report, save_long_image, save_share_file
from redtour.ui.pages.stats_page import StatsPage
from tests.importing.test_bad_files import roster_rows, write_csv
from tests.ui.test_planner_page import optimise, page  # noqa: F401  (the planner page fixture)


def test_share_menu_writes_calendar_navigation_and_image(qtbot, page, tmp_path):  # noqa: F811
    page.add_venue("alpha")
    page.add_venue("beta")
    optimise(qtbot, page)
    assert page.share_button.menu().actions()[0].text().startswith("行程长图")
    ics = save_share_file(page, "ics", path=str(tmp_path / "day.ics"))
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert [str(e["summary"]).split("：")[1] for e in events] == [s.venue.name_zh for s in page.plan.stops]
    gpx = save_share_file(page, "gpx", "gcj02", path=str(tmp_path / "day.gpx"))
    first = gpxpy.parse(gpx.read_text(encoding="utf-8")).waypoints[1]
    venue = page.plan.stops[0].venue
    assert (first.latitude, first.longitude) == tuple(round(x, 7) for x in wgs84_to_gcj02(venue.lat, venue.lon))
    kml = save_share_file(page, "gpx", "wgs84", path=str(tmp_path / "day.kml"))
    assert kml.suffix == ".kml" and f"{round(venue.lon, 7)},{round(venue.lat, 7)}" in kml.read_text(encoding="utf-8")
    job = save_long_image(page, str(tmp_path / "day.png"), ImageOptions(leader_phone="13812345678"))
    with qtbot.waitSignal(job.finished, timeout=60_000) as done:
        pass
    img = Image.open(done.args[0])
    assert img.width == 1080 and img.height > 1500



def test_nothing_to_share_before_a_route_is_computed(qtbot, page, tmp_path):  # noqa: F811
    said = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            said.append(box.text())
            box.close()

    timer = QTimer()
    timer.timeout.connect(close_box)
    timer.start(50)
    assert save_share_file(page, "ics", path=str(tmp_path / "day.ics")) is None
    assert save_long_image(page, str(tmp_path / "day.png"), ImageOptions()) is None
    timer.stop()
    assert said == ["请先计算行程，再分享。"] * 2
    assert not (tmp_path / "day.ics").exists() and not (tmp_path / "day.png").exists()

def test_report_button_writes_the_docx_for_the_current_filter(qtbot, user_db, tmp_path):
    from redtour.storage.roster_import import import_roster

    import_roster(user_db, write_csv(tmp_path / "r.csv", roster_rows(12)), "普陀区总工会")
    repo = ParticipationRepository(user_db)
    g = repo.create_group("普陀区总工会", "第一批", date(2026, 5, 1), ["alpha", "beta"])
    repo.checkin(g.id, [e.participant_id for e in repo.roster(g.id)])
    stats = StatsPage(user_db)
    qtbot.addWidget(stats)
    stats.set_venues(VenueRepository(user_db).list_venues())
    stats.reload()
    assert stats.findChild(type(stats.findChild(object, "statsExport")), "statsReport") is not None
    written = []
    make_report(stats, str(tmp_path / "report.docx"), written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=60_000)
    text = "\n".join(p.text for p in Document(str(written[0])).paragraphs)
    assert "共组织1个团队、12名职工参观2处场馆，累计24人次" in text


def test_notice_button_writes_the_unions_notice_for_the_period(qtbot, user_db, tmp_path):
    from PySide6.QtCore import QDate

    from redtour.ui.pages.share_actions import make_notice

    repo = ParticipationRepository(user_db)
    repo.create_group("普陀区总工会", "十二月第一批", date(2026, 12, 2), ["alpha", "beta"], leader="王领队")
    repo.create_group("普陀区总工会", "明年一批", date(2027, 3, 1), ["beta"])
    repo.create_group("静安区总工会", "别家的团", date(2026, 12, 3), ["alpha"])
    stats = StatsPage(user_db)
    qtbot.addWidget(stats)
    stats.set_venues(VenueRepository(user_db).list_venues())
    stats.reload()
    button = stats.findChild(type(stats.findChild(object, "statsReport")), "statsNotice")
    assert button is not None and button.text() == "生成通知…"
    stats.union.setCurrentIndex(stats.union.findText("普陀区总工会"))
    stats.from_on.setChecked(True)
    stats.from_date.setDate(QDate(2026, 12, 1))
    stats.to_on.setChecked(True)
    stats.to_date.setDate(QDate(2026, 12, 31))
    said = []
    stats.status.connect(said.append)
    written = []
    make_notice(stats, str(tmp_path / "notice.docx"), written.append)
    assert said[0] == "正在生成通知…"  # said before the document is built (by the operations executor)
    qtbot.waitUntil(lambda: bool(written), timeout=60_000)
    doc = Document(str(written[0]))
    text = "\n".join(
        [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for row in t.rows for c in row.cells]
    )
    assert "普陀区总工会" in text and "十二月第一批" in text and "王领队" in text
    assert "测试纪念馆甲" in text and "测试会馆乙" in text
    assert "明年一批" not in text and "别家的团" not in text  # outside the period, another union
    assert "{{" not in text and "{%" not in text
    assert said[-1] == f"已导出 {written[0]}（1 个团队）"
