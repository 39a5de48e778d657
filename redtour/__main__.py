import sys

from redtour.cli import main

sys.exit(main())
