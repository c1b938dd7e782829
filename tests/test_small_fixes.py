"""Small fixes: the low-data cookie's flags, the admin's address in production, logins locked
per address, and HEAD on the language switcher."""

import subprocess

from django.urls import reverse

import pytest

from ifrc_site.caching.pagecache import LOW_DATA_COOKIE

from .helpers import BASE_DIR, PYTHON, production_env

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-passphrase"


# The low-data cookie -----------------------------------------------------------------------


def test_low_data_cookie_is_http_only_and_lax(client):
    response = client.get(reverse("low_data"), {"on": "1", "next": "/en/"})
    cookie = response.cookies[LOW_DATA_COOKIE]
    assert cookie.value == "1"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]  # plain HTTP, and the test settings do not ask for it


def test_low_data_cookie_is_secure_where_the_session_cookie_is(client, settings):
    settings.SESSION_COOKIE_SECURE = True
    cookie = client.get(reverse("low_data"), {"on": "1"}).cookies[LOW_DATA_COOKIE]
    assert cookie["secure"]


def test_low_data_cookie_is_secure_over_https(client):
    cookie = client.get(reverse("low_data"), {"on": "1"}, secure=True).cookies[LOW_DATA_COOKIE]
    assert cookie["secure"]


# The admin's address in production ---------------------------------------------------------

# The settings module alone: the apps are not needed to read a setting.
PRINT_BASE_URL = "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"


def production_base_url(**env):
    return subprocess.run(
        [PYTHON, "-c", PRINT_BASE_URL],
        cwd=BASE_DIR,
        env=production_env(REDIS_URL="redis://127.0.0.1:6379/0", **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_admin_address_comes_from_the_environment():
    result = production_base_url(WAGTAILADMIN_BASE_URL="https://admin.example.org/")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "https://admin.example.org"


def test_production_admin_address_defaults_to_the_first_public_host():
    result = production_base_url(
        WAGTAILADMIN_BASE_URL=None, ALLOWED_HOSTS="localhost,www.example.org,example.org"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "https://www.example.org"


@pytest.mark.parametrize(
    "address", ["http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]/"]
)
def test_production_refuses_a_loopback_admin_address(address):
    result = production_base_url(WAGTAILADMIN_BASE_URL=address)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "WAGTAILADMIN_BASE_URL" in result.stderr


# Logins locked per address -----------------------------------------------------------------


def test_one_address_cannot_try_a_password_on_every_account(client, django_user_model, settings):
    accounts = [
        django_user_model.objects.create_user(f"person-{number}", password=PASSWORD)
        for number in range(settings.AXES_FAILURE_LIMIT)
    ]
    login_url = reverse("wagtailadmin_login")

    def log_in(username, password, address="203.0.113.5"):
        return client.post(
            login_url, {"username": username, "password": password}, REMOTE_ADDR=address
        )

    # One wrong password on each account, never twice on the same one.
    for account in accounts[:-1]:
        assert log_in(account.username, "summer-2026-password").status_code == 200
    response = log_in(accounts[-1].username, "summer-2026-password")
    assert response.status_code == 429
    assert "Too many failed logins" in response.text
    # Even a right password from that address is refused now...
    assert log_in(accounts[0].username, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    # ...but the same person from another address gets in.
    assert log_in(accounts[0].username, PASSWORD, address="198.51.100.4").status_code == 302


# HEAD on the language switcher -------------------------------------------------------------


def test_language_switcher_answers_head_like_get(client, settings):
    get = client.get("/language/fr/?next=/fr/")
    head = client.head("/language/fr/?next=/fr/")
    assert get.status_code == 302
    assert head.status_code == 302
    assert head["Location"] == get["Location"] == "/fr/"
    assert head.content == b""
    assert head.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def test_language_switcher_still_refuses_post(client):
    assert client.post("/language/fr/").status_code == 405
