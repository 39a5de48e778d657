"""Settings ▸ 地图 ▸ 在线地理编码: the optional address lookup for the planner's start and end boxes.

Off by default (nothing leaves the machine). 测试 looks up one address in the background and says plainly
what happened — found, not found, or why the service could not be reached (offline is the usual case).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from redtour.core.places import GeocodeError, geocoder_from_spec
from redtour.core.planner import Place
from redtour.ui.i18n import tr
from redtour.ui.operations import QueryOp
from redtour.ui.settings import Settings

SERVICES = ("nominatim", "photon", "arcgis")  # geopy services that need no key
TEST_ADDRESS = "人民广场"


class GeocoderBox(QGroupBox):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(tr("在线地理编码"), parent)
        self.on = QCheckBox(tr("允许联网查询地址（出发地、结束地可以直接填写地址）"))
        self.on.setObjectName("geocoderOn")
        self.on.setChecked(settings.geocoder_on)
        self.on.setToolTip(tr("关闭时地址不会发送到任何网站；常用地点、场馆和“纬度,经度”照常可用。"))
        self.service = QComboBox()
        self.service.setObjectName("geocoderService")
        self.service.setEditable(True)
        self.service.addItems(SERVICES)
        self.service.setCurrentText(settings.geocoder_service)
        self.service.setAccessibleName(tr("地理编码服务"))
        self.host = QLineEdit(settings.geocoder_host)
        self.host.setObjectName("geocoderHost")
        self.host.setPlaceholderText(tr("留空使用该服务的公共地址；自建服务如 127.0.0.1:8080"))
        self.host.setAccessibleName(tr("服务器地址"))
        self.test = QPushButton(tr("测试"))
        self.test.setObjectName("geocoderTest")
        self.test.clicked.connect(self.run_test)
        self.status = QLabel()
        self.status.setObjectName("geocoderStatus")
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.on)
        form.addRow(tr("服务"), self.service)
        form.addRow(tr("服务器"), self.host)
        row = QHBoxLayout()
        row.addWidget(self.test)
        row.addWidget(self.status, 1)
        form.addRow(row)

    def spec(self) -> str:
        service = self.service.currentText().strip() or "nominatim"
        host = self.host.text().strip()
        return service + (f"@{host}" if host else "")

    def run_test(self) -> None:
        """Look up 人民广场 with the values shown (saved or not), off the GUI thread."""
        geocode = geocoder_from_spec(self.spec())
        self.test.setEnabled(False)
        self.status.setText(tr("正在查询“{0}”…").format(TEST_ADDRESS))

        def done(place: Place | None) -> None:
            self.test.setEnabled(True)
            if place is None:
                self.status.setText(tr("服务可以连接，但没有找到“{0}”。").format(TEST_ADDRESS))
            else:
                self.status.setText(
                    tr("可以使用：“{0}”在 {1:.5f}, {2:.5f}").format(TEST_ADDRESS, place.lat, place.lon)
                )

        def failed(exc: BaseException) -> None:
            self.test.setEnabled(True)
            reason = str(exc) if isinstance(exc, GeocodeError) else f"{type(exc).__name__}: {exc}"
            self.status.setText(tr("查询失败：{0}").format(reason))

        QueryOp(self, lambda: geocode(TEST_ADDRESS)).success(done).failure(failed).run_in_background()

    def apply(self, settings: Settings) -> None:
        settings.geocoder_on = self.on.isChecked()
        settings.geocoder_service = self.service.currentText()
        settings.geocoder_host = self.host.text()
