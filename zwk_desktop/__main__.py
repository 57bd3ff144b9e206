"""``python -m zwk_desktop``: the same as the ``zwk-desktop`` command."""

import sys

from zwk_desktop.cli.main import main

sys.exit(main())
