"""A run of new articles indexed for search once, when their bylines and tags are in."""

import contextlib

from django.db import DEFAULT_DB_ALIAS, connections

SETTING = "encontact.search_index"


@contextlib.contextmanager
def search_index_deferred(using=DEFAULT_DB_ALIAS):
    """Around a bulk insert of articles and their links: index each article once, at the end.

    Yields a list for the new articles' ids. On PostgreSQL, articles inserted meanwhile get no
    search vector and their bylines' and taggings' triggers wait (migration 0015); on leaving,
    each listed article gets its names and its whole vector in one update, instead of being
    written again by every statement of links. Left by an error, nothing is indexed: the
    enclosing savepoint's rollback takes the articles and the setting with it. SQLite's row
    triggers index rows as they come.
    """
    connection = connections[using]
    ids = []
    if connection.vendor != "postgresql":
        yield ids
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, 'deferred', true)", [SETTING])
    yield ids
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, '', true)", [SETTING])
        cursor.execute("SELECT articles_article_index(%s::bigint[])", [ids])
