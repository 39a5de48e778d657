"""常用地点 managed: the union's saved start and end points, renamed or deleted (after a confirmation).

A place is added where it is met (a map pick “保存为常用地点”); here it is kept tidy. A rename keeps the
place's identity, so plans and exchange packages that carry it still match it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redtour.core.planner import Place
from redtour.storage.places import PlaceRepository
from redtour.ui.i18n import tr
from redtour.ui.operations import WriteOp


class PlacesDialog(QDialog):
    def __init__(self, places: PlaceRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placesDialog")
        self.setWindowTitle(tr("常用地点"))
        self.places = places
        self.renamed: dict[str, str] = {}  # old name → new name, for the boxes that show a renamed place
        self.deleted: set[str] = set()
        self.list = QListWidget()
        self.list.setObjectName("placesList")
        self.list.setAccessibleName(tr("常用地点"))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.itemDoubleClicked.connect(lambda _item: self.rename())
        self.rename_button = QPushButton(tr("重命名…"))
        self.rename_button.setObjectName("placesRename")
        self.delete_button = QPushButton(tr("删除…"))
        self.delete_button.setObjectName("placesDelete")
        self.rename_button.clicked.connect(lambda: self.rename())
        self.delete_button.clicked.connect(lambda: self.delete())
        self.message = QLabel()
        self.message.setObjectName("placesMessage")
        self.message.setWordWrap(True)
        hint = QLabel(tr("在地图上右键“从这里出发/到这里结束”，勾选“保存为常用地点”即可添加。"))
        hint.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.rename_button)
        side.addWidget(self.delete_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(close)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.list.clear()
        for place in self.places.list_places():
            item = QListWidgetItem(f"{place.name}　（{place.lat:.5f}, {place.lon:.5f}）")
            item.setData(Qt.ItemDataRole.UserRole, place.name)
            self.list.addItem(item)
            if place.name == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._enable()

    def names(self) -> list[str]:
        return [str(self.list.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(self.list.count())]

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _enable(self) -> None:
        on = self.list.currentItem() is not None
        self.rename_button.setEnabled(on)
        self.delete_button.setEnabled(on)

    def _menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        self.list.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(tr("重命名…"), lambda: self.rename())
        menu.addAction(tr("删除…"), lambda: self.delete())
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def rename(self, new_name: str | None = None) -> bool:
        """Rename the selected place (``new_name`` given, or asked for); the reason is shown when refused."""
        old = self.current_name()
        if old is None:
            return False
        if new_name is None:
            new_name, ok = QInputDialog.getText(self, tr("重命名常用地点"), tr("新名称："), text=old)
            if not ok:
                return False
        target = new_name

        def renamed(place: Place) -> None:
            for before, after in list(self.renamed.items()):
                if after == old:
                    self.renamed[before] = place.name
            self.renamed[old] = place.name
            self.message.setText(tr("已将“{0}”改名为“{1}”").format(old, place.name))
            self.reload(select=place.name)

        def refused(exc: BaseException) -> None:
            self.message.setText(tr("未能重命名：{0}").format(exc))

        # On the writer thread (ui/operations.py); the answer arrives as a callback.
        op = WriteOp(self, lambda: self.places.rename(old, target)).success(renamed).failure(refused)
        op.run_in_background()
        return op.ok is not False

    def delete(self) -> bool:
        """Delete the selected place after the user confirms (plans already saved keep their own copy)."""
        name = self.current_name()
        if name is None:
            return False
        question = tr("删除常用地点“{0}”？已保存的行程不受影响。").format(name)
        if QMessageBox.question(self, tr("删除常用地点"), question) != QMessageBox.StandardButton.Yes:
            return False

        def gone(_result: object) -> None:
            self.deleted.add(name)
            self.message.setText(tr("已删除“{0}”").format(name))
            self.reload()

        op = WriteOp(self, lambda: self.places.delete(name)).success(gone)
        op.failure(lambda exc: self.message.setText(str(exc))).run_in_background()
        return op.ok is not False
