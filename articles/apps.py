from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Contenus"

    def ready(self):
        from articles import caching

        caching.connect_signals()
