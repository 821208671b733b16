"""Load the importer's editable data (thesaurus, furniture list) from fixtures/."""

import json
from pathlib import Path

from django.db import migrations

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def load(apps, schema_editor):
    Subject = apps.get_model("articles", "Subject")
    FurnitureLine = apps.get_model("articles", "FurnitureLine")
    thesaurus = FIXTURES / "thesaurus.json"
    if thesaurus.exists():
        for entry in json.loads(thesaurus.read_text(encoding="utf-8")):
            Subject.objects.get_or_create(
                name=entry["name"], defaults={"variants": "\n".join(entry.get("variants", []))}
            )
    furniture = FIXTURES / "furniture.txt"
    if furniture.exists():
        for line in furniture.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                FurnitureLine.objects.get_or_create(text=line[:300])


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_editorial_groups")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
