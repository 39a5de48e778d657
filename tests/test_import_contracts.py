"""The import contracts ([tool.importlinter] in pyproject.toml) hold on the real tree and catch a break.

Each break is injected into a copy of the package, so the contracts are shown to fail for the reason they
exist, not only to pass.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports run in `project` on the `redtour` package found there (not the installed one)."""
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def copy_of_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "pyproject.toml", project)
    shutil.copytree(ROOT / "redtour", project / "redtour", ignore=shutil.ignore_patterns("__pycache__"))
    return project


def test_the_real_tree_keeps_every_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_copy_keeps_every_contract_before_a_break(copy_of_project: Path) -> None:
    # Without this, a copy that fails for another reason (config not found, package not found) would make
    # every "a break fails" test below pass.
    result = lint_imports(copy_of_project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Analyzed" in result.stdout and "0 broken" in result.stdout


BREAKS = {
    # module to edit, the line added at its top, the contract that must report it
    "core imports the GUI": ("core/geo.py", "import redtour.ui.messages", "Layers"),
    "storage imports the CLI": ("storage/venues.py", "import redtour.cli.common", "Layers"),
    "export imports storage at run time": (
        "export/report_docx.py",
        "import redtour.storage.report_data",
        "Layers",
    ),
    "the GUI imports the composition root": ("ui/settings.py", "import redtour.app", "Layers"),
    "core imports Qt": ("core/clock.py", "import PySide6.QtCore", "Qt-free packages"),
    "the CLI imports Qt at module level": ("cli/sites.py", "import PySide6.QtCore", "The CLI imports no Qt"),
    "a CLI module imports another's helpers": (
        "cli/participation.py",
        "import redtour.cli.plan",
        "CLI sub-command modules",
    ),
    "a page imports the main window": (
        "ui/pages/__init__.py",
        "import redtour.ui.main_window",
        "Pages do not",
    ),
    "a circle inside core": ("core/clock.py", "import redtour.core.planner", "No import cycles"),
}


@pytest.mark.parametrize("what", sorted(BREAKS))
def test_a_deliberate_break_fails_its_contract(copy_of_project: Path, what: str) -> None:
    relative, line, contract = BREAKS[what]
    module = copy_of_project / "redtour" / relative
    original = module.read_text(encoding="utf-8")
    # After the docstring and `from __future__` (which must come first), as an ordinary run-time import.
    head, sep, rest = original.partition("from __future__ import annotations\n")
    broken = f"{head}{sep}{line}\n{rest}" if sep else f"{line}\n{original}"
    module.write_text(broken, encoding="utf-8")
    try:
        result = lint_imports(copy_of_project)
    finally:
        module.write_text(original, encoding="utf-8")
    assert result.returncode != 0, result.stdout
    broken_section = result.stdout.partition("Broken contracts")[2]
    assert contract in broken_section, result.stdout
