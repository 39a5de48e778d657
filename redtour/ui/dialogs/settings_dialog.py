"""Settings: interface language, the map's online tiles and geocoder, route-sheet texts, personal-data fields,
holidays."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

from redtour.export.route_sheet import DEFAULT_TITLE
from redtour.mapping.tiles import TileStore
from redtour.storage.credentials import store_password, with_password
from redtour.storage.database import Database
from redtour.ui import file_dialogs
from redtour.ui.dialogs.buttons import ok_cancel
from redtour.ui.dialogs.geocoder_box import GeocoderBox
from redtour.ui.dialogs.holidays_tab import HolidaysTab
from redtour.ui.i18n import LANGUAGES, tr
from redtour.ui.operations import QueryOp
from redtour.ui.settings import Settings


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        tile_store: TileStore | None = None,
        database: Database | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tile_store = tile_store
        self.setObjectName("settingsDialog")
        self.setWindowTitle(tr("设置"))
        self.language = QComboBox(objectName="languageCombo")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

        general = QGroupBox(tr("常规"))
        form = QFormLayout(general)
        form.addRow(tr("界面语言 / Language"), self.language)
        form.addRow(QLabel(tr("语言设置在重新启动程序后生效。")))

        map_box = QGroupBox(tr("地图"))
        map_form = QFormLayout(map_box)
        self.online = QCheckBox(
            tr("允许联网加载在线底图（OpenStreetMap、天地图、高德地图）"), objectName="onlineTiles"
        )
        self.online.setChecked(settings.online_tiles)
        self.online.setToolTip(tr("关闭时程序不会向网络发出任何请求，只显示离线底图和已缓存的瓦片。"))
        self.tianditu_key = QLineEdit(settings.tianditu_key, objectName="tiandituKey")
        self.tianditu_key.setPlaceholderText(tr("在 console.tianditu.gov.cn 免费申请"))
        map_form.addRow(self.online)
        map_form.addRow(tr("天地图密钥（tk）"), self.tianditu_key)
        self.cache_label = QLabel(objectName="tileCacheLabel")
        clear = QPushButton(tr("清除缓存"), objectName="clearTileCache")
        clear.clicked.connect(self._clear_cache)
        clear.setEnabled(tile_store is not None)
        cache_row = QHBoxLayout()
        cache_row.addWidget(self.cache_label, 1)
        cache_row.addWidget(clear)
        map_form.addRow(tr("已缓存瓦片"), cache_row)
        self._show_cache()
        self.geocoder = GeocoderBox(settings)

        sheet_box = QGroupBox(tr("行程单"))
        sheet_form = QFormLayout(sheet_box)
        self.sheet_title = QLineEdit(settings.sheet_text("title", DEFAULT_TITLE), objectName="sheetTitle")
        self.sheet_union = QLineEdit(settings.sheet_text("union"), objectName="sheetUnion")
        self.sheet_union.setPlaceholderText(tr("例如：普陀区总工会"))
        self.sheet_footer = QLineEdit(settings.sheet_text("footer"), objectName="sheetFooter")
        self.sheet_footer.setPlaceholderText(tr("印在每页页脚，例如联系部门和电话"))
        sheet_form.addRow(tr("活动标题"), self.sheet_title)
        sheet_form.addRow(tr("主办工会"), self.sheet_union)
        sheet_form.addRow(tr("页脚联系方式"), self.sheet_footer)
        self.sheet_logo = QLineEdit(settings.sheet_text("logo"), objectName="sheetLogo")
        self.sheet_logo.setPlaceholderText(tr("PNG 或 JPG 图片，印在标题上方"))
        browse = QPushButton(tr("选择…"))
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.sheet_logo, 1)
        logo_row.addWidget(browse)
        sheet_form.addRow(tr("标志图片"), logo_row)

        people_box = QGroupBox(tr("参与记录"))
        people_form = QFormLayout(people_box)
        self.collect_id = QCheckBox(
            tr("收集身份证号（仅在活动确需时开启，例如办理保险）"), objectName="collectIdNumber"
        )
        self.collect_id.setChecked(settings.collect_id_number)
        self.collect_id.setToolTip(tr("关闭时导入名册会丢弃身份证号列。"))
        people_form.addRow(self.collect_id)

        db_box = QGroupBox(tr("数据库"))
        db_form = QFormLayout(db_box)
        self.db_local = QRadioButton(tr("本机数据库（默认，单机使用）"), objectName="dbLocal")
        self.db_server = QRadioButton(
            tr("共享的 PostgreSQL 服务器（区总工会、市总工会多人使用）"), objectName="dbServer"
        )
        current = make_url(settings.database_url) if settings.database_url else None
        self.db_host = QLineEdit(current.host or "" if current else "", objectName="dbHost")
        self.db_port = QSpinBox(objectName="dbPort", minimum=1, maximum=65535)
        self.db_port.setValue(current.port or 5432 if current else 5432)
        self.db_name = QLineEdit(current.database or "redtour" if current else "redtour", objectName="dbName")
        self.db_user = QLineEdit(current.username or "" if current else "", objectName="dbUser")
        self.db_password = QLineEdit(objectName="dbPassword", echoMode=QLineEdit.EchoMode.Password)
        self.db_password.setPlaceholderText(tr("保存在系统密码库中；不改则留空"))
        self.db_test = QPushButton(tr("测试连接"), objectName="dbTest")
        self.db_test.clicked.connect(self._test_connection)
        self.db_status = QLabel(objectName="dbStatus", wordWrap=True)
        (self.db_server if current else self.db_local).setChecked(True)
        self.db_server.toggled.connect(self._enable_server_fields)
        db_form.addRow(self.db_local)
        db_form.addRow(self.db_server)
        db_form.addRow(tr("服务器"), self.db_host)
        db_form.addRow(tr("端口"), self.db_port)
        db_form.addRow(tr("数据库名"), self.db_name)
        db_form.addRow(tr("用户名"), self.db_user)
        db_form.addRow(tr("密码"), self.db_password)
        db_form.addRow(self.db_test, self.db_status)
        db_form.addRow(QLabel(tr("更换数据库在重新启动程序后生效。")))
        if database is not None:  # where the data is now (no longer in the status bar)
            where = QLabel(tr("当前使用：{0}").format(database.describe()), objectName="dbCurrent")
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setWordWrap(True)
            db_form.addRow(where)
        self._enable_server_fields(self.db_server.isChecked())

        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        # One tab per topic: the dialog stays short enough for a 1366×768 office laptop.
        self.tabs = QTabWidget(objectName="settingsTabs")
        for title, boxes in (
            (tr("常规"), (general, people_box)),
            (tr("地图"), (map_box, self.geocoder)),
            (tr("行程单"), (sheet_box,)),
            (tr("数据库"), (db_box,)),
        ):
            page = QWidget()
            page_layout = QVBoxLayout(page)
            for box in boxes:
                page_layout.addWidget(box)
            page_layout.addStretch(1)
            self.tabs.addTab(page, title)
        self.holidays = HolidaysTab(database, self)
        self.tabs.addTab(self.holidays, tr("节假日"))
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _enable_server_fields(self, on: bool) -> None:
        for w in (self.db_host, self.db_port, self.db_name, self.db_user, self.db_password, self.db_test):
            w.setEnabled(on)

    def server_url(self) -> str:
        """The server's URL without the password (the password goes to the keyring)."""
        return URL.create(
            "postgresql+psycopg",
            username=self.db_user.text().strip() or None,
            host=self.db_host.text().strip() or "localhost",
            port=self.db_port.value(),
            database=self.db_name.text().strip() or "redtour",
        ).render_as_string(hide_password=False)

    def _test_connection(self) -> None:
        from sqlalchemy import create_engine, text

        url = make_url(self.server_url())
        if self.db_password.text():
            url = url.set(password=self.db_password.text())
        else:
            url = make_url(with_password(url.render_as_string(hide_password=False)))
        self.db_status.setText(tr("正在连接…"))
        self.db_test.setEnabled(False)

        def probe() -> str:
            engine = create_engine(url, connect_args={"connect_timeout": 5}, hide_parameters=True)
            try:
                with engine.connect() as conn:
                    return str(conn.execute(text("SHOW server_version")).scalar())
            finally:
                engine.dispose()

        def ok(version: object) -> None:
            self.db_test.setEnabled(True)
            self.db_status.setText(tr("连接成功（PostgreSQL {0}）").format(version))

        def failed(exc: BaseException) -> None:
            self.db_test.setEnabled(True)
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            self.db_status.setText(tr("连接失败：{0}").format(reason))

        QueryOp(self, probe).success(ok).failure(failed).run_in_background()

    def _choose_logo(self) -> None:
        path = file_dialogs.open_file(self, "image", tr("选择标志图片"), tr("图片 (*.png *.jpg *.jpeg)"))
        if path:
            self.sheet_logo.setText(path)

    def _show_cache(self) -> None:
        if self.tile_store is None:
            self.cache_label.setText(tr("（无）"))
            return
        count, size = self.tile_store.stats()
        self.cache_label.setText(tr("{0} 张，{1:.1f} MB").format(count, size / 1024 / 1024))

    def _clear_cache(self) -> None:
        if self.tile_store is not None:
            self.tile_store.clear()
        self._show_cache()

    def apply(self) -> bool:
        """Store the choices; True when a restart is needed to see them (the language)."""
        chosen = self.language.currentData()
        changed = chosen != self.settings.language
        self.settings.language = chosen
        self.settings.online_tiles = self.online.isChecked()
        self.settings.tianditu_key = self.tianditu_key.text()
        self.geocoder.apply(self.settings)
        self.settings.set_sheet_text("title", self.sheet_title.text() or DEFAULT_TITLE)
        self.settings.set_sheet_text("union", self.sheet_union.text())
        self.settings.set_sheet_text("footer", self.sheet_footer.text())
        self.settings.set_sheet_text("logo", self.sheet_logo.text())
        self.settings.collect_id_number = self.collect_id.isChecked()
        url = self.server_url() if self.db_server.isChecked() else ""
        if url and self.db_password.text():
            store_password(url, self.db_password.text())  # may raise CredentialError: shown by the caller
        changed = changed or url != self.settings.database_url
        self.settings.database_url = url
        return changed
