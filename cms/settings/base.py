"""Settings shared by every environment; each value that differs per machine comes from
the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url

from .languages import DEFAULT_LANGUAGES, extend_lang_info, languages_bidi, parse_languages

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("OPSTAP_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "programmes",
    "forms",
    "workflows",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.apps.OpstapUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Marks what the shared HTTP cache may keep: outside the middleware that set cookies.
    "cms.http_cache.SharedCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The site, the page at the path, the menu and other site-wide pieces from the cache.
    "cms.site_cache.SiteCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks a session verified by a second factor; the next one sends a staff member
    # who turned two-factor sign-in on, and whose session is not verified, to sign in.
    "django_otp.middleware.OTPMiddleware",
    "cms.two_factor.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its own answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# SQLite is the embedded default so that `make run` needs nothing else; PostgreSQL is
# production's database and is chosen by DATABASE_URL.
DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'opstap.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", DEFAULT_SQLITE_URL),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] != ":memory:":
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # A web process and a task worker write at once: WAL and an immediate transaction
    # mode avoid most "database is locked" errors (Django's documented advice).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Users ----------------------------------------------------------------------------
AUTH_USER_MODEL = "cms.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# Staff sign in with a password; after AXES_FAILURE_LIMIT wrong ones for one address from
# one place, that pair is locked for a while (django-axes). Participants never have a
# password: they sign in by emailed link, which has its own rate limits.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("OPSTAP_SIGN_IN_FAILURES", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("OPSTAP_SIGN_IN_LOCKOUT_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Wagtail's sign-in form names the address field "username" (our users sign in by email).
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cms/sign_in_locked.html"
# Only failed attempts are kept (and removed after the cool-off), not every sign-in.
AXES_DISABLE_ACCESS_LOG = True
# Two-factor sign-in for staff (django-otp): a code from an authenticator app, or one of
# ten single-use backup codes. The issuer is the name the app shows beside the code.
OTP_TOTP_ISSUER = "Opstap"
# Minutes between the password and the code before the sign-in starts over.
OPSTAP_TWO_FACTOR_MINUTES = 5

# --- Languages ------------------------------------------------------------------------
extend_lang_info()
LANGUAGE_CODE = "nl"
LANGUAGES = parse_languages(os.environ.get("OPSTAP_LANGUAGES", DEFAULT_LANGUAGES))
LANGUAGES_BIDI = languages_bidi()
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# --- Static files and uploads ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Applicants' uploads and certificate PDFs: never under MEDIA_URL, served only through
# views that check who is asking. An object store is a change of backend here.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "cms.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Cache ----------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "opstap",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background work ------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Email ----------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Opstap <noreply@opstap.localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Opstap"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "txt", "csv"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILEMBEDS_FINDERS = []  # no third-party embeds: pages load nothing from other hosts
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Picks PostgreSQL's full-text search on PostgreSQL and SQLite's FTS elsewhere.
        "BACKEND": "wagtail.search.backends.database",
        # The site is multilingual: "simple" does not stem words as if they were English.
        "SEARCH_CONFIG": "simple",
    }
}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Security defaults (production tightens these further) ----------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail lets its own previews frame themselves

# The public site runs no inline script or style: everything comes from our own static
# files, so an injected <script> would not run. The admin is Wagtail's, which needs
# inline code; it sits behind a sign-in and gets the framing and referrer rules above.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/documents/"],
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
    },
}
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Wagtail logs every page save at INFO; the audit log already records them.
        "wagtail": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# --- Applications and the participant portal ------------------------------------------
# Days an untouched application draft (and its uploads) is kept before it is purged;
# also how long its emailed resume link works.
OPSTAP_DRAFT_RETENTION_DAYS = int(os.environ.get("OPSTAP_DRAFT_RETENTION_DAYS", "30"))
# Tries to send an email (the first, then retries after 1, 2, 4, 8... minutes) before it
# waits for staff in the admin ("Niet verstuurde e-mails").
OPSTAP_MAIL_ATTEMPTS = int(os.environ.get("OPSTAP_MAIL_ATTEMPTS", "6"))
# Months after a case is closed before its personal data is erased (the statistics stay).
OPSTAP_CASE_RETENTION_MONTHS = int(os.environ.get("OPSTAP_CASE_RETENTION_MONTHS", "24"))
# Minutes a participant's emailed sign-in link works.
OPSTAP_SIGN_IN_LINK_MINUTES = int(os.environ.get("OPSTAP_SIGN_IN_LINK_MINUTES", "30"))
# Café registrations accepted from one IP address per hour.
OPSTAP_CAFE_REGISTRATIONS_PER_IP_HOUR = int(
    os.environ.get("OPSTAP_CAFE_REGISTRATIONS_PER_IP_HOUR", "20")
)
# Largest upload accepted in the application wizard, in megabytes.
OPSTAP_UPLOAD_MAX_MB = int(os.environ.get("OPSTAP_UPLOAD_MAX_MB", "10"))

# --- Partner accounts: referrers and employers ---------------------------------------
# Days the sign-in link in an invitation to a referrer or employer works.
OPSTAP_PARTNER_INVITATION_DAYS = int(os.environ.get("OPSTAP_PARTNER_INVITATION_DAYS", "7"))
# Days a referred candidate has to confirm the referral; after that, everything about
# them is erased (`manage.py purge_unconfirmed_referrals`, daily). Also how long the
# link in the candidate's message works.
OPSTAP_REFERRAL_CONFIRM_DAYS = int(os.environ.get("OPSTAP_REFERRAL_CONFIRM_DAYS", "14"))
# Days a candidate proposed to an employer may wait for the open interview before the
# employer area highlights the proposal (the blind-hiring commitment: every proposed
# candidate is invited).
OPSTAP_INTERVIEW_WAIT_DAYS = int(os.environ.get("OPSTAP_INTERVIEW_WAIT_DAYS", "10"))

# --- The shared HTTP cache (Varnish) ----------------------------------------------------
# Seconds the shared cache keeps an anonymous page that nothing personal is on; a purge
# (cms.http_cache) refreshes it sooner. 0 marks nothing public.
OPSTAP_SHARED_CACHE_SECONDS = int(os.environ.get("OPSTAP_SHARED_CACHE_SECONDS", "600"))
# Seconds a listing (sessions, partners, vacancies, news) is kept rendered in Django's
# cache (cms.listing_cache); any change an editor makes, and any registration, renews it
# sooner. Time-bound contents (a session that ended) follow within this time. 0: never.
OPSTAP_LISTING_CACHE_SECONDS = int(os.environ.get("OPSTAP_LISTING_CACHE_SECONDS", "60"))
# Where Wagtail's frontend cache sends its purges: the Varnish in front of the site.
if os.environ.get("OPSTAP_VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["OPSTAP_VARNISH_URL"],
        }
    }
# Every translation is a page with its own URL: a purge names the languages it means.
WAGTAILFRONTENDCACHE_LANGUAGES = []
