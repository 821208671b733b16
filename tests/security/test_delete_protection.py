"""Deleting loses no content: what articles use cannot be deleted, articles are archived, and
every revision of an article stays, even after a superuser's delete.

Authors (through bylines), issues, sections and tags (through their links to articles) are
PROTECTed in the database; the back office says why and what to do instead (merge, move).
Editors hold the delete permission on all four, so a refusal here is the protection at work,
not a missing permission.
"""

import html
import re

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from articles.models import Article, ArticleAuthor, Tag, TaggedArticle
from authors.models import Author
from tests.admin.helpers import article_form_data, change_url, issue_contents_data, run_action
from tests.conftest import logged_in
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    IssueFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

Status = Article.Status


def used_author():
    return ArticleFactory(title="Signé", authors=[AuthorFactory()]).authors.get()


def used_issue():
    return ArticleFactory(title="Au sommaire", issue=IssueFactory()).issue


def used_section():
    return ArticleFactory(title="En rubrique", section=SectionFactory()).section


def used_tag():
    return ArticleFactory(title="Étiqueté", tag_names=["relation client"]).tags.get()


def suggested_tag():
    article = ArticleFactory(title="Suggéré")
    tag = TagFactory(name="suggestion")
    TaggedArticle.objects.create(content_object=article, tag=tag, suggested=True)
    return tag


USED = {
    "author": (used_author, AuthorFactory, "Signé"),
    "issue": (used_issue, IssueFactory, "Au sommaire"),
    "section": (used_section, SectionFactory, "En rubrique"),
    "tag": (used_tag, TagFactory, "Étiqueté"),
    "tag-only-suggested": (suggested_tag, TagFactory, "Suggéré"),
}
# The clear French sentence each refusal shows: why, and what to do instead.
REFUSAL = {
    "author": "signe 1 article : fusionnez-le avec un autre auteur",
    "issue": "contient 1 article : rattachez-les à un autre numéro",
    "section": "classe 1 article : changez-les de rubrique",
    "tag": "est utilisé par 1 article : fusionnez-le avec un autre",
    "tag-only-suggested": "est utilisé par 1 article : fusionnez-le avec un autre",
}
# What Django says when the real reason is hidden behind a permission the editor lacks.
MISLEADING = ["permission", "autorisé"]


def visible(response):
    """The page's text as an editor reads it, tags left out."""
    return html.unescape(re.sub(r"<[^>]+>", "", response.text))


def admin_url(obj, view, *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def links(obj):
    """What ties `obj` to articles, counted: it must not change."""
    if isinstance(obj, Author):
        return ArticleAuthor.objects.filter(author=obj).count()
    if isinstance(obj, Tag):
        return TaggedArticle.objects.filter(tag=obj).count()
    return obj.articles.count()


@pytest.mark.parametrize("kind", USED)
def test_editor_may_delete_what_articles_do_not_use(editor_client, kind):
    """The control: the same delete works on an unused row, so a refusal below is protection."""
    obj = USED[kind][1]()

    editor_client.post(admin_url(obj, "delete", obj.pk), {"post": "yes"})

    assert type(obj).objects.filter(pk=obj.pk).exists() is False


@pytest.mark.parametrize("kind", USED)
def test_deleting_what_articles_use_is_refused_with_a_clear_message(editor_client, kind):
    obj = USED[kind][0]()
    before = links(obj)

    response = editor_client.post(admin_url(obj, "delete", obj.pk), {"post": "yes"})

    assert (
        response.status_code,
        type(obj).objects.filter(pk=obj.pk).exists(),
        links(obj),
        REFUSAL[kind] in visible(response),
        [word for word in MISLEADING if word in visible(response)],
    ) == (200, True, before, True, [])


@pytest.mark.parametrize("kind", ["author", "issue", "section", "tag"])
def test_refusal_links_to_the_articles_that_use_it(editor_client, kind):
    make, _, title = USED[kind]
    obj = make()
    page = editor_client.get(admin_url(obj, "delete", obj.pk))
    link = re.search(r'<a href="([^"]+)">1 article</a>', page.text)

    listed = editor_client.get(html.unescape(link.group(1))).context["cl"].result_list

    assert [article.title for article in listed] == [title]


@pytest.mark.parametrize("kind", USED)
def test_bulk_delete_with_one_used_row_deletes_nothing(editor_client, kind):
    make, unused, _ = USED[kind]
    used, spare = make(), unused()
    model = type(used)

    response = editor_client.post(
        admin_url(used, "changelist"),
        {"action": "delete_selected", "_selected_action": [used.pk, spare.pk], "post": "yes"},
    )

    assert (
        model.objects.filter(pk__in=[used.pk, spare.pk]).count(),
        links(used),
        REFUSAL[kind] in visible(response),
        [word for word in MISLEADING if word in visible(response)],
    ) == (2, 1, True, [])


@pytest.mark.parametrize("make", [used_author, used_issue, used_section, used_tag, suggested_tag])
def test_the_database_refuses_too(make):
    """PROTECT holds whatever deletes: a script, the shell, a future admin page."""
    obj = make()

    with pytest.raises(ProtectedError):
        obj.delete()


# Articles: archived, never deleted, by the newsroom -------------------------------------


@pytest.mark.parametrize("user", ["editor", "contributor"])
def test_newsroom_is_not_offered_to_delete_an_article(request, user):
    client = logged_in(request.getfixturevalue(user))
    article = ArticleFactory(status=Status.DRAFT)

    form = client.get(change_url(article))
    changelist = client.get(reverse("admin:articles_article_changelist"))
    actions = {name for name, _ in changelist.context["action_form"].fields["action"].choices}

    assert (
        form.context["has_delete_permission"],
        reverse("admin:articles_article_delete", args=[article.pk]) in form.text,
        "delete_selected" in actions,
    ) == (False, False, False)


@pytest.mark.parametrize("user", ["editor", "contributor"])
def test_crafted_delete_posts_leave_the_article_in_place(request, user):
    client = logged_in(request.getfixturevalue(user))
    article = ArticleFactory(status=Status.DRAFT)

    page = client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    run_action(client, "delete_selected", [article])
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )

    assert (page.status_code, Article.objects.filter(pk=article.pk).exists()) == (403, True)


def test_issue_contents_cannot_delete_an_article(editor_client):
    """The issue page's table of contents has no delete box, even in a crafted POST."""
    article = ArticleFactory(title="Au sommaire", issue=IssueFactory(number=84))
    issue = article.issue
    data = issue_contents_data(article, DELETE="on")

    response = editor_client.post(reverse("admin:articles_issue_change", args=[issue.pk]), data)

    assert (response.status_code, Article.objects.filter(pk=article.pk).exists()) == (302, True)


def test_archiving_takes_an_article_off_the_site_and_keeps_it(editor_client, client):
    article = ArticleFactory(status=Status.PUBLISHED)

    run_action(editor_client, "archive", [article])
    article.refresh_from_db()

    assert (
        article.status,
        client.get(article.get_absolute_url()).status_code,
        article.history.latest().history_change_reason,
    ) == (Status.ARCHIVED, 404, "Archivage")


# Revisions --------------------------------------------------------------------------------


def test_every_edit_is_kept_as_a_revision(editor_client):
    article = ArticleFactory(title="Version 1", status=Status.DRAFT)
    for n in (2, 3, 4):
        article.refresh_from_db()
        editor_client.post(change_url(article), article_form_data(article, title=f"Version {n}"))

    titles = list(article.history.order_by("history_date").values_list("title", flat=True))

    assert titles == ["Version 1", "Version 2", "Version 3", "Version 4"]


def test_revisions_outlive_a_superusers_delete(admin_client):
    article = ArticleFactory(title="Version 1", status=Status.DRAFT)
    admin_client.post(change_url(article), article_form_data(article, title="Version 2"))
    pk = article.pk

    admin_client.post(reverse("admin:articles_article_delete", args=[pk]), {"post": "yes"})
    kept = list(
        Article.history.filter(id=pk).order_by("history_date").values_list("title", "history_type")
    )

    assert (Article.objects.filter(pk=pk).exists(), kept) == (
        False,
        [("Version 1", "+"), ("Version 2", "~"), ("Version 2", "-")],
    )


def test_a_deleted_article_can_be_restored_from_its_last_revision(admin_client):
    article = ArticleFactory(title="À sauver", status=Status.PUBLISHED)
    pk = article.pk
    admin_client.post(reverse("admin:articles_article_delete", args=[pk]), {"post": "yes"})

    Article.history.filter(id=pk).latest().instance.save()

    assert Article.objects.get(pk=pk).title == "À sauver"
