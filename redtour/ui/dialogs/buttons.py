"""The OK/Cancel row every input dialog ends with."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox

_Button = QDialogButtonBox.StandardButton


def ok_cancel(
    dialog: QDialog, on_ok: Callable[[], object] | None = None, ok: _Button = _Button.Ok
) -> QDialogButtonBox:
    """``ok`` (Ok, or Save) and Cancel: ``ok`` runs ``on_ok`` (default: accept the dialog, for dialogs that
    check nothing first), Cancel rejects. The caller places the box in its layout."""
    buttons = QDialogButtonBox(ok | _Button.Cancel)
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
