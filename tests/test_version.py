"""The version is written twice: pyproject.toml (packaging, the installers) and redtour/__init__.py (read at
start-up without importlib.metadata). They must not drift apart."""

import tomllib
from pathlib import Path

import redtour


def test_the_package_version_is_the_projects():
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    assert redtour.__version__ == project["version"]
