"""Articles, their bylines and the images of their bodies."""

import math

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from imagekit.models import ImageSpecField
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from articles import bodies
from articles.images import Renditions, SizedImageField, resized
from articles.models.issue import Issue
from articles.models.lead_image import LeadImage
from articles.models.named import Slugged, slug_field
from articles.models.provenance import ImportProvenance
from articles.models.querysets import LISTING_ORDER, ArticleQuerySet, PublicationMixin
from articles.models.taxonomy import Section, TaggedArticle

WORDS_PER_MINUTE = 230


def filed_under(model, verbose_name):
    """Where an article is filed (its issue, its section): optional, and not deleted while
    articles are filed under it (PROTECT)."""
    return models.ForeignKey(
        model,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=verbose_name,
    )


class Article(Slugged, PublicationMixin, LeadImage, ImportProvenance):
    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        EDITO = "edito", "Édito"
        INTERVIEW = "interview", "Interview"
        TRIBUNE = "tribune", "Tribune"
        ACTUALITE = "actualite", "Actualité"
        DOSSIER = "dossier", "Dossier"

    class Status(models.TextChoices):
        DRAFT = "draft", "Brouillon"
        REVIEW = "review", "En relecture"
        PUBLISHED = "published", "Publié"
        ARCHIVED = "archived", "Archivé"

    title = models.CharField("titre", max_length=300)
    slug = slug_field(
        help_text="Laissez vide pour le déduire du titre. L'ancienne adresse reste redirigée."
    )
    standfirst = models.TextField("chapô", blank=True)
    body = models.TextField(
        "texte",
        blank=True,
        help_text=(
            "En Markdown : paragraphes séparés par une ligne vide, ## intertitre, *italique*, "
            "**gras**, [lien](https://…), listes (- …), citations (> …), notes ([^1]) et "
            "images (voir « Images du texte »)."
        ),
    )
    # The body as HTML, made from `body` by save() (articles.bodies): pages print it as it is.
    body_html = models.TextField("texte mis en forme", blank=True, editable=False)
    kind = models.CharField("genre", max_length=20, choices=Kind, default=Kind.ARTICLE)
    authors = models.ManyToManyField(
        "authors.Author",
        through="ArticleAuthor",
        related_name="articles",
        blank=True,
        verbose_name="auteurs",
    )
    interviewee = models.CharField("personne interviewée", max_length=200, blank=True)
    issue = filed_under(Issue, "numéro")
    issue_position = models.PositiveIntegerField(
        "place au sommaire", default=0, help_text="Ordre dans le sommaire du numéro."
    )
    section = filed_under(Section, "rubrique")
    tags = TaggableManager("mots-clés", through=TaggedArticle, blank=True)
    # No index of their own: the listing indexes of migration 0005 begin with them.
    status = models.CharField("statut", max_length=20, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "date de publication",
        null=True,
        blank=True,
        help_text=(
            "Pour qu'un article soit visible, il doit être publié et sa date de publication "
            "passée. Une date future le programme."
        ),
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    # A contributor changes their own drafts only (articles.admin); editors, every article.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="créé par",
    )
    reading_minutes = models.PositiveSmallIntegerField(
        "temps de lecture (min)", default=1, editable=False
    )
    # Kept current by a PostgreSQL trigger (migrations 0004 and 0011); always empty on SQLite.
    # The table also has a `search_context` column, the names of the article's authors and
    # tags, kept by triggers for both engines' search (migration 0011). It is no model field on
    # purpose: Django never writes it, so saving a stale instance cannot undo it.
    search_vector = SearchVectorField(null=True, editable=False)

    needs_review = models.BooleanField(
        "à relire",
        default=False,
        db_index=True,
        help_text="L'import avait des doutes : vérifiez puis marquez comme relu.",
    )
    objects = ArticleQuerySet.as_manager()
    # Revisions are looked up by article and by slug (old addresses), never by these.
    history = HistoricalRecords(
        excluded_fields=["reading_minutes", "search_vector", "body_html"],
        no_db_index=["status", "published_at", "needs_review", "issue", "section"],
    )
    # A passage around the words searched for, set on search results only
    # (articles.search.with_excerpts); cards of other lists read this empty default.
    excerpt = ""
    # A list's card as HTML, when kept by the fragment cache (articles.site.cards.with_cards);
    # otherwise the list renders partials/article_card.html.
    card = ""
    url_name = "articles:detail"

    class Meta:
        ordering = [*LISTING_ORDER]
        verbose_name = "article"
        verbose_name_plural = "articles"
        permissions = [("publish_article", "Peut publier, programmer et dépublier un article")]
        constraints = [
            models.UniqueConstraint(
                fields=["source_file", "source_position"],
                condition=~Q(source_file=""),
                name="unique_article_source",
            )
        ]
        # The listing indexes, in the order lists show articles, are created by migration 0005
        # (SQLite and PostgreSQL need different SQL for them).

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.reading_minutes = reading_minutes(self.standfirst, self.body)
        self.render_body()
        super().save(*args, **kwargs)

    def render_body(self):
        """Make `body_html` from `body`, with the size of the body's uploaded images."""
        sizes = {}
        if self.pk and "![" in self.body:
            sizes = {image.markdown_url: image.size for image in self.body_images.all()}
        self.body_html = bodies.render(self.body, self.kind, sizes)


class ArticleAuthor(models.Model):
    """A byline: an article's author at its place in the order of signatures."""

    # Its index would repeat the first column of unique_article_author.
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="bylines", db_index=False
    )
    author = models.ForeignKey(
        "authors.Author", on_delete=models.PROTECT, related_name="bylines", verbose_name="auteur"
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = "signature"
        verbose_name_plural = "signatures"
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_article_author")
        ]

    def __str__(self):
        return str(self.author)


class BodyImage(models.Model):
    """An image uploaded for an article's body, which shows it by its Markdown line."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="body_images", verbose_name="article"
    )
    image = SizedImageField(
        "image", upload_to="articles/corps/%Y/%m/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField("largeur", null=True, editable=False)
    height = models.PositiveIntegerField("hauteur", null=True, editable=False)
    alt = models.CharField(
        "texte alternatif",
        max_length=300,
        help_text="Ce que montre l'image, pour qui ne la voit pas.",
    )
    # What the body shows: the image resized to the width of a page's text.
    image_body = ImageSpecField(source="image", **resized(Renditions.MEDIUM))

    class Meta:
        ordering = ["pk"]  # upload order: the article's form lists them as they were added
        verbose_name = "image du texte"
        verbose_name_plural = "images du texte"

    def __str__(self):
        return self.alt

    @property
    def markdown_url(self):
        return self.image_body.url

    @property
    def size(self):
        return Renditions.size_of(self.width, self.height, Renditions.MEDIUM)

    def markdown(self):
        """The line an editor pastes into the body to show this image."""
        alt = self.alt.replace("[", "").replace("]", "")
        return f"![{alt}]({self.markdown_url})"


def reading_minutes(*texts):
    """Minutes a reader needs for `texts`, at 230 words a minute, at least one."""
    words = sum(len(text.split()) for text in texts if text)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
