"""redtour — 百万职工红色寻访: plan and record union group visits to Shanghai's labour-movement sites."""

import time

STARTED = time.perf_counter()  # start-up time is measured from here (``redtour --exit-after-start``)

# Written here and in pyproject.toml (tests/test_version.py keeps them equal): reading the installed metadata
# (importlib.metadata) cost tens of milliseconds on every start.
__version__ = "0.2.0"

APP_NAME = "redtour"
APP_TITLE_ZH = "红色寻访助手"
