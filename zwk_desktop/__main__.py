"""``python -m zwk_desktop``: the same as the ``zwk-desktop`` command."""

import sys

if getattr(sys, "frozen", False):
    # The desktop bundle: a worker process of the Posteingang (multiprocessing, "spawn") starts
    # this same executable; freeze_support runs the worker and exits instead of the program.
    import multiprocessing

    multiprocessing.freeze_support()

from zwk_desktop.cli.main import main

sys.exit(main())
