"""Who created each article: contributors change their own drafts only."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def owners_from_history(apps, schema_editor):
    """Who created each article: the user of its first revision (None for the command's
    imports and articles created before revisions were kept)."""
    Article = apps.get_model("articles", "Article")
    HistoricalArticle = apps.get_model("articles", "HistoricalArticle")
    first = HistoricalArticle.objects.filter(id=OuterRef("pk"), history_type="+")
    Article.objects.update(created_by=Subquery(first.values("history_user")[:1]))


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0012_import_jobs'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='created_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='créé par'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='created_by',
            field=models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='créé par'),
        ),
        migrations.RunPython(owners_from_history, migrations.RunPython.noop, elidable=True),
    ]
