"""Settings: interface language (more settings join as features need them)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from redtour.ui.i18n import LANGUAGES, tr
from redtour.ui.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("settingsDialog")
        self.setWindowTitle(tr("设置"))
        self.language = QComboBox(objectName="languageCombo")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("界面语言 / Language"), self.language)
        form.addRow(QLabel(tr("语言设置在重新启动程序后生效。")))
        form.addRow(buttons)

    def apply(self) -> bool:
        """Store the choices; True when a restart is needed to see them."""
        chosen = self.language.currentData()
        changed = chosen != self.settings.language
        self.settings.language = chosen
        return changed
