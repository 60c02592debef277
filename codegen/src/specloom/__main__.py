"""The ``specloom`` command (``python -m specloom`` too): ``cli.main()`` without the collector and teardown.

Both cost more than a small spec takes to generate. The cyclic collector finds next to no garbage
in a run (peak memory measured equal without it) yet walks the heap again and again while the
modules are imported and the package is built; tearing down every module and object at exit
adds a sixth to a small spec's wall time. So, as mypy does, the collector is off from before the
first import of the generator, and the process ends with ``os._exit`` once every file is closed
and stdout and stderr are flushed. ``cli.main()`` itself, as tests and embedders call it, keeps
the interpreter's defaults.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn


def run() -> NoReturn:
    gc.disable()
    from .cli import main

    try:
        code = main()
    except BrokenPipeError:  # the reader left early (``specloom diff ... | head``): what it read stands
        code = 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: the reader has gone, there is no one left to tell
            pass
    os._exit(code)


if __name__ == "__main__":
    run()
