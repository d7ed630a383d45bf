"""``python -m numcheck``: the same command as ``numcheck``."""

import sys

from numcheck.cli import main

sys.exit(main())
