"""The benchmark's synthetic archive is deterministic, realistic in shape and loads cleanly."""

import statistics
from collections import Counter

import pytest

from articles.models import Article, ArticleAuthor, TaggedArticle
from bench import data
from bench.data import Archive
from tests.factories import file_access_forbidden


@pytest.fixture(scope="module")
def archive():
    return Archive()


def test_the_same_seed_writes_the_same_archive(archive):
    assert Archive().file(7) == archive.file(7)


def test_another_seed_writes_another_archive(archive):
    assert Archive(seed=99).file(7) != archive.file(7)


def test_the_cast_is_a_few_hundred_authors_issues_and_tags(archive):
    sizes = (len(archive.authors), len(archive.issues), len(set(archive.tags)))
    assert sizes == (300, 300, 300)


def test_every_article_has_three_to_eight_distinct_tags(archive):
    counts = {len(set(archive.article(i).tags)) for i in range(500)}
    assert counts <= set(range(3, 9))


def test_tags_follow_a_zipf_curve(archive):
    uses = Counter(tag for i in range(2000) for tag in archive.article(i).tags)
    ranked = [count for _, count in uses.most_common()]
    assert ranked[0] > 10 * statistics.median(ranked)


def test_article_text_is_french_and_a_few_hundred_words_long(archive):
    words = [len(archive.article(i).body.split()) for i in range(200)]
    text = " ".join(archive.article(i).body for i in range(20)).split()
    assert (200 < statistics.median(words) < 1500, text.count("de") > 50) == (True, True)


@pytest.mark.parametrize(
    ("index", "signature"),
    [
        (0, "This article was written on"),
        (1, "Publié le"),
        (2, "Publié par le"),
        (4, "Scroll Top"),
    ],
)
def test_files_follow_the_layouts_of_the_real_corpus(archive, index, signature):
    assert signature in archive.file(index)[0]


def test_a_file_of_several_posts_holds_each_post_title(archive):
    text, held = archive.file(5)
    titles = [archive.article(5 * 10 + k).title for k in range(held)]
    assert (held > 1, all(title in text for title in titles)) == (True, True)


def test_write_files_writes_one_txt_file_per_index_and_counts_articles(tmp_path, archive):
    articles = data.write_files(tmp_path, 12, archive)
    expected = sum(archive.file(i)[1] for i in range(12))
    assert (len(list(tmp_path.glob("*.txt"))), articles) == (12, expected)


def test_queries_are_distinct_one_and_two_word_french_queries(archive):
    queries = archive.queries(200)
    lengths = Counter(min(len(query.split()), 2) for query in queries)
    assert (len(set(queries)), lengths[1] > 50, lengths[2] > 50) == (200, True, True)


@pytest.mark.django_db
def test_insert_fills_an_empty_database_with_linked_rows(archive):
    counts = data.insert(60, archive, batch=25)
    stored = (
        Article.objects.count(),
        ArticleAuthor.objects.count(),
        TaggedArticle.objects.count(),
    )
    assert stored == (counts["articles"], counts["bylines"], counts["taggings"])


@pytest.mark.django_db
def test_inserted_articles_read_back_as_the_orm_writes_them(archive):
    data.insert(30, archive)
    article = Article.objects.get(pk=3)
    expected = archive.article(2, 30)
    assert (article.title, article.import_warnings, len(article.tags.all())) == (
        expected.title,
        [],
        len(expected.tags),
    )


@pytest.mark.django_db
def test_inserted_articles_are_mostly_published_and_dated(archive):
    data.insert(200, archive)
    assert Article.objects.published().count() > 150


def test_three_articles_in_five_have_a_lead_image(archive):
    pictured = [archive.article(i).image is not None for i in range(2000)]
    assert 0.55 < statistics.mean(pictured) < 0.65


@pytest.mark.django_db
def test_pages_show_inserted_lead_images_from_their_name_and_size_alone(client, archive, media):
    """The archive's images have no file: pages build their versions' addresses and sizes
    from the row, as they do for uploaded ones."""
    counts = data.insert(40, archive)
    article = Article.objects.published().exclude(image="").first()
    urls = ["/", "/articles/", article.get_absolute_url(), "/flux/rss/"]
    with file_access_forbidden():
        pages = [client.get(url) for url in urls]
    small = article.lead_image.versions[0][0].url

    assert (
        counts["lead_images"],
        [page.status_code for page in pages],
        all(small in page.text for page in pages[1:3]),
        f'width="{article.lead_image.page[1][0]}"' in pages[2].text,
    ) == (Article.objects.exclude(image="").count(), [200] * 4, True, True)


@pytest.mark.django_db
def test_new_articles_after_an_insert_get_fresh_ids(archive):
    data.insert(20, archive)
    article = Article.objects.create(title="Après le chargement")
    assert article.pk > 20


@pytest.mark.django_db
def test_insert_refuses_a_database_that_already_holds_articles(archive):
    data.insert(5, archive)
    with pytest.raises(RuntimeError):
        data.insert(5, archive)


def test_generated_files_parse_into_the_articles_they_hold(archive):
    pytest.importorskip("articles.importing.parser")
    from articles import importing

    files = [archive.file(index) for index in range(24)]
    parsed = [len(importing.parse_bytes(text.encode()).articles) for text, _ in files]
    assert parsed == [held for _, held in files]
