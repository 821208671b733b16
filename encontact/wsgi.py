"""WSGI entry point: `gunicorn encontact.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application

from encontact.timeouts import limit_statements

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "encontact.settings")

application = get_wsgi_application()
limit_statements()  # public requests on PostgreSQL: see encontact.timeouts

# What is loaded by now (Django, the apps, their modules: some 100,000 objects) lives as long
# as the worker: keep it out of the collector's passes, which a list page's few hundred model
# instances set off. Measured on the tag-filtered list: garbage collection 2.0 -> 1.0 ms of a
# 34 ms request (bench/analysis.md).
gc.freeze()
