"""Helpers for the back office tests: addresses, form data, actions as the admin posts them."""

from django.urls import reverse
from django.utils import timezone

CHANGELIST = "admin:articles_article_changelist"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def local(moment, pattern):
    return timezone.localtime(moment).strftime(pattern) if moment else ""


def issue_contents_data(article, **row):
    """The issue page's form posting `article` as its only contents row, plus `row` fields."""
    issue = article.issue
    data = {
        "number": issue.number,
        "title": issue.title,
        "editorial": "",
        "articles-TOTAL_FORMS": 1,
        "articles-INITIAL_FORMS": 1,
        "articles-MIN_NUM_FORMS": 0,
        "articles-MAX_NUM_FORMS": 1000,
        "articles-0-id": article.pk,
        "articles-0-issue": issue.pk,
        "articles-0-issue_position": 1,
        "articles-0-title": article.title,
        "articles-0-kind": article.kind,
        "articles-0-section": "",
    }
    data.update({f"articles-0-{name}": value for name, value in row.items()})
    return data


def article_form_data(article, **changes):
    """What the article change form posts, inline management forms included."""
    data = {
        "title": article.title,
        "slug": article.slug,
        "kind": article.kind,
        "standfirst": article.standfirst,
        "body": article.body,
        "interviewee": article.interviewee,
        "photo_credit": article.photo_credit,
        "section": article.section_id or "",
        "issue": article.issue_id or "",
        "issue_position": article.issue_position,
        "status": article.status,
        "published_at_0": local(article.published_at, "%d/%m/%Y"),
        "published_at_1": local(article.published_at, "%H:%M:%S"),
        "needs_review": "on" if article.needs_review else "",
    }
    saved = article.pk is not None
    for prefix, rows, fields in [
        ("bylines", saved and article.bylines.order_by("position"), ["author", "position"]),
        (
            "taggedarticle_set",
            saved and article.taggedarticle_set.order_by("pk"),
            ["tag", "suggested"],
        ),
        ("body_images", saved and article.body_images.order_by("pk"), ["alt"]),
    ]:
        rows = list(rows) if saved else []
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": len(rows),
                f"{prefix}-INITIAL_FORMS": len(rows),
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
        for i, row in enumerate(rows):
            data[f"{prefix}-{i}-id"] = row.pk
            parent = "content_object" if prefix == "taggedarticle_set" else "article"
            data[f"{prefix}-{i}-{parent}"] = article.pk
            for field in fields:
                value = getattr(row, f"{field}_id", getattr(row, field))
                if isinstance(value, bool):
                    value = "on" if value else ""
                data[f"{prefix}-{i}-{field}"] = value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def run_action(client, action, objects, url=CHANGELIST, follow=False):
    """Choose `action` for `objects` on a changelist, as the action bar does."""
    return client.post(
        reverse(url),
        {"action": action, "_selected_action": [obj.pk for obj in objects], "index": 0},
        follow=follow,
    )


def apply_action(client, action, objects, url=CHANGELIST, **fields):
    """Submit the intermediate page of `action` with `fields`."""
    return client.post(
        reverse(url),
        {"action": action, "_selected_action": [obj.pk for obj in objects], "apply": "1", **fields},
    )
