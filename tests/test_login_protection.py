"""Admin logins: lockout after repeated failures (django-axes) and password rules."""

from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import RequestFactory, TestCase
from django.urls import reverse

from wagtail.test.utils import WagtailTestUtils

import pytest
from axes.exceptions import AxesBackendRequestParameterRequired

from ifrc_site.security.throttle import client_ip_address

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-passphrase"


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("lock-test", "lock@example.org", PASSWORD)
    user.is_superuser = True
    user.save()
    return user


def log_in(client, password, address="127.0.0.1"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": "lock-test", "password": password},
        REMOTE_ADDR=address,
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def test_five_wrong_passwords_lock_the_account_out(client, staff, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _attempt in range(4):
        response = log_in(client, "wrong password")
        assert response.status_code == 200  # the login form again, with its error
    response = log_in(client, "wrong password")
    assert response.status_code == 429
    assert "Too many failed logins" in response.text

    # Even the right password is refused now, and nobody is logged in.
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)


def test_the_lock_is_for_that_user_from_that_address(client, staff):
    for _attempt in range(5):
        log_in(client, "wrong password")
    assert log_in(client, PASSWORD).status_code == 429
    # The same person from another address is not locked out.
    assert log_in(client, PASSWORD, address="192.0.2.7").status_code == 302
    assert logged_in(client)


def test_a_successful_login_starts_the_count_again(client, staff):
    for _attempt in range(4):
        log_in(client, "wrong password")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _attempt in range(4):
        assert log_in(client, "wrong password").status_code == 200
    assert log_in(client, PASSWORD).status_code == 302


def test_test_client_login_and_force_login_still_work(client, staff):
    assert client.login(username="lock-test", password=PASSWORD)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    client.logout()
    client.force_login(staff)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_authenticate_without_a_request_is_refused(staff):
    # Why tests/conftest.py gives the test client's login() a request.
    with pytest.raises(AxesBackendRequestParameterRequired):
        authenticate(username="lock-test", password=PASSWORD)


class WagtailTestUtilsLoginTests(WagtailTestUtils, TestCase):
    def test_login_helper_still_works(self):
        self.login()
        assert self.client.get(reverse("wagtailadmin_home")).status_code == 200


def test_passwords_need_twelve_characters_and_not_a_common_one():
    user = get_user_model()(username="someone")
    with pytest.raises(ValidationError):
        validate_password("Short-pass1", user)
    with pytest.raises(ValidationError):
        validate_password("password1234", user)
    validate_password("volunteers-at-dawn", user)


def test_the_client_address_cannot_be_forged(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.4"
    )
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip_address(request) == "10.0.0.1"
    # Behind one proxy, the address it saw is the last entry; the client wrote the ones before.
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip_address(request) == "198.51.100.4"
