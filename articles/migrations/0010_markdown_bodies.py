"""Bodies become Markdown: every body written so far is plain text, escaped and rendered.

Plain text is escaped where Markdown would read markup (articles.bodies.from_plain_text), in
articles and in their revisions, so that restoring an old revision brings back Markdown too.
An imported article that editors had not changed stays "unchanged since import": its import
fingerprint follows its new body, else the next import of a changed source would call it a
conflict.
"""

import hashlib

from django.db import migrations

from articles import bodies

BATCH = 500


def fingerprint(article):
    """Article.content_fingerprint() as of this migration (frozen: models may change later)."""
    parts = [
        article.title,
        article.standfirst,
        article.body,
        article.kind,
        article.photo_credit,
        article.interviewee,
        str(article.issue_id),
        str(article.section_id),
        article.published_at.isoformat() if article.published_at else "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def in_batches(queryset):
    """The rows of `queryset` a batch at a time, read before any is written (SQLite reads and
    writes a table through one connection, which would see its own updates while iterating)."""
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        yield list(queryset.filter(pk__in=ids[start : start + BATCH]))


def to_markdown(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for articles in in_batches(Article.objects.all()):
        for article in articles:
            unchanged_since_import = article.import_fingerprint == fingerprint(article)
            article.body = bodies.from_plain_text(article.body)
            article.body_html = bodies.render(article.body, article.kind)
            if unchanged_since_import:
                article.import_fingerprint = fingerprint(article)
        Article.objects.bulk_update(articles, ["body", "body_html", "import_fingerprint"])

    HistoricalArticle = apps.get_model("articles", "HistoricalArticle")
    for revisions in in_batches(HistoricalArticle.objects.only("body")):
        for revision in revisions:
            revision.body = bodies.from_plain_text(revision.body)
        HistoricalArticle.objects.bulk_update(revisions, ["body"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_lead_image_and_rendered_body")]

    operations = [migrations.RunPython(to_markdown, migrations.RunPython.noop, elidable=True)]
