"""Exports are written whole or not at all (storage/replaced_file.py)."""

from __future__ import annotations

import pytest

from redtour.core.errors import CannotWriteError
from redtour.storage.replaced_file import replaced_file


def test_the_target_is_replaced_only_once_the_file_is_complete(tmp_path):
    out = tmp_path / "log.csv"
    out.write_text("old", encoding="utf-8")
    with replaced_file(out, prefix=".t-", suffix=".csv") as tmp:
        tmp.write_text("new", encoding="utf-8")
        assert out.read_text(encoding="utf-8") == "old"  # still the old file while writing
    assert out.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["log.csv"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "log.csv"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(CannotWriteError, match=r"log\.csv"), replaced_file(out, prefix=".t-", suffix=".csv") as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["log.csv"]


def test_any_other_error_passes_through_and_still_cleans_up(tmp_path):
    out = tmp_path / "log.csv"
    with pytest.raises(ValueError), replaced_file(out, prefix=".t-", suffix=".csv"):
        raise ValueError("bad row")
    assert list(tmp_path.iterdir()) == []
