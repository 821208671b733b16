"""WSGI entry point: `gunicorn encontact.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "encontact.settings")

application = get_wsgi_application()
