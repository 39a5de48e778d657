"""On/off settings: off until the user turns them on, and kept in the settings file across restarts."""

import pytest
from PySide6.QtCore import QSettings

from redtour.ui.settings import Settings

FLAGS = ("online_tiles", "geocoder_on", "collect_id_number")


def settings_in(path):
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


@pytest.mark.parametrize("name", FLAGS)
def test_a_flag_is_off_by_default_and_kept_when_turned_on_or_off(tmp_path, name):
    ini = tmp_path / "settings.ini"
    first = settings_in(ini)
    assert getattr(first, name) is False
    setattr(first, name, True)
    first.q.sync()
    again = settings_in(ini)
    assert getattr(again, name) is True
    assert all(getattr(again, other) is False for other in FLAGS if other != name)  # each has its own key
    setattr(again, name, False)
    again.q.sync()
    assert getattr(settings_in(ini), name) is False
