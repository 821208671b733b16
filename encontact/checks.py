"""`manage.py check --deploy`: the configurations docs/deployment.md does not support.

Supported: a shared cache (Redis) for the page and aggregate caches, web workers behind a TLS
load balancer that buffers requests and appends the client's address (BEHIND_TLS_PROXY=1),
uploads imported by the database-backed task worker, public statements timed out on
PostgreSQL. Anything else is a warning here, in French like the rest of the back office.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register

DATABASE_TASKS = "django_tasks_db.DatabaseBackend"


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    refused = [
        name
        for name in ("PAGE_CACHE", "AGGREGATE_CACHE")
        if getattr(settings, f"{name}_REQUESTED") and not getattr(settings, name)
    ]
    if not refused:
        return []
    return [
        Warning(
            f"{' et '.join(refused)} demandé sans cache partagé : laissé éteint.",
            hint=(
                "Chaque processus (workers web, worker d'import, commandes) a sa propre mémoire : "
                "une modification n'y serait vue que du processus qui l'a faite. Définissez "
                "REDIS_URL (docs/deployment.md, « Supported configurations »)."
            ),
            id="encontact.W001",
        )
    ]


@register(deploy=True)
def check_task_worker(app_configs, **kwargs):
    backend = settings.TASKS["default"]["BACKEND"]
    if backend == DATABASE_TASKS:
        return []
    return [
        Warning(
            f"Les imports envoyés depuis le back office passent par {backend}.",
            hint=(
                f"En production, {DATABASE_TASKS} et son worker (`manage.py db_worker`) : un "
                "import long ne doit pas tourner dans un worker web, qui serait coupé en route."
            ),
            id="encontact.W002",
        )
    ]


@register(Tags.database, deploy=True)
def check_statement_timeout(app_configs, **kwargs):
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine != "django.db.backends.postgresql" or settings.PUBLIC_STATEMENT_TIMEOUT_MS > 0:
        return []
    return [
        Warning(
            "Aucune limite de durée pour les requêtes SQL des pages publiques.",
            hint="PUBLIC_STATEMENT_TIMEOUT_MS=3000 : une requête hostile ne bloque plus un worker.",
            id="encontact.W003",
        )
    ]


@register(Tags.security, deploy=True)
def check_proxy(app_configs, **kwargs):
    if settings.BEHIND_TLS_PROXY:
        return []
    return [
        Warning(
            "BEHIND_TLS_PROXY n'est pas activé.",
            hint=(
                "Configuration prise en charge : les workers derrière un répartiteur TLS qui "
                "met les requêtes en tampon, remplace X-Forwarded-Proto et ajoute l'adresse du "
                "client à X-Forwarded-For ; sans lui, tous les clients auraient l'adresse du "
                "répartiteur (verrouillage des connexions) ou un client lent bloquerait un worker."
            ),
            id="encontact.W004",
        )
    ]
