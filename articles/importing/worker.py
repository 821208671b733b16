"""The parser's own process (see pipeline.parse_ahead): nothing here may import Django."""

import os
import threading
from time import sleep


def exit_with_parent(parent_pid, interval=1.0):
    """In the parser process: exit when the import that started it is gone.

    An import stopped by a signal (SIGTERM, SIGKILL: no cleanup runs) would otherwise leave its
    parser waiting for work forever, adopted by init.
    """

    def watch():
        while os.getppid() == parent_pid:
            sleep(interval)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
