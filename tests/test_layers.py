"""Only redtour.ui (and the GUI entry point) may import Qt: the rest must run without a display."""

import pkgutil
import subprocess
import sys

import redtour
import redtour.cli

QT_FREE_PREFIXES = (
    "redtour.core",
    "redtour.storage",
    "redtour.export",
    "redtour.mapping",
    "redtour.importing",
)


def qt_free_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(redtour.__path__, "redtour.")]
    return sorted(n for n in names if n.startswith(QT_FREE_PREFIXES) and ".migrations" not in n)


def test_every_non_ui_package_imports_without_pyside6():
    modules = [
        *qt_free_modules(),
        *(m.name for m in pkgutil.walk_packages(redtour.cli.__path__, "redtour.cli.")),
        "redtour.cli",
        "redtour.paths",
        "redtour.logsetup",
    ]
    assert "redtour.core.catalogue" in modules and "redtour.storage.venues" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6') or m.startswith('shiboken'))\n"
        "assert not bad, bad\n"
        "print(len(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_cli_subcommands_do_not_load_qt():
    code = (
        "import sys\nfrom redtour.cli import main\n"
        "main(['sites', '--format', 'json'])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
