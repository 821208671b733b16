"""The image fields read a size only when given a file (articles.images.SizedImageField).

The columns do not change: a state-only operation, so that SQLite does not rebuild the table
(its full-text view depends on it)."""

from django.db import migrations

import articles.images


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_search_index_deferred"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="image",
                    field=articles.images.SizedImageField(
                        blank=True,
                        height_field="image_height",
                        help_text=(
                            "Montrée en tête de l'article et sur sa vignette dans les listes."
                        ),
                        upload_to="articles/%Y/%m/",
                        verbose_name="image principale",
                        width_field="image_width",
                    ),
                ),
                migrations.AlterField(
                    model_name="bodyimage",
                    name="image",
                    field=articles.images.SizedImageField(
                        height_field="height",
                        upload_to="articles/corps/%Y/%m/",
                        verbose_name="image",
                        width_field="width",
                    ),
                ),
            ]
        ),
    ]
