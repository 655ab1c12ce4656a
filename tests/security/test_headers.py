"""Security headers: the Content-Security-Policy of public and admin pages, and production's HTTPS settings."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.members.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def test_a_public_page_allows_only_the_sites_own_scripts_and_styles(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no nonce: cacheable and strict
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_a_chinese_page_and_a_404_carry_the_same_policy(client, home_page):
    english = client.get("/")["Content-Security-Policy"]

    assert client.get("/zh-hans/")["Content-Security-Policy"] == english
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert missing["Content-Security-Policy"] == english


def test_the_admin_gets_a_relaxed_policy_that_still_refuses_plugins_and_foreign_framing(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get("/admin/")

    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]  # Wagtail's own inline scripts
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]  # Wagtail's preview frames pages inside the admin
    assert policy["form-action"] == ["'self'"]


def test_the_admin_sign_in_page_is_under_the_admin_policy_too(client):
    policy = directives(client.get("/admin/login/")["Content-Security-Policy"])

    assert policy["frame-ancestors"] == ["'self'"]


# --- Templates -------------------------------------------------------------------------------

ADMIN_TEMPLATES = ("templates/initiatives/admin/", "templates/portal/library/admin/", "templates/members/admin/")
INLINE_CODE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"<style[\s>]", re.I), "a <style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an on… event handler attribute"),
    (re.compile(r"javascript:", re.I), "a javascript: address"),
]


def public_templates() -> list[Path]:
    found = sorted((ROOT / "templates").rglob("*.html"))
    for app in ("portal", "members", "initiatives", "search"):
        found += sorted((ROOT / app / "templates").rglob("*.html"))
    return [path for path in found if not str(path.relative_to(ROOT)).startswith(ADMIN_TEMPLATES)]


def test_no_public_template_holds_code_the_policy_would_block():
    """Public pages would break silently under the policy: every script and style lives in a static file."""
    templates = public_templates()
    assert len(templates) > 50
    offences = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in templates
        for pattern, what in INLINE_CODE
        if pattern.search(path.read_text())
    ]
    assert offences == []


def test_the_template_check_recognises_inline_code():
    caught = [what for pattern, what in INLINE_CODE if pattern.search('<script>alert(1)</script><p style="x">')]
    assert caught == ["an inline <script>", "a style attribute"]
    allowed = '<script src="/static/a.js" defer></script><script type="application/ld+json">{}</script>'
    assert not any(pattern.search(allowed) for pattern, _what in INLINE_CODE)


# --- Production -------------------------------------------------------------------------------

PRODUCTION_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
]


def production_settings() -> dict:
    code = (
        "import django, json; django.setup(); from django.conf import settings;"
        f"print(json.dumps({{name: getattr(settings, name) for name in {PRODUCTION_SETTINGS!r}}}))"
    )
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    environment |= {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "k" * 30 + "-production-like-secret-" + "z" * 30,
        "ALLOWED_HOSTS": "portal.example.org",
    }
    result = subprocess.run(  # noqa: S603 - this interpreter with fixed code
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_everything_over_https_with_locked_down_cookies():
    values = production_settings()

    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["SECURE_CROSS_ORIGIN_OPENER_POLICY"] == "same-origin"
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    for cookie in ("SESSION", "CSRF", "LANGUAGE"):
        assert values[f"{cookie}_COOKIE_SECURE"] is True, cookie
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == values["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert values["X_FRAME_OPTIONS"] == "DENY"
    script_src = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["script-src"]
    assert script_src == ["'self'"]
