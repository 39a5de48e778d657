"""ok_cancel: the OK/Cancel row the input dialogs share (clicked for real, on real dialogs)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from redtour.ui.dialogs.buttons import ok_cancel

Button = QDialogButtonBox.StandardButton


def dialog_with(qtbot, *args):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    buttons = ok_cancel(dialog, *args)
    QVBoxLayout(dialog).addWidget(buttons)
    dialog.show()
    return dialog, buttons


def test_ok_accepts_and_cancel_rejects(qtbot):
    dialog, buttons = dialog_with(qtbot)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(buttons.button(Button.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    dialog.show()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(buttons.button(Button.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_ok_runs_the_dialogs_own_check_instead_of_accepting(qtbot):
    calls = []
    dialog, buttons = dialog_with(qtbot, lambda: calls.append("checked"))
    qtbot.mouseClick(buttons.button(Button.Ok), Qt.MouseButton.LeftButton)
    assert calls == ["checked"] and dialog.isVisible()  # the check decides; it did not accept


def test_save_replaces_ok(qtbot):
    calls = []
    _dialog, buttons = dialog_with(qtbot, lambda: calls.append("saved"), Button.Save)
    assert buttons.button(Button.Ok) is None and buttons.button(Button.Cancel) is not None
    qtbot.mouseClick(buttons.button(Button.Save), Qt.MouseButton.LeftButton)
    assert calls == ["saved"]
