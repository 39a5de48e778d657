"""Printing and headless map rendering as jobs (ui/jobs.py): signal chains, no nested event loops, no fixed
waits; the PNG and the PDF they write are read back."""

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from redtour.core.catalogue import Location, Venue
from redtour.core.planner import PlanRequest, StopRequest, plan_day
from redtour.export.route_sheet import SheetOptions
from redtour.mapping.commands import sentinel_colour
from redtour.mapping.protocol import Route, RouteStop
from redtour.ui.map.render import MapRenderJob
from redtour.ui.printing.sheet_pdf import HtmlPdfJob, RouteSheetPdfJob
from tests.core.test_planner import START, venue

REPO = Path(__file__).resolve().parents[2]
VENUES = [
    Venue(id="open", name_zh="开放馆", location=Location(31.2446, 121.4286)),
    Venue(id="far", name_zh="远馆", location=Location(31.21, 121.49)),
]
ROUTE = Route("路线", (RouteStop(1, "开放馆", 31.2446, 121.4286), RouteStop(2, "远馆", 31.21, 121.49)))
ROUTE_RED = QColor("#c0392b")  # bridge.js draws route legs in this colour


def run(qtbot, job, timeout=90_000):
    """Start a job and wait for its outcome; returns the result (fails the test with the job's message)."""
    outcome: list[tuple[str, object]] = []
    job.finished.connect(lambda result: outcome.append(("finished", result)))
    job.failed.connect(lambda message: outcome.append(("failed", message)))
    job.start()
    qtbot.waitUntil(lambda: bool(outcome), timeout=timeout)
    kind, value = outcome[0]
    assert kind == "finished", value
    assert len(outcome) == 1  # one outcome, never both
    return value


def near(colour: QColor, target: QColor, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], target.getRgb()[:3], strict=True))


def count_pixels(image: QImage, target: QColor, step: int = 2) -> int:
    return sum(
        near(image.pixelColor(x, y), target)
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    )


def test_map_render_job_writes_the_drawn_map_with_its_route(qtbot, tmp_path):
    job = MapRenderJob(VENUES, tmp_path / "map.png", width=500, height=350, on_date=date(2026, 11, 24),
                       route=ROUTE, for_print=True)  # fmt: skip
    out = run(qtbot, job)
    assert out == tmp_path / "map.png"
    image = QImage(str(out))
    assert (image.width(), image.height()) == (500, 350)
    colours = {image.pixelColor(x, y).rgb() for y in range(0, 350, 7) for x in range(0, 500, 7)}
    assert len(colours) > 50  # not blank: basemap, legend, route
    assert count_pixels(image, ROUTE_RED) > 100  # the route legs, sent after the page loaded, are drawn
    corner = image.pixelColor(0, 0)
    assert (corner.red(), corner.green(), corner.blue()) != sentinel_colour(job._token)  # painted over


def test_sheet_pdf_job_prints_the_route_sheet_with_its_map(qtbot, tmp_path):
    v = venue("a", "测试纪念馆", 31.2446, 121.4286)
    plan = plan_day(PlanRequest(day=date(2026, 12, 2), start=START, stops=(StopRequest(v),), today=date(2026, 11, 1)))
    out = run(qtbot, RouteSheetPdfJob(plan, [v], SheetOptions(), tmp_path / "sheet.pdf", "测试路线"))
    pdf = PdfReader(out)
    assert "测试纪念馆" in "".join("".join(p.extract_text() for p in pdf.pages).split())
    images = [i for i in pdf.pages[0].images]
    assert images and max(i.image.width for i in images) >= 1600  # the map, drawn at 2×
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
                       check=True)  # fmt: skip
        page = QImage(str(next(tmp_path.glob("p*.png"))))
        assert count_pixels(page, ROUTE_RED, step=1) > 20  # the route on the printed map


def test_jobs_started_together_all_finish(qtbot, tmp_path):
    """No job waits inside another: a PDF and two maps started at once each end in their own signal."""
    html = tmp_path / "a.html"
    html.write_text("<html><body><p>你好，页面</p></body></html>", encoding="utf-8")
    jobs = [
        HtmlPdfJob(html, tmp_path / "a.pdf"),
        MapRenderJob(VENUES, tmp_path / "m1.png", width=300, height=200),
        MapRenderJob(VENUES, tmp_path / "m2.png", width=320, height=240, route=ROUTE),
    ]
    results: list[Path] = []
    for j in jobs:
        j.finished.connect(results.append)
    with qtbot.waitSignals([j.finished for j in jobs], timeout=90_000, order="none"):
        for j in jobs:
            j.start()
    assert sorted(p.name for p in results) == ["a.pdf", "m1.png", "m2.png"]
    assert "你好" in PdfReader(tmp_path / "a.pdf").pages[0].extract_text()
    assert QImage(str(tmp_path / "m2.png")).size().toTuple() == (320, 240)


def test_a_page_that_does_not_load_fails_the_job(qtbot, tmp_path):
    job = HtmlPdfJob(tmp_path / "missing.html", tmp_path / "never.pdf")
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        job.start()
    assert "did not load" in failed.args[0]
    assert not (tmp_path / "never.pdf").exists()


@pytest.mark.parametrize("folder", ["redtour/ui/printing", "redtour/ui/map"])
def test_printing_and_map_code_waits_in_no_local_event_loop_and_no_fixed_delay(folder):
    sources = [*(REPO / folder).glob("*.py"), REPO / "redtour/ui/jobs.py", REPO / "redtour/ui/grab.py"]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        if path.name == "jobs.py":  # run_headless runs the application's own loop, and refuses to nest it
            text = text.replace("app.exec()", "", 1)
        assert "QEventLoop" not in text, path
        assert ".exec(" not in text, path
        delays = re.findall(r"singleShot\(\s*([^,]+),", text)
        assert all(d.strip() == "0" for d in delays), (path, delays)
        assert "processEvents" not in text and "time.sleep" not in text, path


def test_qt_platform_is_chosen_only_where_the_application_is_created():
    for path in (REPO / "redtour").rglob("*.py"):
        if path.name != "application.py":
            assert "QT_QPA_PLATFORM" not in path.read_text(encoding="utf-8"), path


def test_run_headless_refuses_to_run_inside_a_running_event_loop(qtbot, tmp_path):
    from PySide6.QtCore import QTimer

    from redtour.ui.jobs import run_headless

    errors: list[str] = []

    def inside_the_loop() -> None:
        try:
            run_headless(MapRenderJob(VENUES, tmp_path / "never.png"))
        except RuntimeError as exc:
            errors.append(str(exc))

    QTimer.singleShot(0, inside_the_loop)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "inside a running event loop" in errors[0] and not (tmp_path / "never.png").exists()
