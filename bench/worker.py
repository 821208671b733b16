"""`python -m bench.worker TASK ARGUMENTS_JSON ANSWER_FILE`: one Django-side benchmark task.

Started by bench.databases.run_worker with the DATABASE_URL of a benchmark database; writes
its answer as JSON to ANSWER_FILE (stdout stays free for progress and warnings).
"""

import json
import os
import sys
from pathlib import Path


def tasks():
    from articles.caching import bump_generation
    from bench import backoffice, data, importing, pages, search

    return {
        "insert": data.insert_task,
        "plan": pages.plan,
        "queries": pages.count_queries,
        "search": search.measure,
        "changelist": backoffice.measure_changelist,
        "parse": importing.measure_parser,
        "invalidate": bump_generation,
        "count_articles": count_articles,
    }


def count_articles():
    from articles.models import Article

    return Article.objects.count()


def main(argv):
    task, arguments, answer = argv[1], json.loads(argv[2]), Path(argv[3])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "encontact.settings")
    import django

    django.setup()
    result = tasks()[task](**arguments)
    answer.write_text(json.dumps(result, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main(sys.argv)
