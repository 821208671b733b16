from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Contenus"

    def ready(self):
        from articles import caching, counters
        from encontact import checks  # noqa: F401 - registers the deployment checks

        caching.connect_signals()
        counters.connect_signals()
