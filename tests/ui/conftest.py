"""UI tests build only the widget under test; Qt runs offscreen (set in tests/conftest.py)."""
