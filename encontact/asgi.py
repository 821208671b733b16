"""ASGI entry point, for servers that speak ASGI."""

import os

from django.core.asgi import get_asgi_application

from encontact.timeouts import limit_statements

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "encontact.settings")

application = get_asgi_application()
limit_statements()  # public requests on PostgreSQL: see encontact.timeouts
