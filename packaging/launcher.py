"""Entry point of the PyInstaller bundle: the same `redtour` command as the installed package."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.dont_write_bytecode = (
        True  # never write __pycache__ into the install folder (migrations are .py files)
    )
    from redtour.cli import main

    sys.exit(main())
