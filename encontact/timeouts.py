"""A statement timeout for the public site's requests on PostgreSQL.

Web processes (`encontact.wsgi`, `encontact.asgi`) call `limit_statements()`: every database
connection they open then cancels a statement that runs longer than
PUBLIC_STATEMENT_TIMEOUT_MS, so that no request, however hostile, holds a worker for long (the
search page then says the search took too long). The back office lifts the limit for its own
requests (`BackOfficeStatementsMiddleware`: bulk actions and merges may take longer); management
commands, the import worker and the tests never set it.
"""

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.backends.signals import connection_created
from django.urls import reverse

DISPATCH_UID = "public-statement-timeout"


def set_statement_timeout(target, milliseconds):
    with target.cursor() as cursor:
        cursor.execute("SELECT set_config('statement_timeout', %s, false)", [f"{milliseconds}ms"])


def on_connection_created(sender, connection, **kwargs):
    if connection.vendor == "postgresql" and settings.PUBLIC_STATEMENT_TIMEOUT_MS > 0:
        set_statement_timeout(connection, settings.PUBLIC_STATEMENT_TIMEOUT_MS)


def limit_statements():
    """From now on, this process's new PostgreSQL connections time public statements out."""
    connection_created.connect(on_connection_created, dispatch_uid=DISPATCH_UID)


def unlimit_statements():
    connection_created.disconnect(dispatch_uid=DISPATCH_UID)


def statements_limited():
    return connection_created.has_listeners() and any(
        key[0] == DISPATCH_UID for key, _receiver, *_ in connection_created.receivers
    )


class BackOfficeStatementsMiddleware:
    """No statement timeout for the back office's requests in a process that sets one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (
            connection.vendor == "postgresql"
            and statements_limited()
            and request.path.startswith(reverse("admin:index"))
        ):
            return self.get_response(request)
        set_statement_timeout(connection, 0)
        try:
            return self.get_response(request)
        finally:
            try:
                set_statement_timeout(connection, settings.PUBLIC_STATEMENT_TIMEOUT_MS)
            except DatabaseError:  # the connection broke: its replacement starts limited
                connection.close()
