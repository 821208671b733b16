"""The deployment's settings, with the benchmark's own URLconf (bench.urls) and templates.

Only `make bench` runs with them (`DJANGO_SETTINGS_MODULE=bench.settings`): the reference
pages are never part of the site itself.
"""

from encontact.settings import *  # noqa: F403 - the deployment's settings, unchanged
from encontact.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
