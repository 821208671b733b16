"""Nothing an editor types or the importer reads can run script in a reader's or editor's browser.

Every text field a page shows (title, standfirst, body, lead image's alt text and caption, photo
credit, interviewee, author name, role and bio, tag, section, issue title and editorial) holds one
of four payloads: a script element, an image with an `onerror` handler, a `javascript:` URL and a
`</script>` that would close the JSON-LD block; bodies also hold them as Markdown links and
images. Half of the content comes from the factories, the other half is typed by an editor into
the back office's real forms. Then every public page, feed and back office
page that shows it is parsed (tests/security/inert.py) and must hold no live script.

The magazine is built once for the module and rolled back after it.
"""

from datetime import timedelta
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Issue, Section, Tag
from authors.models import Author
from tests.admin.helpers import local
from tests.conftest import skip_or_fail
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    IssueFactory,
    SectionFactory,
    image_file,
)
from tests.security.inert import PAYLOADS, feed_problems, html_problems, json_ld_blocks

pytestmark = pytest.mark.usefixtures("db")

SEARCH_WORD = "téléconseiller"


def texts(payload, n, source):
    """The hostile text of every field, told apart by `n` and `source` where it must be unique."""
    return {
        "author": f"Camille {payload} Auteur{n}{source}",
        "role": payload,
        "bio": f"Biographie {payload}",
        "handle": payload[:100],
        "tag": f"{payload} {n}{source}",
        "section": f"Rubrique {n}{source} {payload}",
        "issue_number": 900 + n + (10 if source == "admin" else 0),
        "issue_title": payload,
        "editorial": f"Éditorial {payload}",
        "title": f"{payload} titre {n}{source}",
        "standfirst": f"Chapô {payload}",
        "body": (
            f"Le {SEARCH_WORD} lit {payload} sans broncher.\n\n{payload}\n\n"
            f"Pourquoi {payload} ?\n\n* Note {payload}\n\n[lien]({payload}) "
            f"[autre](javascript:alert(1)) ![{payload}](javascript:alert(1)) "
            f"![{payload}](/media/photo.jpg)"
        ),
        "image_alt": payload,
        "image_caption": f"Légende {payload}",
        "photo_credit": payload,
        "interviewee": payload,
    }


def from_factories(payload, n, when):
    t = texts(payload, n, "factories")
    author = AuthorFactory(name=t["author"], role=t["role"], bio=t["bio"], handle=t["handle"])
    return ArticleFactory(
        title=t["title"],
        standfirst=t["standfirst"],
        body=t["body"],
        kind=Article.Kind.INTERVIEW,
        interviewee=t["interviewee"],
        photo_credit=t["photo_credit"],
        image=image_file(f"photo-{n}.jpg", (640, 400)),
        image_alt=t["image_alt"],
        image_caption=t["image_caption"],
        authors=[author],
        tag_names=[t["tag"]],
        issue=IssueFactory(
            number=t["issue_number"], title=t["issue_title"], editorial=t["editorial"]
        ),
        section=SectionFactory(name=t["section"]),
        published_at=when,
    )


def management(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": 0,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def typed_in_admin(client, payload, n, when):
    """An editor creates the author, tag, section, issue and article with the admin's forms.

    Returns the article and the pages the admin answered with (its messages name the objects).
    """
    t = texts(payload, n, "admin")
    pages = []

    def add(model, data):
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        response = client.post(url, data, follow=True)
        assert response.redirect_chain, f"{model.__name__} not saved: {response.context}"
        pages.append(response.text)

    add(Author, {"name": t["author"], "role": t["role"], "bio": t["bio"], "handle": t["handle"]})
    add(Tag, {"name": t["tag"]})
    add(Section, {"name": t["section"]})
    add(
        Issue,
        {
            "number": t["issue_number"],
            "title": t["issue_title"],
            "editorial": t["editorial"],
            **management("articles"),
        },
    )
    author = Author.objects.get(name=t["author"])
    add(
        Article,
        {
            "title": t["title"],
            "kind": Article.Kind.INTERVIEW,
            "standfirst": t["standfirst"],
            "body": t["body"],
            "interviewee": t["interviewee"],
            "photo_credit": t["photo_credit"],
            "image": SimpleUploadedFile(
                f"admin-{n}.jpg", image_file(size=(640, 400)).read(), "image/jpeg"
            ),
            "image_alt": t["image_alt"],
            "image_caption": t["image_caption"],
            "section": Section.objects.get(name=t["section"]).pk,
            "issue": Issue.objects.get(number=t["issue_number"]).pk,
            "issue_position": n,
            "status": Article.Status.PUBLISHED,
            "published_at_0": local(when, "%d/%m/%Y"),
            "published_at_1": local(when, "%H:%M:%S"),
            **management("bylines", 1),
            "bylines-0-author": author.pk,
            "bylines-0-position": 0,
            **management("taggedarticle_set", 1),
            "taggedarticle_set-0-tag": Tag.objects.get(name=t["tag"]).pk,
            **management("body_images"),
        },
    )
    return Article.objects.get(title=t["title"]), pages


@pytest.fixture(scope="module")
def hostile(django_db_setup, django_db_blocker, tmp_path_factory):
    """Eight published articles full of payloads: four from factories, four typed in the admin."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        user = Group.objects.get(name="Éditeur").user_set.create(username="xss", is_staff=True)
        admin = Client()
        admin.force_login(user)
        now = timezone.now()
        articles, admin_pages = [], []
        for n, payload in enumerate(PAYLOADS):
            articles.append(from_factories(payload, n, now - timedelta(days=n + 1)))
            article, pages = typed_in_admin(admin, payload, n, now - timedelta(days=n + 10))
            articles.append(article)
            admin_pages += pages
        articles = list(
            Article.objects.filter(pk__in=[a.pk for a in articles])
            .select_related("issue", "section")
            .prefetch_related("authors", "tags")
        )
        yield {"articles": articles, "admin": admin, "admin_pages": admin_pages}
        transaction.set_rollback(True)
    cache.clear()


def objects(hostile, kind):
    articles = hostile["articles"]
    if kind == "article":
        return articles
    if kind == "author":
        return [article.authors.all()[0] for article in articles]
    if kind == "tag":
        return [article.tags.all()[0] for article in articles]
    return [getattr(article, kind) for article in articles]


def each(kind, pattern):
    return lambda hostile: [pattern(obj) for obj in objects(hostile, kind)]


def filtered_list(article):
    author, tag = article.authors.all()[0], article.tags.all()[0]
    return (
        f"/articles/?q={quote(SEARCH_WORD)}&tag={tag.slug}&author={author.slug}"
        f"&section={article.section.slug}&issue={article.issue.number}"
    )


# Pages a reader sees, as functions of the hostile magazine; each must answer 200.
PUBLIC_PAGES = {
    "home": lambda h: ["/"],
    "list": lambda h: ["/articles/", "/articles/?page=1"],
    "list-with-every-filter": each("article", filtered_list),
    "search-with-highlight": lambda h: [
        f"/recherche/?q={quote(SEARCH_WORD)}",
        "/recherche/?q=alert",
    ],
    "article": each("article", lambda a: a.get_absolute_url()),
    "tag": each("tag", lambda t: t.get_absolute_url()),
    "author": each("author", lambda a: a.get_absolute_url()),
    "issue": each("issue", lambda i: i.get_absolute_url()),
    "section": each("section", lambda s: s.get_absolute_url()),
    "year": lambda h: [f"/archives/{timezone.localtime().year}/"],
    "indexes": lambda h: ["/numeros/", "/rubriques/", "/auteurs/", "/mots-cles/?tri=a-z"],
}
# Reflected input: the reader's own query and address come back in the page.
REFLECTED_PAGES = {
    "search-query": (200, [f"/recherche/?q={quote(payload)}" for payload in PAYLOADS]),
    "list-query": (200, [f"/articles/?q={quote(payload)}" for payload in PAYLOADS]),
    "not-found-address": (404, [f"/{quote(payload)}" for payload in PAYLOADS]),
    "unknown-filter": (404, [f"/articles/?tag={quote(payload)}" for payload in PAYLOADS]),
}
FEEDS = {
    "rss": lambda h: ["/flux/rss/"],
    "atom": lambda h: ["/flux/atom/"],
    "tag-feeds": each("tag", lambda t: f"/flux/mots-cles/{t.slug}/rss/"),
    "tag-atom-feeds": each("tag", lambda t: f"/flux/mots-cles/{t.slug}/atom/"),
    "author-feeds": each("author", lambda a: f"/flux/auteurs/{a.slug}/rss/"),
    "author-atom-feeds": each("author", lambda a: f"/flux/auteurs/{a.slug}/atom/"),
    "issue-feeds": each("issue", lambda i: f"/flux/numeros/{i.number}/rss/"),
    "issue-atom-feeds": each("issue", lambda i: f"/flux/numeros/{i.number}/atom/"),
}


def admin_url(name, *args):
    return reverse(f"admin:{name}", args=args)


ADMIN_PAGES = {
    "article-list": lambda h: [admin_url("articles_article_changelist")],
    "article-list-search": lambda h: [admin_url("articles_article_changelist") + "?q=alert"],
    "article-form": each("article", lambda a: admin_url("articles_article_change", a.pk)),
    "article-history": each("article", lambda a: admin_url("articles_article_history", a.pk)),
    "preview": each("article", lambda a: reverse("articles:preview", args=[a.pk])),
    "author-list": lambda h: [admin_url("authors_author_changelist")],
    "author-form": each("author", lambda a: admin_url("authors_author_change", a.pk)),
    "author-delete": each("author", lambda a: admin_url("authors_author_delete", a.pk)),
    "tag-list": lambda h: [admin_url("articles_tag_changelist")],
    "tag-form": each("tag", lambda t: admin_url("articles_tag_change", t.pk)),
    "tag-delete": each("tag", lambda t: admin_url("articles_tag_delete", t.pk)),
    "issue-list": lambda h: [admin_url("articles_issue_changelist")],
    "issue-form": each("issue", lambda i: admin_url("articles_issue_change", i.pk)),
    "section-list": lambda h: [admin_url("articles_section_changelist")],
    "section-delete": each("section", lambda s: admin_url("articles_section_delete", s.pk)),
}


def inspect(client, urls, check, status=200):
    """Problems of every page, prefixed by its address; a page with another status is one."""
    problems = []
    for url in urls:
        response = client.get(url)
        if response.status_code != status:
            problems.append(f"{url}: HTTP {response.status_code}")
        problems += [f"{url}: {problem}" for problem in check(response.content.decode())]
    return problems


def test_hostile_text_is_stored_as_typed(hostile):
    """Escaping happens on output: what editors type is kept exactly (and reaches the pages)."""
    stored = {
        (a.title, a.photo_credit, a.image_alt, a.authors.all()[0].role) for a in hostile["articles"]
    }
    expected = {
        (texts(payload, n, source)["title"], payload, payload, payload)
        for n, payload in enumerate(PAYLOADS)
        for source in ("factories", "admin")
    }

    assert stored == expected


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_public_page_is_inert(hostile, page):
    assert inspect(Client(), PUBLIC_PAGES[page](hostile), html_problems) == []


@pytest.mark.parametrize("page", REFLECTED_PAGES)
def test_reflected_input_is_inert(hostile, page):
    status, urls = REFLECTED_PAGES[page]

    assert inspect(Client(), urls, html_problems, status) == []


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_is_inert(hostile, feed):
    assert inspect(Client(), FEEDS[feed](hostile), feed_problems) == []


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_back_office_page_is_inert(hostile, page):
    assert inspect(hostile["admin"], ADMIN_PAGES[page](hostile), html_problems) == []


def test_back_office_messages_after_saving_are_inert(hostile):
    problems = [problem for page in hostile["admin_pages"] for problem in html_problems(page)]

    assert (len(hostile["admin_pages"]), problems) == (5 * len(PAYLOADS), [])


def test_bulk_action_step_listing_the_articles_is_inert(hostile):
    response = hostile["admin"].post(
        admin_url("articles_article_changelist"),
        {"action": "assign_issue", "_selected_action": [a.pk for a in hostile["articles"]]},
    )

    assert (response.status_code, html_problems(response.text)) == (200, [])


def test_body_preview_of_the_editor_is_inert(hostile):
    """The live preview shows the body being typed: the same sanitised HTML as the page."""
    url = admin_url("articles_article_body_preview")
    bodies = [texts(payload, n, "admin")["body"] for n, payload in enumerate(PAYLOADS)]
    responses = [hostile["admin"].post(url, {"body": body, "kind": "interview"}) for body in bodies]

    assert [(r.status_code, html_problems(r.text)) for r in responses] == [(200, [])] * len(
        PAYLOADS
    )


def test_json_ld_holds_hostile_text_as_data(hostile):
    """The `</script>` payload stays inside the JSON-LD block, which still says the right thing."""
    client = Client()
    blocks = [
        json_ld_blocks(client.get(article.get_absolute_url()).text)
        for article in hostile["articles"]
    ]

    assert [
        (len(found), found[0]["headline"], found[0]["author"][0]["name"]) for found in blocks
    ] == [(1, a.title, a.authors.all()[0].name) for a in hostile["articles"]]


def test_search_excerpts_are_escaped_but_still_highlighted(hostile):
    """Excerpts carry raw markup (PostgreSQL's ts_headline drops <script> but keeps <img …>)."""
    response = Client().get("/recherche/", {"q": SEARCH_WORD})
    excerpts = [article.excerpt for article in response.context["articles"]]

    assert (
        len(excerpts),
        any("<img src=x onerror" in excerpt for excerpt in excerpts),
        response.text.count("<mark>") >= len(excerpts),
        html_problems(response.text),
    ) == (len(hostile["articles"]), True, True, [])


# Through the importer ----------------------------------------------------------------------

ARCHIVE_PAGE = """Le magazine indépendant et international du BPO, du CRM et de l'expérience client.

{title}

Publié le 25 avril 2018 à 09:42 par Magazine En-Contact
{title}

Édito n°84 /

Le {word} lit {payload} sans broncher, et la relation client continue son chemin.

Deuxième paragraphe : {payload} puis un lien javascript:alert(1) au milieu du texte.

Par Jean {payload} Dupont
@jdupont

A lire aussi
"""


@pytest.fixture
def importer():
    try:
        from articles.importing.pipeline import SourceFile, import_sources
        from articles.importing.writer import Importer
    except ImportError as error:
        skip_or_fail(f"The archive parser is not importable yet: {error}")
    return Importer, SourceFile, import_sources


def archive_page(payload):
    title = f"{payload} au centre d'appels"
    return ARCHIVE_PAGE.format(title=title, word=SEARCH_WORD, payload=payload)


def test_imported_archive_pages_stay_inert(importer, editor):
    Importer, SourceFile, import_sources = importer
    sources = [
        SourceFile(f"evil-{n}.txt", archive_page(payload).encode())
        for n, payload in enumerate(PAYLOADS)
    ]
    list(import_sources(Importer(status=Article.Status.PUBLISHED), sources))
    articles = list(
        Article.objects.filter(source_file__startswith="evil-").prefetch_related("authors")
    )
    stored = " ".join(
        f"{a.title} {a.body} {' '.join(author.name for author in a.authors.all())}"
        for a in articles
    )
    admin = Client()
    admin.force_login(editor)
    urls = [a.get_absolute_url() for a in articles] + ["/articles/", "/recherche/?q=alert"]
    urls += [author.get_absolute_url() for a in articles for author in a.authors.all()]
    admin_urls = [admin_url("articles_article_changelist")]
    admin_urls += [admin_url("articles_article_change", a.pk) for a in articles]

    assert (
        len(articles),
        [payload for payload in PAYLOADS if payload not in stored],
        inspect(Client(), urls, html_problems),
        inspect(Client(), ["/flux/rss/", "/flux/atom/"], feed_problems),
        inspect(admin, admin_urls, html_problems),
    ) == (len(PAYLOADS), [], [], [], [])


def test_import_page_report_of_hostile_files_is_inert(importer, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    admin = Client()
    admin.force_login(editor)
    files = [
        SimpleUploadedFile(f"evil-{n}.txt", archive_page(payload).encode(), "text/plain")
        for n, payload in enumerate(PAYLOADS)
    ]
    response = admin.post(  # to the job's page: it has run (tests/conftest.py), its report shows
        admin_url("articles_article_import"), {"files": files, "status": "published"}, follow=True
    )

    imported = Article.objects.filter(source_file__startswith="evil-").count()

    assert (response.status_code, imported, html_problems(response.text)) == (
        200,
        len(PAYLOADS),
        [],
    )
