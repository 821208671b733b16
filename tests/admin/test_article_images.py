"""The back office's images and Markdown: lead image with thumbnail and alt text, images for the
body with their Markdown line, the thumbnail column, and the body's live preview."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, BodyImage
from tests.admin.helpers import CHANGELIST, article_form_data, change_url
from tests.admin.test_article_admin import CHANGELIST_QUERIES, make_articles
from tests.factories import ArticleFactory, image_file

pytestmark = pytest.mark.django_db

PREVIEW = "admin:articles_article_body_preview"


def upload(name="photo.jpg", size=(1600, 1000)):
    return SimpleUploadedFile(name, image_file(name, size).read(), "image/jpeg")


def test_editor_uploads_a_lead_image_with_its_alt_text_and_caption(editor_client, media):
    article = ArticleFactory(title="Le plateau")

    response = editor_client.post(
        change_url(article),
        article_form_data(
            article,
            image=upload(),
            image_alt="Un plateau d'appels",
            image_caption="Un matin de mars.",
        ),
    )
    article.refresh_from_db()

    assert (
        response.status_code,
        article.image.name.startswith("articles/"),
        (article.image_width, article.image_height),
        article.image_alt,
        article.image_caption,
        (media / article.image_small.name).exists(),
    ) == (302, True, (1600, 1000), "Un plateau d'appels", "Un matin de mars.", True)


def test_an_image_without_alt_text_is_refused(editor_client, media):
    article = ArticleFactory()

    response = editor_client.post(change_url(article), article_form_data(article, image=upload()))

    assert (response.status_code, response.context["adminform"].form.errors) == (
        200,
        {
            "image_alt": [
                "Décrivez l'image en quelques mots pour qui ne la voit pas (lecteurs d'écran)."
            ]
        },
    )


def test_image_field_shows_a_thumbnail(editor_client, media):
    article = ArticleFactory(image=image_file(), image_alt="Un plateau")

    text = editor_client.get(change_url(article)).text

    assert f'<img class="admin-thumbnail" src="{article.image_small.url}" alt="">' in text


def test_article_list_shows_a_thumbnail_column(editor_client, media):
    pictured = ArticleFactory(image=image_file(size=(800, 500)), image_alt="Un plateau")
    ArticleFactory(title="Sans image")

    text = editor_client.get(reverse(CHANGELIST)).text

    assert (
        text.count('class="admin-thumbnail"'),
        f'<img class="admin-thumbnail" src="{pictured.image_small.url}" width="96" height="60"'
        in text,
    ) == (1, True)


def test_thumbnails_add_no_query_to_the_article_list(
    editor_client, media, django_assert_num_queries
):
    make_articles(20)
    for article in Article.objects.all():
        article.image = image_file(f"photo-{article.pk}.jpg", (640, 400))
        article.image_alt = "Photo"
        article.save()

    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = editor_client.get(reverse(CHANGELIST))

    assert response.text.count('class="admin-thumbnail"') == 20


def test_body_image_inline_gives_the_markdown_line_to_paste(editor_client, media):
    article = ArticleFactory()
    image = BodyImage.objects.create(article=article, image=image_file(), alt="Le plateau")

    text = editor_client.get(change_url(article)).text

    assert (
        f'<code class="markdown-line">![Le plateau]({image.image_body.url})</code>' in text
    ) is True


def test_a_body_showing_an_uploaded_image_gives_it_its_size(editor_client, media):
    article = ArticleFactory()
    image = BodyImage.objects.create(
        article=article, image=image_file(size=(1600, 1000)), alt="Le plateau"
    )

    response = editor_client.post(
        change_url(article), article_form_data(article, body=f"Avant.\n\n{image.markdown()}")
    )
    article.refresh_from_db()

    assert (response.status_code, article.body_html) == (
        302,
        f'<p>Avant.</p>\n<p><img src="{image.image_body.url}" alt="Le plateau" '
        'loading="lazy" width="800" height="500"></p>\n',
    )


def test_body_preview_renders_the_markdown_being_typed(editor_client):
    response = editor_client.post(
        reverse(PREVIEW), {"body": "## Sous-titre\n\nUn *mot* ?", "kind": "interview"}
    )

    assert (response.status_code, response["Content-Type"], response.text) == (
        200,
        "text/html; charset=utf-8",
        '<h2>Sous-titre</h2>\n<p class="question">Un <em>mot</em> ?</p>\n',
    )


def test_body_preview_is_for_the_newsroom_only(client, editor_client, django_user_model):
    stranger = django_user_model.objects.create_user("staff", password="x", is_staff=True)
    stranger.user_permissions.add(Permission.objects.get(codename="view_article"))
    outsider = client.__class__()
    outsider.force_login(stranger)

    assert (
        client.post(reverse(PREVIEW), {"body": "x"}).status_code,
        outsider.post(reverse(PREVIEW), {"body": "x"}).status_code,
        editor_client.get(reverse(PREVIEW)).status_code,
    ) == (302, 403, 405)


def test_contributor_may_preview_a_body(contributor_client):
    response = contributor_client.post(reverse(PREVIEW), {"body": "*oui*"})

    assert (response.status_code, response.text) == (200, "<p><em>oui</em></p>\n")


def test_body_editor_loads_its_preview_script(editor_client):
    text = editor_client.get(reverse("admin:articles_article_add")).text

    assert (
        f'data-preview-url="{reverse(PREVIEW)}"' in text,
        "js/body-preview.js" in text,
    ) == (True, True)


def test_article_list_reads_neither_body_nor_its_html(editor_client):
    ArticleFactory(body="## Long\n\n" + "Texte. " * 500)

    with CaptureQueriesContext(connection) as queries:
        editor_client.get(reverse(CHANGELIST))
    rows = next(q["sql"] for q in queries if q["sql"].startswith('SELECT "articles_article"."id"'))

    assert ('."body_html"' in rows, '."body"' in rows, '."title"' in rows) == (False, False, True)
