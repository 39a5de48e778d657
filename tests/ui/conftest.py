"""UI tests build only the widget under test; Qt runs offscreen (set in tests/conftest.py)."""

from redtour.ui.map.scheme import register_url_schemes

register_url_schemes()  # before pytest-qt creates the QApplication
