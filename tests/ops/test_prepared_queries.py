"""On PostgreSQL, queries are sent with their parameters apart and prepared once repeated.

A public page runs the same few queries at every request; prepared, PostgreSQL stops planning
them each time (encontact/settings.py, docs/deployment.md).
"""

import pytest
from django.db import connection

from articles.models import Article


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db
def test_a_repeated_query_is_prepared_whatever_its_parameters(postgres_only):
    for number in range(6):  # psycopg prepares a query on its fifth run
        list(Article.objects.filter(title=f"Titre {number}"))

    assert [sql for sql in prepared_statements() if '"title" = $1' in sql] != []
