"""Count the archive's articles again: `python manage.py rebuild_counts`.

The counts of published articles per tag, author, issue, section and year (articles.counters)
follow every change made through Django. After a restore, or rows changed in raw SQL, this
replaces them by a recount, in one transaction.
"""

from django.core.management.base import BaseCommand

from articles import counters


class Command(BaseCommand):
    help = "Recompte les articles publiés par mot-clé, auteur, numéro, rubrique et année."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Base de données à recompter.")

    def handle(self, *args, database, **options):
        drift = counters.recount(database) != counters.stored(database)
        counters.rebuild(database)
        counters_changed = "corrigés" if drift else "déjà exacts"
        self.stdout.write(f"Comptes d'articles reconstruits ({counters_changed}).")
