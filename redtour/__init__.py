"""redtour — 百万职工红色寻访: plan and record union group visits to Shanghai's labour-movement sites."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("redtour")
except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"

APP_NAME = "redtour"
APP_TITLE_ZH = "红色寻访助手"
