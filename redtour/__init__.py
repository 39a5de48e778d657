"""redtour — 百万职工红色寻访: plan and record union group visits to Shanghai's labour-movement sites."""

import time

STARTED = time.perf_counter()  # start-up time is measured from here (``redtour --exit-after-start``)

# The one place the version is written: pyproject.toml reads it from here ([tool.setuptools.dynamic]). Not
# importlib.metadata, which costs tens of milliseconds on every start.
__version__ = "0.2.0"

APP_NAME = "redtour"
APP_TITLE_ZH = "红色寻访助手"
