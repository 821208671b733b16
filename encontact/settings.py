"""Settings for En-Contact, read from the environment with safe local defaults.

Production differs from a laptop only through environment variables (listed in the README):
DEBUG, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, MEDIA_ROOT (or MEDIA_S3_BUCKET…),
SECURE_SSL_REDIRECT.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    """Read a boolean from the environment: 1/true/yes/on (any case) mean True."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    """Read a comma-separated list from the environment, ignoring blanks."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def media_storage(environ):
    """Where uploads go: MEDIA_ROOT, or an S3-compatible bucket when MEDIA_S3_BUCKET is set.

    The bucket goes through django-storages (requirements-s3.txt), imported only then. Media
    are public and their addresses are stored in article bodies: no signed, expiring URLs.
    Credentials are boto3's own (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or a role).
    """
    bucket = environ.get("MEDIA_S3_BUCKET", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": environ.get("MEDIA_S3_ACL") or None,
        "object_parameters": {"CacheControl": "max-age=31536000, public"},
    }
    for option, variable in [
        ("endpoint_url", "MEDIA_S3_ENDPOINT_URL"),
        ("region_name", "MEDIA_S3_REGION"),
        ("custom_domain", "MEDIA_S3_CUSTOM_DOMAIN"),
        ("location", "MEDIA_S3_PREFIX"),
    ]:
        if environ.get(variable):
            options[option] = environ[variable]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origin(environ):
    """The origin images come from when media are in a bucket (for the CSP), else None."""
    if not environ.get("MEDIA_S3_BUCKET", "").strip():
        return None
    if environ.get("MEDIA_S3_CUSTOM_DOMAIN"):
        return "https://" + environ["MEDIA_S3_CUSTOM_DOMAIN"].split("/")[0]
    if environ.get("MEDIA_S3_ENDPOINT_URL"):
        scheme, _, rest = environ["MEDIA_S3_ENDPOINT_URL"].partition("://")
        return f"{scheme}://{rest.split('/')[0]}"
    return "https://*.amazonaws.com"


def local_secret_key(path):
    """Return the secret key kept in `path`, generating it on first use.

    Only for local use: the file is git-ignored, so every clone gets its own key.
    """
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        path.chmod(0o600)
        return key


# Off unless asked: a production process never depends on someone remembering DEBUG=0.
# `make run` and the test suite (pytest-env, pyproject.toml) turn it on for development.
DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (DEBUG=1 for development: make run does)."
        )
    SECRET_KEY = local_secret_key(BASE_DIR / ".secret_key")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_filters",
    "taggit",
    "simple_history",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "imagekit",
    "articles",
    "authors",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: a cached page for an anonymous reader costs two cache lookups.
    "articles.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "encontact.timeouts.BackOfficeStatementsMiddleware",
    # Last, as django-axes asks: it turns a lockout into a clean response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "encontact.urls"
WSGI_APPLICATION = "encontact.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite file in the project by default, anything dj-database-url reads otherwise
# (postgres://user@host:5432/name goes through psycopg 3).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters travel apart from the SQL, so the text of a query is the same at every
    # request and psycopg prepares it after its fifth run on a connection: PostgreSQL then
    # skips planning it again (half the time of a list's page query). PgBouncer in transaction
    # mode needs version 1.21+ with max_prepared_statements, or PG_SERVER_SIDE_BINDING=0.
    if env_bool("PG_SERVER_SIDE_BINDING", default=True):
        # Django leaves psycopg's preparation off unless prepare_threshold is given.
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=5
        )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers never wait for a writer in WAL mode; writers wait their turn instead of failing.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

# Web processes on PostgreSQL cancel a public request's statement after this long (0: never);
# the back office, commands and the import worker are not limited (encontact.timeouts).
PUBLIC_STATEMENT_TIMEOUT_MS = int(os.environ.get("PUBLIC_STATEMENT_TIMEOUT_MS", 3000))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "encontact.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "encontact",
        }
    }
else:
    # Each process's own memory, bounded (the oldest entries go first).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
    }

# Whole public pages for anonymous readers, forgotten on every content change (articles.caching).
# On by default in production; off while developing and testing unless PAGE_CACHE=1.
# Both caches need a cache every process shares (REDIS_URL): a change saved by one process (a
# web worker, the import worker, `manage.py import_corpus`, a restore) must reach the pages all
# the others keep. Without one they stay off whatever is asked; `check --deploy` says so.
PAGE_CACHE_REQUESTED = env_bool("PAGE_CACHE", default=not DEBUG)
PAGE_CACHE = PAGE_CACHE_REQUESTED and bool(REDIS_URL)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
# Counts and tag facets of lists, which read every matching article, kept until the content
# changes, for every reader (articles.aggregates.cached_aggregate). Same defaults as PAGE_CACHE.
AGGREGATE_CACHE_REQUESTED = env_bool("AGGREGATE_CACHE", default=not DEBUG)
AGGREGATE_CACHE = AGGREGATE_CACHE_REQUESTED and bool(REDIS_URL)

# Background jobs (django-tasks): the back office's uploads are imported by the worker
# `manage.py db_worker` (started by `make run`; a service of its own in production), which
# reads them from the database. Tests run them at once (tests/conftest.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the site's root (favicon.ico), served by WhiteNoise as they are.
WHITENOISE_ROOT = BASE_DIR / "public"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": media_storage(os.environ),
    # Hashed, compressed names in production; plain files while developing and testing,
    # so that nothing needs `collectstatic` before it runs.
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Resized images are made when their original is saved, never while a page is served: a page
# only builds their addresses (articles.images). Whether a version exists is then asked of the
# storage itself, not remembered in a cache that could outlive the file.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"
IMAGEKIT_CACHE_BACKEND = "imagekit"
CACHES["imagekit"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
IMAGEKIT_CACHEFILE_DIR = "versions"

# Uploads: the admin's import page reads archives up to this size (see articles.admin.uploads).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMPORT_UPLOAD_MAX_BYTES = int(os.environ.get("IMPORT_UPLOAD_MAX_BYTES", 20 * 1024 * 1024))

TAGGIT_CASE_INSENSITIVE = True

# Security: strict by default outside DEBUG; `manage.py check --deploy` is clean.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY")
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:", *filter(None, [media_origin(os.environ)])],
        "style-src": [SELF],
        "script-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# django-axes: lock an account and address out after repeated wrong passwords.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = 1  # hour
# Per username *and* address: guessing one editor's password from one address locks that pair
# only, never the editor everywhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The client's address (django-ipware): REMOTE_ADDR, except behind the documented load balancer,
# which appends the address it saw to X-Forwarded-For (the right-most entry; what the client
# wrote before it is ignored). Trusted only with BEHIND_TLS_PROXY: anyone can send that header.
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if BEHIND_TLS_PROXY else ("REMOTE_ADDR",)
)
AXES_IPWARE_PROXY_ORDER = "right-most"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"

LOGIN_URL = "admin:login"

# E-mail (the editors' password reset): printed on the console while developing, sent through
# an SMTP server in production.
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "En-Contact <redaction@en-contact.fr>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
