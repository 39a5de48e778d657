"""Persistent user settings (QSettings in the platform's usual place)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from redtour.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings()

    def _flag(self, key: str) -> bool:  # kept as the text "true"/"false": QSettings may return a bool as text
        return str(self.q.value(key, "false")).lower() == "true"

    def _set_flag(self, key: str, value: bool) -> None:
        self.q.setValue(key, "true" if value else "false")

    @property
    def language(self) -> str:
        value = str(self.q.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("ui/language", value)

    @property
    def online_tiles(self) -> bool:
        """Fetch online map tiles (off by default: nothing leaves the machine)."""
        return self._flag("map/online_tiles")

    @online_tiles.setter
    def online_tiles(self, value: bool) -> None:
        self._set_flag("map/online_tiles", value)

    @property
    def tianditu_key(self) -> str:
        return str(self.q.value("map/tianditu_key", "")).strip()

    @tianditu_key.setter
    def tianditu_key(self, value: str) -> None:
        self.q.setValue("map/tianditu_key", value.strip())

    @property
    def base_layer(self) -> str:
        return str(self.q.value("map/base_layer", ""))

    @base_layer.setter
    def base_layer(self, value: str) -> None:
        self.q.setValue("map/base_layer", value)

    @property
    def geocoder_on(self) -> bool:
        """Look up typed addresses online (off by default: nothing leaves the machine)."""
        return self._flag("geocoder/on")

    @geocoder_on.setter
    def geocoder_on(self, value: bool) -> None:
        self._set_flag("geocoder/on", value)

    @property
    def geocoder_service(self) -> str:
        return str(self.q.value("geocoder/service", "nominatim")).strip() or "nominatim"

    @geocoder_service.setter
    def geocoder_service(self, value: str) -> None:
        self.q.setValue("geocoder/service", value.strip())

    @property
    def geocoder_host(self) -> str:
        """"" = the service's own public address; else a host such as a union's own Nominatim."""
        return str(self.q.value("geocoder/host", "")).strip()

    @geocoder_host.setter
    def geocoder_host(self, value: str) -> None:
        self.q.setValue("geocoder/host", value.strip())

    def geocoder_spec(self) -> str | None:
        """``SERVICE[@HOST]`` when the geocoder is on, else None."""
        if not self.geocoder_on:
            return None
        return self.geocoder_service + (f"@{self.geocoder_host}" if self.geocoder_host else "")

    @property
    def collect_id_number(self) -> bool:
        """ID numbers are personal data collected only when an activity needs them (reliability.md §4.2)."""
        return self._flag("participation/collect_id_number")

    @collect_id_number.setter
    def collect_id_number(self, value: bool) -> None:
        self._set_flag("participation/collect_id_number", value)

    @property
    def database_url(self) -> str:
        """A shared server (postgresql+psycopg://user@host:port/db), without its password; "" = the local file."""
        return str(self.q.value("database/url", ""))

    @database_url.setter
    def database_url(self, value: str) -> None:
        self.q.setValue("database/url", value)

    def sheet_text(self, key: str, default: str = "") -> str:
        """Route-sheet texts a union sets once: ``title``, ``union``, ``footer``."""
        return str(self.q.value(f"sheet/{key}", default))

    def set_sheet_text(self, key: str, value: str) -> None:
        self.q.setValue(f"sheet/{key}", value.strip())

    def window_state(self, name: str) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self.q.value(f"window/{name}/geometry")
        state = self.q.value(f"window/{name}/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_window_state(self, name: str, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue(f"window/{name}/geometry", geometry)
        self.q.setValue(f"window/{name}/state", state)

    def splitter_state(self, name: str) -> QByteArray | None:
        value = self.q.value(f"splitter/{name}")
        return value if isinstance(value, QByteArray) else None

    def save_splitter_state(self, name: str, state: QByteArray) -> None:
        self.q.setValue(f"splitter/{name}", state)
