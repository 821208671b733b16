"""What articles are filed under and how the importer recognises subjects: sections
(rubriques), tags (django-taggit, with the importer's suggestions), the thesaurus and the
furniture list."""

from django.db import models
from taggit.models import NaturalKeyManager, TagBase, TaggedItemBase

from articles.links import slug_url
from articles.models.named import Named, Slugged, slug_field
from articles.models.querysets import SectionQuerySet, TagQuerySet
from textkit.slugs import ascii_slug


class Section(Named, Slugged):
    """A rubrique: Édito, Interview, Tribune, Actualité…"""

    name = models.CharField("nom", max_length=100, unique=True)
    slug = slug_field(max_length=100)

    objects = SectionQuerySet.as_manager()
    url_name = "articles:section"

    class Meta(Named.Meta):
        verbose_name = "rubrique"
        verbose_name_plural = "rubriques"


class Tag(TagBase):
    """A subject tag; slugs are plain ASCII ("téléconseillers" → "teleconseillers")."""

    slug = models.SlugField("identifiant d'URL", unique=True, max_length=100)

    # taggit's manager (natural keys), with the site's queries.
    objects = NaturalKeyManager.from_queryset(TagQuerySet)()

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


class Subject(Named):
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

    class Meta(Named.Meta):
        verbose_name = "sujet du thésaurus"
        verbose_name_plural = "thésaurus"

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
