"""Settings come from the environment; production refuses to start half-configured."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from cms.settings.languages import parse_languages

PROJECT = Path(__file__).resolve().parents[2]


def run_with_settings(module, code, **env):
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"}
    }
    clean_env.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRINT_SETTING = "import django; django.setup(); from django.conf import settings; print({expr})"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with_settings(
        "cms.settings.production", PRINT_SETTING.format(expr="1"), ALLOWED_HOSTS="example.org"
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_with_settings(
        "cms.settings.production", PRINT_SETTING.format(expr="1"), SECRET_KEY="x" * 60
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_deployment_checklist_reports_nothing_for_a_realistic_production_environment(tmp_path):
    result = run_with_settings(
        "cms.settings.production",
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', "
        "'DEBUG'])",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="opstap.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.sqlite3'}",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_database_url_selects_postgresql():
    result = run_with_settings(
        "cms.settings.dev",
        PRINT_SETTING.format(expr="settings.DATABASES['default']['ENGINE']"),
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/opstap",
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_sqlite_is_the_default_database_and_tolerates_a_worker_writing_at_once():
    result = run_with_settings(
        "cms.settings.dev",
        PRINT_SETTING.format(
            expr="settings.DATABASES['default']['ENGINE'], "
            "settings.DATABASES['default']['OPTIONS']['transaction_mode']"
        ),
    )
    assert result.stdout.strip() == "django.db.backends.sqlite3 IMMEDIATE"


def test_redis_url_selects_the_redis_cache():
    result = run_with_settings(
        "cms.settings.dev",
        PRINT_SETTING.format(expr="settings.CACHES['default']['BACKEND']"),
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


def test_production_sends_email_over_smtp_configured_from_the_environment():
    result = run_with_settings(
        "cms.settings.production",
        PRINT_SETTING.format(expr="settings.EMAIL_BACKEND, settings.EMAIL_HOST"),
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="example.org",
        EMAIL_HOST="smtp.example.org",
    )
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
    ]


def test_uploads_have_a_private_storage_outside_the_public_media_url(settings):
    from django.core.files.storage import storages

    assert "private" in settings.STORAGES
    private = storages["private"]
    with pytest.raises(ValueError):
        private.url("applications/passport.pdf")


def test_language_list_is_a_setting_with_dutch_always_first():
    assert [code for code, _ in parse_languages("en,fr")] == ["nl", "en", "fr"]
    assert parse_languages("nl,ar")[1] == ("ar", "العربيّة")


def test_an_unknown_language_code_is_refused_with_how_to_fix_it():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="EXTRA_LANG_INFO"):
        parse_languages("nl,xx")
