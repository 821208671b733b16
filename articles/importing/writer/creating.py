"""New articles in bulk: one insert per table for a whole run of files."""

from simple_history.utils import bulk_create_with_history

from articles.caching import content_changed
from articles.importing.writer.filling import fill
from articles.models import Article, ArticleAuthor, TaggedArticle, reading_minutes
from textkit.slugs import ascii_slug


class NewArticles:
    """Builds and inserts new articles, their first revision, bylines and tags.

    Slugs are unique across the archive without a query per article: every slug is read once
    (`slugs`), and `forget()` after a rollback reads them again.
    """

    def __init__(self, rows, *, status, user):
        self.rows = rows
        self.status = status
        self.user = user
        self._slugs: set[str] | None = None

    @property
    def slugs(self) -> set[str]:
        """Every article slug, read once: new articles get unique slugs without a query each."""
        if self._slugs is None:
            self._slugs = set(Article.objects.values_list("slug", flat=True))
        return self._slugs

    def forget(self):
        self._slugs = None

    def build(self, new):
        """(article, (authors, tags), entry) for each of `new`'s (parsed article, entry,
        source name, digest), the articles not saved yet."""
        built = []
        for item, entry, source_name, digest in new:
            article = Article(source_file=source_name, source_position=item.position)
            article.status = self.status
            article.created_by = self.user
            fill(article, item, digest, self.rows)
            built.append((article, self.rows.links(item), entry))
        return built

    def create(self, created):
        """Insert built articles and their first revision in bulk, with unique slugs."""
        articles = [article for article, _links, _entry in created]
        bases = [ascii_slug(article.title, 192) or "sans-titre" for article in articles]
        taken = self.slugs
        for article, base in zip(articles, bases, strict=True):
            slug, n = base, 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            taken.add(slug)
            article.slug = slug
            article.reading_minutes = reading_minutes(article.standfirst, article.body)
            article.render_body()  # bulk inserts skip save()
        for article, (authors, tags), _entry in created:
            article.import_fingerprint = article.content_fingerprint(
                author_ids=[author.pk for author in authors],
                taggings=[(tag.pk, suggested) for tag, suggested in tags.items()],
            )
        bulk_create_with_history(
            articles,
            Article,
            default_user=self.user,
            default_change_reason="Import de l'archive",
        )
        content_changed()  # bulk inserts send no signals: public pages change all the same

    @staticmethod
    def link(created):
        """The created articles' bylines and taggings, one insert each."""
        bylines, taggings = [], []
        for article, (authors, tags), _ in created:
            bylines += [
                ArticleAuthor(article=article, author=author, position=position)
                for position, author in enumerate(authors)
            ]
            taggings += [
                TaggedArticle(content_object=article, tag=tag, suggested=suggested)
                for tag, suggested in tags.items()
            ]
        ArticleAuthor.objects.bulk_create(bylines)
        TaggedArticle.objects.bulk_create(taggings)
