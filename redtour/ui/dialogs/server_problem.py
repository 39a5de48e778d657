"""At start-up, when the shared server from the settings cannot be opened: password, this PC, or quit."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from redtour.storage.credentials import credential_key
from redtour.ui.i18n import tr


def ask_about_server(message: str, url: str) -> tuple[str, str | None]:
    box = QMessageBox()
    box.setObjectName("serverProblem")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("无法连接数据库服务器"))
    box.setText(message)
    box.setInformativeText(
        tr("可以输入密码重试，或改用本机数据库（之后可在“设置 → 数据库”中重新选择服务器）。")
    )
    retry = box.addButton(tr("输入密码…"), QMessageBox.ButtonRole.AcceptRole)
    local = box.addButton(tr("改用本机数据库"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is retry:
        password, ok = QInputDialog.getText(
            None,
            tr("数据库密码"),
            tr("{0} 的密码：").format(credential_key(url)),
            QLineEdit.EchoMode.Password,
        )
        return ("password", password) if ok and password else ("retry", None)
    if box.clickedButton() is local:
        return "local", None
    return "quit", None
