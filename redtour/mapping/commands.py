"""Python → JS commands to the map page (bridge.js's ``window.redtour``), as typed frozen dataclasses.

Each command knows the page function it calls and serialises its arguments with ``to_js`` (JSON only, never
code built from data). A command that sets state names its ``replay`` slot: when the page is reloaded (new
base layers) the view sends the last command of each slot again, so what the page shows is derived from what
was sent, not from a list kept by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from redtour.mapping.protocol import Route, VenueMarker, to_js


@dataclass(frozen=True)
class Command:
    function: ClassVar[str]
    #: The state this command sets (None: a one-off, e.g. a view change); one command per slot is replayed.
    replay: ClassVar[str | None] = None

    def arguments(self) -> tuple[object, ...]:
        return ()

    def to_js(self) -> str:
        """The JavaScript statement that runs this command on the page."""
        return f"window.redtour.{self.function}({', '.join(to_js(a) for a in self.arguments())})"


@dataclass(frozen=True)
class SetBaseLayer(Command):
    function: ClassVar[str] = "setBaseLayer"
    replay: ClassVar[str | None] = "base_layer"
    name: str

    def arguments(self) -> tuple[object, ...]:
        return (self.name,)


@dataclass(frozen=True)
class PrintMode(Command):
    """Hide the interactive controls (zoom buttons, layer switcher) for a printed or shared map."""

    function: ClassVar[str] = "printMode"
    replay: ClassVar[str | None] = "print_mode"


@dataclass(frozen=True)
class SetVenues(Command):
    function: ClassVar[str] = "setVenues"
    replay: ClassVar[str | None] = "venues"
    markers: tuple[VenueMarker, ...]
    notice: str = ""  # the legend's line for the day ("" hides it)

    def arguments(self) -> tuple[object, ...]:
        return (self.markers, self.notice)


@dataclass(frozen=True)
class ShowRoute(Command):
    function: ClassVar[str] = "showRoute"
    replay: ClassVar[str | None] = "route"
    route: Route

    def arguments(self) -> tuple[object, ...]:
        return (self.route,)


@dataclass(frozen=True)
class ClearRoute(Command):
    function: ClassVar[str] = "clearRoute"
    replay: ClassVar[str | None] = "route"  # replaces a shown route


@dataclass(frozen=True)
class SelectVenue(Command):
    function: ClassVar[str] = "selectVenue"
    replay: ClassVar[str | None] = "selection"
    venue_id: str

    def arguments(self) -> tuple[object, ...]:
        return (self.venue_id,)


@dataclass(frozen=True)
class FitAll(Command):
    function: ClassVar[str] = "fitAll"


@dataclass(frozen=True)
class ReportPainted(Command):
    """Ask the page to answer ``{"type": "painted", "token": token}`` once everything sent before this command
    is drawn: tiles of the shown layers loaded, web fonts and images in, then the page's top-left CSS pixel
    painted ``sentinel_colour(token)`` and two frames rendered. A grab showing that colour is that frame or
    a later one (ui/grab.py): the frame reaches the widget after the message, sometimes."""

    function: ClassVar[str] = "reportPainted"
    token: int

    def arguments(self) -> tuple[object, ...]:
        return (self.token, "rgb({}, {}, {})".format(*sentinel_colour(self.token)))


def sentinel_colour(token: int) -> tuple[int, int, int]:
    """A colour that differs from the previous token's in every channel."""
    return ((token * 53 + 11) % 256, (token * 97 + 71) % 256, (token * 193 + 29) % 256)


#: The order slots are replayed in: the base layer first (switching it redraws the overlays), markers before
#: the route and the selection that refer to them.
REPLAY_ORDER = ("base_layer", "print_mode", "venues", "route", "selection")


def replay(sent: Iterable[Command]) -> tuple[Command, ...]:
    """The commands that restore a reloaded page: the last command of each slot, in ``REPLAY_ORDER``."""
    last: dict[str, Command] = {}
    for command in sent:
        if command.replay is not None:
            last[command.replay] = command
    return tuple(last[slot] for slot in REPLAY_ORDER if slot in last)
