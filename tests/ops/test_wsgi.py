"""The WSGI entry point gunicorn loads."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wsgi_module_keeps_startup_objects_out_of_garbage_collection():
    """gc.freeze() once Django is set up: a worker's collections skip what lives forever."""
    script = "import gc, encontact.wsgi; print(gc.get_freeze_count())"
    frozen = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "encontact.settings"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert int(frozen) > 10_000
