"""Create the newsroom's two roles: Rédacteur (contributor) and Éditeur (editor)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = {
    "articles": [
        "article",
        "articleauthor",
        "issue",
        "section",
        "tag",
        "taggedarticle",
        "subject",
        "furnitureline",
        "historicalarticle",
    ],
    "authors": ["author"],
}
CONTRIBUTOR = {
    "articles": {
        "article": ["add", "change", "view"],
        "articleauthor": ["add", "change", "view"],
        "taggedarticle": ["add", "change", "view", "delete"],
        "tag": ["add", "view"],
        "issue": ["view"],
        "section": ["view"],
        "historicalarticle": ["view"],
    },
    "authors": {"author": ["add", "view"]},
}


def ensure_permissions(apps):
    """Permissions are normally created after migrations; the groups need them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    fill_groups(apps)


def fill_groups(apps):
    """The two groups and their permissions (idempotent; tests call it after a flush)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editor, _ = Group.objects.get_or_create(name="Éditeur")
    editor.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=list(CONTENT_MODELS),
            content_type__model__in=[m for models in CONTENT_MODELS.values() for m in models],
        )
    )

    contributor, _ = Group.objects.get_or_create(name="Rédacteur")
    for app_label, models in CONTRIBUTOR.items():
        for model, actions in models.items():
            contributor.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label,
                    content_type__model=model,
                    codename__in=[f"{action}_{model}" for action in actions],
                )
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Éditeur", "Rédacteur"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("authors", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
