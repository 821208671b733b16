"""Re-importing a changed source never undoes an editor's work, whatever field they changed.

The import fingerprint once covered the text fields, issue, section and date only: an editor's
corrected byline went back to the parsed author, and tags they removed came back.
"""

import json
from datetime import timedelta

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from articles.models import Article, TaggedArticle
from tests.factories import AuthorFactory, IssueFactory, SectionFactory, TagFactory

SOURCE = "002_985894ac4d837a21.txt"

pytestmark = pytest.mark.django_db


def run_import(folder):
    report = folder.parent / "report.json"
    call_command("import_corpus", str(folder), "--report", str(report))
    return json.loads(report.read_text(encoding="utf-8"))


def change_source(folder):
    path = folder / SOURCE
    path.write_text(path.read_text().replace("Depuis le temps", "Depuis si longtemps"))


def reimported(folder):
    change_source(folder)
    return run_import(folder)["summary"]


def test_a_corrected_byline_survives_a_changed_source(archive):
    run_import(archive)
    article = Article.objects.get(source_file=SOURCE)
    corrected = AuthorFactory(name="Auteur Corrigé")
    article.bylines.all().delete()
    article.bylines.create(author=corrected, position=0)

    summary = reimported(archive)

    names = [byline.author.name for byline in article.bylines.all()]
    assert (summary["conflicts"], names) == (1, ["Auteur Corrigé"])


def test_a_removed_tag_does_not_come_back(archive):
    run_import(archive)
    article = Article.objects.get(source_file=SOURCE)
    removed = TaggedArticle.objects.filter(content_object=article).first()
    removed.delete()

    summary = reimported(archive)

    back = TaggedArticle.objects.filter(content_object=article, tag=removed.tag).exists()
    assert (summary["conflicts"], back) == (1, False)


def test_an_accepted_suggestion_counts_as_an_edit(archive):
    run_import(archive)
    article = Article.objects.get(source_file=SOURCE)
    suggestions = TaggedArticle.objects.filter(content_object=article, suggested=True)
    accepted = suggestions.update(suggested=False)

    assert (accepted > 0, reimported(archive)["conflicts"]) == (True, 1)


def test_an_untouched_article_follows_its_changed_source(archive):
    run_import(archive)

    summary = reimported(archive)

    assert (summary["updated"], summary["conflicts"]) == (1, 0)


def test_an_article_imported_before_the_wider_fingerprint_is_still_updated(archive):
    run_import(archive)
    article = Article.objects.get(source_file=SOURCE)
    Article.objects.filter(pk=article.pk).update(
        import_fingerprint=article.legacy_content_fingerprint()
    )

    summary = reimported(archive)

    assert (summary["updated"], summary["conflicts"]) == (1, 0)


def admin_form_fields():
    """The model fields an editor can change on the article's admin form."""
    model_admin = admin.site._registry[Article]
    request = RequestFactory().get("/admin/")
    request.user = type("Superuser", (), {"is_superuser": True, "has_perm": lambda *a: True})()
    readonly = set(model_admin.get_readonly_fields(request))
    names = [
        name
        for _title, options in model_admin.get_fieldsets(request)
        for name in options["fields"]
        if name not in readonly
    ]
    model_fields = {field.name for field in Article._meta.concrete_fields}
    return [name for name in names if name in model_fields]


def changed_value(article, name):
    field = Article._meta.get_field(name)
    value = getattr(article, name)
    if name == "issue":
        return IssueFactory()
    if name == "section":
        return SectionFactory()
    if field.choices:
        return next(choice for choice, _label in field.choices if choice != value)
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if name == "published_at":
        return (value or timezone.now()) + timedelta(days=1)
    if hasattr(value, "name"):  # a file
        return "autre/fichier.jpg"
    return f"{value or ''} modifié"


def test_the_fingerprint_covers_every_field_of_the_admin_form(archive):
    run_import(archive)
    article = Article.objects.get(source_file=SOURCE)
    names = admin_form_fields()
    unchanged = []
    for name in names:
        before = article.content_fingerprint()
        value = changed_value(article, name)
        if hasattr(getattr(article, name), "name"):  # a file: no image to measure here
            article.__dict__[name] = value
        else:
            setattr(article, name, value)
        if article.content_fingerprint() == before:
            unchanged.append(name)

    assert (len(names) > 10, unchanged) == (True, [])


def test_the_fingerprint_covers_bylines_and_tags(archive):
    run_import(archive)
    article = Article.objects.get(source_file=SOURCE)
    before = article.content_fingerprint()
    article.tags.add(TagFactory(name="ajouté"))
    after_tag = article.content_fingerprint()
    article.bylines.create(author=AuthorFactory(), position=9)

    assert len({before, after_tag, article.content_fingerprint()}) == 3
