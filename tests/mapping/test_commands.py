"""Python → JS map commands (mapping/commands.py): what they send, and what a reloaded page is sent again."""

import json
import re

from redtour.mapping.commands import (
    REPLAY_ORDER,
    ClearRoute,
    FitAll,
    PrintMode,
    ReportPainted,
    SelectVenue,
    SetBaseLayer,
    SetVenues,
    ShowRoute,
    replay,
    sentinel_colour,
)
from redtour.mapping.protocol import Route, RouteStop, VenueMarker

MARKER = VenueMarker("gzh", "顾正红纪念馆", 31.2446, 121.4286, "open", "当日开放", "澳门路300号", "9:00–16:30")
ROUTE = Route("路线", (RouteStop(1, "顾正红纪念馆", 31.2446, 121.4286),))


def call(command):
    """(function, arguments) of the statement a command sends: a call of window.redtour with JSON arguments."""
    match = re.fullmatch(r"window\.redtour\.(\w+)\((.*)\)", command.to_js(), re.S)
    assert match is not None
    return match.group(1), json.loads(f"[{match.group(2)}]")


def test_each_command_calls_its_page_function_with_json_arguments():
    assert call(SetVenues((MARKER,), "节假日未录入")) == (
        "setVenues",
        [[{"id": "gzh", "name": "顾正红纪念馆", "lat": 31.2446, "lon": 121.4286, "status": "open",
           "status_text": "当日开放", "address": "澳门路300号", "hours": "9:00–16:30"}], "节假日未录入"],
    )  # fmt: skip
    function, (route,) = call(ShowRoute(ROUTE))
    assert function == "showRoute" and route["title"] == "路线" and route["stops"][0]["number"] == 1
    assert call(ClearRoute()) == ("clearRoute", [])
    assert call(SelectVenue("gzh")) == ("selectVenue", ["gzh"])
    assert call(SetBaseLayer("高德地图")) == ("setBaseLayer", ["高德地图"])
    assert call(FitAll()) == ("fitAll", [])
    assert call(PrintMode()) == ("printMode", [])
    assert call(ReportPainted(7)) == ("reportPainted", [7, "rgb({}, {}, {})".format(*sentinel_colour(7))])


def test_text_from_data_cannot_become_code():
    hostile = "'); alert(1); ('</script>"
    statement = SelectVenue(hostile).to_js()
    assert call(SelectVenue(hostile)) == ("selectVenue", [hostile])
    assert statement.count("(") == 1 + hostile.count("(")  # the only call is the page function's


def test_replay_is_the_last_command_of_each_kind_in_a_fixed_order():
    sent = [
        SelectVenue("a"),
        SetVenues((MARKER,), ""),
        FitAll(),
        ShowRoute(ROUTE),
        SetBaseLayer("OpenStreetMap"),
        ReportPainted(1),
        SetVenues((), "新的一天"),
        SelectVenue("gzh"),
    ]
    assert replay(sent) == (
        SetBaseLayer("OpenStreetMap"),
        SetVenues((), "新的一天"),
        ShowRoute(ROUTE),
        SelectVenue("gzh"),
    )  # no one-off (fitAll, reportPainted); the selection after the markers it refers to
    assert replay([*sent, ClearRoute()])[2] == ClearRoute()  # a cleared route is not drawn again
    assert replay([]) == ()
    assert replay(replay(sent)) == replay(sent)  # the view keeps only the replay, not the whole history


def test_every_replayed_kind_has_a_place_in_the_order():
    kinds = {c.replay for c in (SetBaseLayer(""), PrintMode(), SetVenues(()), ShowRoute(ROUTE), ClearRoute(),
                                SelectVenue(""))}  # fmt: skip
    assert kinds == set(REPLAY_ORDER)


def test_sentinel_colours_of_successive_reports_differ_in_every_channel():
    for token in range(1, 600):
        before, after = sentinel_colour(token), sentinel_colour(token + 1)
        assert all(a != b for a, b in zip(before, after, strict=True))
