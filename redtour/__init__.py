"""redtour — 百万职工红色寻访: plan and record union group visits to Shanghai's labour-movement sites."""

import time
from importlib.metadata import PackageNotFoundError, version

STARTED = time.perf_counter()  # start-up time is measured from here (``redtour --exit-after-start``)

try:
    __version__ = version("redtour")  # the bundle carries the metadata too (packaging/redtour.spec)
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"

APP_NAME = "redtour"
APP_TITLE_ZH = "红色寻访助手"
