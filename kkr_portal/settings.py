"""One settings module, driven by environment variables.

With nothing set the portal runs embedded: SQLite under var/, Celery tasks executed in-process, e-mail to
the console. DATABASE_URL switches to PostgreSQL, REDIS_URL (or CELERY_BROKER_URL) to Redis with real
workers. DJANGO_DEBUG=0 is production: SECRET_KEY and ALLOWED_HOSTS must then come from the environment.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: str) -> int:
    return int(os.environ.get(name, default))


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DJANGO_DEBUG", "1")
VAR_DIR = Path(os.environ.get("KKR_VAR_DIR", BASE_DIR / "var"))

if DEBUG:
    SECRET_KEY = os.environ.get("SECRET_KEY", "embedded-development-key-not-for-production")
    ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
else:
    if not os.environ.get("SECRET_KEY") or not os.environ.get("ALLOWED_HOSTS"):
        raise ImproperlyConfigured("Production mode (DJANGO_DEBUG=0) needs SECRET_KEY and ALLOWED_HOSTS.")
    SECRET_KEY = os.environ["SECRET_KEY"]
    ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")

CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "core",
    "accounts",
    "contracts",
    "vip_climate",
    "infrastructure",
    "education",
    "comparison",
    "meetings",
    "reports",
    "notifications",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api",
    "sso",
]

MIDDLEWARE = [
    # First: X-Forwarded-* headers are dropped unless the request came from TRUSTED_PROXIES.
    "core.security.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RequestSizeLimitMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The SAML exchange's own session (djangosaml2): its cookie must survive the identity provider's POST.
    "djangosaml2.middleware.SamlSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.SessionLifetimeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # After the login check: a logged-in user with a second factor must pass it first (accounts/two_factor.py).
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "accounts.middleware.PermissionDeniedAuditMiddleware",
    # Last, as django-axes requires: answers a locked-out login with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kkr_portal.urls"
WSGI_APPLICATION = "kkr_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.navigation",
            ],
        },
    },
]

# Database: SQLite in var/ unless DATABASE_URL names another (PostgreSQL in production and in CI).
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", "60"))}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "kkr.sqlite3"),
            "OPTIONS": {"timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a login while the account or the address is locked out, before any password check.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Sessions opened by single sign-on (sso/); it authenticates nothing itself.
    "sso.backends.SsoBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "landing"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT", str(3 * 3600))

# Sessions end after 8 hours and when the browser closes.
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(8 * 3600))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Lockout (django-axes): 10 failed logins in a row lock the username, and separately the client address,
# for 15 minutes. Every attempt is in the login audit (accounts), which is the log: axes keeps no log of its
# own. The address is the one core.security.client_ip trusts (REMOTE_ADDR, or the proxy's X-Forwarded-For).
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "10")
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# The login audit (successful and failed logins, lockouts, logouts, 403s) is kept this long (GDPR; the
# privacy page says so); a beat task deletes older entries (kkr_portal/beat.py).
LOGIN_AUDIT_RETENTION_DAYS = envint("LOGIN_AUDIT_RETENTION_DAYS", "183")
# Two-factor login (django-otp, TOTP + one-use recovery codes): required for staff, superusers and the
# Secretariat, optional for others. A wrong code doubles the wait before the next try (1 s, 2 s, 4 s, ...).
OTP_TOTP_ISSUER = "KKR Hovedstaden"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Danish first, English second. Source strings are Danish; locale/en translates them.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
# Figures in templates get the language's thousands separator ("1.776", "1,776"); years and ids are printed
# with `unlocalize` so they stay "2023".
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# `manage.py backup` writes the database and the media here and keeps the BACKUP_KEEP newest (core/backup.py).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", VAR_DIR / "backups"))
BACKUP_KEEP = envint("BACKUP_KEEP", "14")
# Issued reports are never served from a public URL: a view checks the right to read them.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kkr-portal@localhost")
SECRETARIAT_EMAIL = os.environ.get("SECRETARIAT_EMAIL", "kkr-sekretariatet@localhost")
# Where the file-based backend (EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend) writes.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))

# Notifications (notifications/): links in e-mails are absolute, to this address.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://localhost:8000")
# Reminders this many days before a round's deadline (each once), escalation this many days after it:
# first to the lead's users, then the list of overdue projects to the secretariat; nothing older than the window.
NOTIFY_REMINDER_DAYS = [int(d) for d in envlist("NOTIFY_REMINDER_DAYS", "14,3")]
NOTIFY_ESCALATE_LEADS_AFTER_DAYS = envint("NOTIFY_ESCALATE_LEADS_AFTER_DAYS", "1")
NOTIFY_ESCALATE_SECRETARIAT_AFTER_DAYS = envint("NOTIFY_ESCALATE_SECRETARIAT_AFTER_DAYS", "3")
NOTIFY_OVERDUE_WINDOW_DAYS = envint("NOTIFY_OVERDUE_WINDOW_DAYS", "14")
# A message that failed this often is left for a person to look at (its last error is kept on the row).
NOTIFY_MAX_ATTEMPTS = envint("NOTIFY_MAX_ATTEMPTS", "20")

# Celery: eager (in-process) unless a broker is configured.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", REDIS_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# Where tasks go unless routed: lets two deployments (or test runs) share one Redis without sharing work.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A killed worker child must not lose its task: acknowledge after the work, requeue on a lost worker.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = envint("CELERY_TASK_SOFT_TIME_LIMIT", "240")
CELERY_TASK_TIME_LIMIT = envint("CELERY_TASK_TIME_LIMIT", "300")
# Redis redelivers unacknowledged tasks after this; keep it well above the longest hard limit.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": envint("CELERY_VISIBILITY_TIMEOUT", "3600"),
    # A request that queues a task must not hang on a broker that is down (core/dispatch.py).
    "socket_connect_timeout": envint("CELERY_BROKER_CONNECT_TIMEOUT", "1"),
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# Sending a task subscribes to its result; with Redis down Celery would retry that 20 times, a second each.
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = envint("CELERY_BROKER_CONNECT_TIMEOUT", "1")
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
}
CELERY_RESULT_EXPIRES = 86400
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE: dict = {}

# Production hardening; all derived from DEBUG so the same file serves both modes.
# Request bodies: refused with 413 above MAX_UPLOAD_BYTES before they are read (core.middleware; the proxy
# has its own limit). Imports take files up to core.tabular.MAX_BYTES (5 MB), kept in memory, never on disk.
MAX_UPLOAD_BYTES = envint("MAX_UPLOAD_BYTES", str(10 * 2**20))
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 2**20
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # the fields other than files (Django's default, stated)
DATA_UPLOAD_MAX_NUMBER_FILES = 10
# Meetings: an uploaded annex (PDF only) is refused above this size; stored under MEDIA_ROOT/private.
MEETINGS_ANNEX_MAX_BYTES = envint("MEETINGS_ANNEX_MAX_BYTES", str(8 * 2**20))

SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = not DEBUG and envbool("SECURE_SSL_REDIRECT", "1")
SECURE_HSTS_SECONDS = 0 if DEBUG else envint("SECURE_HSTS_SECONDS", "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
# X-Forwarded-Proto/-For are believed only from these addresses or networks (the reverse proxy; in
# docker-compose Caddy's fixed address); from anyone else core.security.TrustedProxyMiddleware drops them.
TRUSTED_PROXIES = envlist("TRUSTED_PROXIES")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXIES else None
# The container healthcheck asks gunicorn directly over HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline scripts or styles anywhere: JavaScript and CSS come from static/ (PDF templates are rendered by
# WeasyPrint, not a browser, and keep their styles).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # axes logs every attempt at INFO; lockouts (WARNING) stay, the audit holds the rest.
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# Entries that belong to no area; each area adds its own when it registers (core/areas.py).
from kkr_portal.beat import BEAT_SCHEDULE  # noqa: E402

CELERY_BEAT_SCHEDULE.update(BEAT_SCHEDULE)

# The read-only API (/api/v1/) and open data (/data/): personal tokens, paging for Power BI, numbers as
# numbers, a rate per token. The throttle counts in the cache: Redis when configured, else per process.
# CACHE_KEY_PREFIX keeps apart what shares one Redis (the test suite's parallel workers; two installs).
CACHES = (
    {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
        }
    }
    if REDIS_URL
    else {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
)
API_TOKEN_MAX_DAYS = envint("API_TOKEN_MAX_DAYS", "365")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pages",
    "DEFAULT_THROTTLE_CLASSES": ["api.authentication.PerTokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": os.environ.get("API_RATE", "600/minute")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "COERCE_DECIMAL_TO_STRING": False,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "KKR Hovedstaden portal API",
    "DESCRIPTION": "Read-only data of the KKR Hovedstaden portal: flat tables for Power BI and Excel.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# Open data: the licence the catalogue states for the datasets KKR publishes (the operator's choice).
OPEN_DATA_LICENSE = os.environ.get("OPEN_DATA_LICENSE", "https://creativecommons.org/licenses/by/4.0/")

# Single sign-on (sso/, docs/sso.md): SAML 2.0 with the OIOSAML 3 profile against KOMBIT's Context Handler.
# Off unless the identity provider's metadata (file or URL) and our signing key and certificate are given;
# the login page then shows the SSO button. Paths are files in the container (secrets, not in the image).
SAML_IDP_METADATA_FILE = os.environ.get("SAML_IDP_METADATA_FILE", "")
SAML_IDP_METADATA_URL = os.environ.get("SAML_IDP_METADATA_URL", "")
# The certificate the remote metadata is signed with (checked when given).
SAML_IDP_METADATA_CERT_FILE = os.environ.get("SAML_IDP_METADATA_CERT_FILE", "")
SAML_KEY_FILE = os.environ.get("SAML_KEY_FILE", "")
SAML_CERT_FILE = os.environ.get("SAML_CERT_FILE", "")
# A separate encryption key pair; the signing pair is used when these are empty.
SAML_ENCRYPTION_KEY_FILE = os.environ.get("SAML_ENCRYPTION_KEY_FILE", "")
SAML_ENCRYPTION_CERT_FILE = os.environ.get("SAML_ENCRYPTION_CERT_FILE", "")
# Where the identity provider reaches the portal (ACS, logout); the entity ID defaults to the metadata URL.
SAML_BASE_URL = os.environ.get("SAML_BASE_URL", PORTAL_BASE_URL)
SAML_ENTITY_ID = os.environ.get("SAML_ENTITY_ID", SAML_BASE_URL.rstrip("/") + "/sso/metadata/")
# The privileges the municipalities grant are this base + "lead", "board", "secretariat" (sso/mapping.py).
SAML_ROLE_BASE = os.environ.get("SAML_ROLE_BASE", "http://kkr-portal/roles/")
SAML_CLOCK_SKEW_SECONDS = envint("SAML_CLOCK_SKEW_SECONDS", "60")
SAML_XMLSEC_BINARY = os.environ.get("SAML_XMLSEC_BINARY", "/usr/bin/xmlsec1")
SAML_ENABLED = bool((SAML_IDP_METADATA_FILE or SAML_IDP_METADATA_URL) and SAML_KEY_FILE and SAML_CERT_FILE)
# djangosaml2: the configuration is built per request from the settings above (sso/conf.py).
SAML_CONFIG_LOADER = "sso.conf.sp_config"
SAML_DEFAULT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
SAML_SESSION_COOKIE_NAME = "saml_session"
# The identity provider POSTs back from another site: SameSite=None (needs Secure) in production; over
# plain HTTP (embedded mode, tests) a browser would drop such a cookie, and Lax suffices on one host.
SAML_SESSION_COOKIE_SAMESITE = "None" if SESSION_COOKIE_SECURE else "Lax"
# Redirect binding and our own pages: no auto-submitting forms, so the strict CSP needs no exception.
SAML_CSP_HANDLER = ""
SAML_IGNORE_LOGOUT_ERRORS = True
