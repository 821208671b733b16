"""An article's lead image: the file, its description, caption and credit, and the sizes
pages show (articles.images)."""

from django.db import models
from django.utils.functional import cached_property
from imagekit.models import ImageSpecField

from articles.images import Renditions, SizedImageField, resized


class LeadImage(models.Model):
    """The lead image's fields of an article (an abstract model: its fields are the article's)."""

    image = SizedImageField(
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

    class Meta:
        abstract = True

    @cached_property
    def lead_image(self):
        """The lead image's versions for an <img srcset> (articles.images); None without one."""
        return Renditions(self) if self.image else None
