"""The magazine's content: articles, issues (numéros), sections (rubriques) and tags."""

import hashlib
import math
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from imagekit.models import ImageSpecField
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from articles import bodies
from articles.images import COVER_THUMBNAIL, Renditions, filled, resized
from articles.links import slug_url
from textkit.slugs import ascii_slug, unique_slug

WORDS_PER_MINUTE = 230
PARIS = ZoneInfo("Europe/Paris")
# Fields the importer keeps for itself: an editor changing them has not edited the article.
IMPORT_BOOKKEEPING = {
    "source_file",
    "source_digest",
    "source_position",
    "source_text",
    "import_warnings",
    "import_conflict",
}


class Section(models.Model):
    """A rubrique: Édito, Interview, Tribune, Actualité…"""

    name = models.CharField("nom", max_length=100, unique=True)
    slug = models.SlugField("identifiant d'URL", max_length=100, unique=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "rubrique"
        verbose_name_plural = "rubriques"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Section, self.name, instance_pk=self.pk, max_length=100)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:section", self.slug)


class Issue(models.Model):
    """A numéro of the magazine; its table of contents is its articles by `issue_position`."""

    number = models.PositiveIntegerField("numéro", unique=True)
    title = models.CharField("titre", max_length=200, blank=True)
    published_on = models.DateField("date de parution", null=True, blank=True)
    cover = models.ImageField("couverture", upload_to="couvertures/", blank=True)
    # The cover in the list of issues, made when the cover is saved (see articles.images).
    cover_thumbnail = ImageSpecField(source="cover", **filled(*COVER_THUMBNAIL))
    editorial = models.TextField("éditorial", blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = "numéro"
        verbose_name_plural = "numéros"

    def __str__(self):
        return f"N° {self.number}" + (f" — {self.title}" if self.title else "")

    def get_absolute_url(self):
        return reverse("articles:issue", kwargs={"number": self.number})


class Tag(TagBase):
    """A subject tag; slugs are plain ASCII ("téléconseillers" → "teleconseillers")."""

    slug = models.SlugField("identifiant d'URL", unique=True, max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = "mot-clé"
        verbose_name_plural = "mots-clés"

    def slugify(self, tag, i=None):
        slug = ascii_slug(tag, 90) or "mot-cle"
        return f"{slug}-{i}" if i is not None else slug

    def get_absolute_url(self):
        return slug_url("articles:tag", self.slug)


class TaggedArticle(TaggedItemBase):
    """An article's tag, remembering whether an editor set it or the importer suggested it."""

    # PROTECT: deleting a tag would silently take it off its articles; merge tags instead.
    tag = models.ForeignKey(Tag, on_delete=models.PROTECT, related_name="tagged_articles")
    # Its index would repeat the first column of unique_article_tag.
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, db_index=False)
    suggested = models.BooleanField(
        "suggéré par l'import",
        default=False,
        help_text="Proposé automatiquement d'après le thésaurus ; à accepter ou retirer.",
    )

    class Meta:
        verbose_name = "mot-clé de l'article"
        verbose_name_plural = "mots-clés de l'article"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_tag")
        ]


def visible(path="", now=None):
    """What `ArticleQuerySet.published()` asks, of the articles reached through `path`.

    `visible("articles__")` counts an issue's published articles in the query that lists the
    issues, with `Count("articles", filter=…)`.
    """
    return Q(**{f"{path}status": Article.Status.PUBLISHED}) & (
        Q(**{f"{path}published_at__lte": now or timezone.now()})
        | Q(**{f"{path}published_at__isnull": True})
    )


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """What readers may see: published, and dated now or earlier (or undated archive).

        A future `published_at` is how an article is scheduled: it appears on its own
        at that moment, with no cron job. `now` defaults to this moment; `Now()` asks the
        database's clock, for a queryset kept and evaluated again later.
        """
        return self.filter(visible(now=now))

    def newest_first(self):
        """Newest first; undated archive pieces last."""
        return self.order_by(F("published_at").desc(nulls_last=True), "-pk")

    def with_listing_data(self):
        """Everything an article card shows, fetched in a fixed number of queries."""
        return self.select_related("issue", "section").prefetch_related(
            models.Prefetch(
                "bylines",
                queryset=ArticleAuthor.objects.select_related("author").order_by("position"),
            ),
            "tags",
        )


class Article(models.Model):
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
    slug = models.SlugField(
        "identifiant d'URL",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Laissez vide pour le déduire du titre. L'ancienne adresse reste redirigée.",
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
    issue = models.ForeignKey(
        Issue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name="numéro",
    )
    issue_position = models.PositiveIntegerField(
        "place au sommaire", default=0, help_text="Ordre dans le sommaire du numéro."
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name="rubrique",
    )
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
    image = models.ImageField(
        "image principale",
        upload_to="articles/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text="Montrée en tête de l'article et sur sa vignette dans les listes.",
    )
    image_width = models.PositiveIntegerField("largeur", null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField("hauteur", null=True, blank=True, editable=False)
    image_alt = models.CharField(
        "texte alternatif",
        max_length=300,
        blank=True,
        help_text="Ce que montre l'image, pour qui ne la voit pas (lecteurs d'écran).",
    )
    image_caption = models.CharField("légende", max_length=300, blank=True)
    # The credit of the lead image; imported articles carry their original photo's credit.
    photo_credit = models.CharField(
        "crédit photo",
        max_length=300,
        blank=True,
        help_text="Affiché sous l'image principale (ou en fin d'article sans image).",
    )
    # Resized copies of `image`, made when it is saved (imagekit's Optimistic strategy):
    # a page only builds their addresses, it never reads nor writes an image file.
    image_small = ImageSpecField(source="image", **resized(Renditions.SMALL))
    image_medium = ImageSpecField(source="image", **resized(Renditions.MEDIUM))
    image_large = ImageSpecField(source="image", **resized(Renditions.LARGE))
    # Kept current by a PostgreSQL trigger (migrations 0004 and 0011); always empty on SQLite.
    # The table also has a `search_context` column, the names of the article's authors and
    # tags, kept by triggers for both engines' search (migration 0011). It is no model field on
    # purpose: Django never writes it, so saving a stale instance cannot undo it.
    search_vector = SearchVectorField(null=True, editable=False)

    # Provenance: where the importer found this article, and what it was unsure of.
    source_file = models.CharField("fichier source", max_length=500, blank=True)
    source_digest = models.CharField("empreinte du fichier source", max_length=64, blank=True)
    source_position = models.PositiveIntegerField("position dans le fichier", null=True, blank=True)
    source_text = models.TextField("texte source", blank=True)
    import_fingerprint = models.CharField(
        "empreinte à l'import", max_length=64, blank=True, editable=False
    )
    import_warnings = models.JSONField("avertissements de l'import", default=list, blank=True)
    needs_review = models.BooleanField(
        "à relire",
        default=False,
        db_index=True,
        help_text="L'import avait des doutes : vérifiez puis marquez comme relu.",
    )
    import_conflict = models.BooleanField(
        "conflit d'import",
        default=False,
        help_text="Le fichier source a changé alors que l'article avait été modifié ici.",
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

    class Meta:
        ordering = [F("published_at").desc(nulls_last=True), "-pk"]
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
        if not self.slug:
            self.slug = unique_slug(Article, self.title, instance_pk=self.pk)
        self.reading_minutes = reading_minutes(self.standfirst, self.body)
        self.render_body()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:detail", self.slug)

    def render_body(self):
        """Make `body_html` from `body`, with the size of the body's uploaded images."""
        sizes = {}
        if self.pk and "![" in self.body:
            sizes = {image.markdown_url: image.size for image in self.body_images.all()}
        self.body_html = bodies.render(self.body, self.kind, sizes)

    @cached_property
    def lead_image(self):
        """The lead image's versions for an <img srcset> (articles.images); None without one."""
        return Renditions(self) if self.image else None

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and not self.is_scheduled

    def content_fingerprint(self, author_ids=None, taggings=None):
        """A digest of everything an editor can change in the back office, to tell whether
        they changed an imported article: every editable field but the importer's own
        bookkeeping (IMPORT_BOOKKEEPING), the bylines in order and the tags, accepted or
        suggested. `author_ids` and `taggings` ((tag id, suggested) pairs) are read from the
        database unless given (an article about to be inserted has none there yet).
        """
        if author_ids is None:
            author_ids = list(self.bylines.order_by("position").values_list("author_id", flat=True))
        if taggings is None:
            taggings = TaggedArticle.objects.filter(content_object=self).values_list(
                "tag_id", "suggested"
            )
        parts = [
            f"{field.name}={fingerprint_value(field, self)}"
            for field in self._meta.concrete_fields
            if field.editable and not field.primary_key and field.name not in IMPORT_BOOKKEEPING
        ]
        parts += [f"authors={list(author_ids)}", f"tags={sorted(taggings)}"]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def legacy_content_fingerprint(self):
        """The fingerprint of articles imported before it covered bylines, tags and every
        field (text, issue, section and date only): such an article counts as unchanged while
        its stored fingerprint still matches this one."""
        published = self.published_at.astimezone(PARIS).isoformat() if self.published_at else ""
        parts = [
            self.title,
            self.standfirst,
            self.body,
            self.kind,
            self.photo_credit,
            self.interviewee,
            str(self.issue_id),
            str(self.section_id),
            published,
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def edited_since_import(self):
        """Whether an editor changed this imported article since the importer last wrote it."""
        stored = self.import_fingerprint
        return stored not in (self.content_fingerprint(), self.legacy_content_fingerprint())


def fingerprint_value(field, article):
    """A field's value as the fingerprint reads it; dates in UTC, whatever zone they came in."""
    value = field.value_from_object(article)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return field.value_to_string(article)


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
    image = models.ImageField(
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
        ordering = ["pk"]
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


class FullTextField(models.TextField):
    """The hidden column of an SQLite FTS5 table, named after the table, that takes MATCH."""


@FullTextField.register_lookup
class Match(models.Lookup):
    """`document__match="…"`: an FTS5 full-text query (built by articles.search.fts_query)."""

    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class ArticleFullText(models.Model):
    """SQLite only: an article's entry in the FTS5 index of migration 0006.

    The table is SQLite's own (a virtual table kept current by triggers); this model only lets
    articles.search join it: `Article.objects.filter(fulltext__document__match=…)`.
    On PostgreSQL the table does not exist and nothing reads this model.
    """

    article = models.OneToOneField(
        Article,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="id",
        related_name="fulltext",
    )
    document = FullTextField(db_column="articles_article_fts")

    class Meta:
        managed = False
        db_table = "articles_article_fts"
        verbose_name = "index plein texte (SQLite)"
        verbose_name_plural = "index plein texte (SQLite)"

    def __str__(self):
        return f"Index plein texte de l'article {self.article_id}"


class Subject(models.Model):
    """A thesaurus entry: a subject of the magazine and the words that reveal it.

    The importer suggests the subject's name as a tag when an article clearly treats it.
    """

    name = models.CharField("sujet", max_length=100, unique=True)
    variants = models.TextField(
        "formes reconnues",
        blank=True,
        help_text="Une expression par ligne (« centre d'appels », « call center »…).",
    )
    active = models.BooleanField("actif", default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "sujet du thésaurus"
        verbose_name_plural = "thésaurus"

    def __str__(self):
        return self.name

    def variant_list(self):
        return [line.strip() for line in self.variants.splitlines() if line.strip()]


class FurnitureLine(models.Model):
    """A line of site furniture (menu, call to action) the importer removes wherever it stands."""

    text = models.CharField("ligne", max_length=300, unique=True)

    class Meta:
        ordering = ["text"]
        verbose_name = "ligne de décor du site"
        verbose_name_plural = "lignes de décor du site"

    def __str__(self):
        return self.text


def reading_minutes(*texts):
    """Minutes a reader needs for `texts`, at 230 words a minute, at least one."""
    words = sum(len(text.split()) for text in texts if text)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class ImportJob(models.Model):
    """An upload from the back office's import page, imported by the task worker.

    The editor can leave its page and come back: each file keeps its entry of the report,
    written in the same transaction as the file's articles (`articles.import_jobs`), and a job
    stopped midway (a crash, a restart) is resumed from the first file without one.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "En attente"
        RUNNING = "running", "En cours"
        DONE = "done", "Terminé"
        FAILED = "failed", "Échoué"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, verbose_name="envoyé par"
    )
    created_at = models.DateTimeField("envoyé le", auto_now_add=True)
    updated_at = models.DateTimeField("dernière avancée", auto_now=True)
    finished_at = models.DateTimeField("fini le", null=True, blank=True)
    status = models.CharField("état", max_length=20, choices=Status, default=Status.QUEUED)
    article_status = models.CharField("statut des articles", max_length=20, choices=Article.Status)
    dry_run = models.BooleanField("simulation", default=False)
    summary = models.JSONField("bilan", default=dict, blank=True)
    ignored = models.JSONField("fichiers laissés de côté", default=list, blank=True)
    error = models.TextField("erreur", blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "import envoyé"
        verbose_name_plural = "imports envoyés"

    def __str__(self):
        return f"Import n° {self.pk}"


class ImportJobFile(models.Model):
    """One text file of an import job: its bytes until imported, then its entry of the report."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=500)
    data = models.BinaryField(blank=True)
    entry = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["job", "position"]
        verbose_name = "fichier d'un import"
        verbose_name_plural = "fichiers d'un import"
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="unique_import_job_position")
        ]

    def __str__(self):
        return self.name


class ArchiveCount(models.Model):
    """How many articles are published (scheduled ones included) in one part of the archive:
    a tag, an author, an issue, a section, a year, or the whole of it (`kind` "total").

    Kept current in the same transaction as every change (articles.counters), so that a list's
    number of articles and the most used tags are read, not counted over the whole archive.
    """

    class Kind(models.TextChoices):
        TOTAL = "total", "Tous les articles"
        TAG = "tag", "Mot-clé"
        AUTHOR = "author", "Auteur"
        ISSUE = "issue", "Numéro"
        SECTION = "section", "Rubrique"
        YEAR = "year", "Année"

    kind = models.CharField("sorte", max_length=10, choices=Kind)
    key = models.IntegerField("identifiant ou année")
    articles = models.IntegerField("articles publiés", default=0)

    class Meta:
        verbose_name = "compte d'articles"
        verbose_name_plural = "comptes d'articles"
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="unique_archive_count")]
        indexes = [models.Index(fields=["kind", "-articles"], name="archive_count_ranking")]

    def __str__(self):
        return f"{self.kind} {self.key}: {self.articles}"
