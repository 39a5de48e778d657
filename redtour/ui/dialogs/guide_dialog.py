"""使用指南: the Markdown user guide shown inside the app (works offline, no browser or viewer needed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from redtour.ui.i18n import tr
from redtour.ui.layout import fit_to_screen


class GuideDialog(QDialog):
    def __init__(self, guide: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(tr("使用指南"))
        self.browser = QTextBrowser(objectName="guideText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(guide.parent)])
        self.browser.setMarkdown(guide.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 720)  # within the available area (taskbar excluded)
