"""Test set-up shared by every module.

The demo site is loaded once per test session into the test database (each test then runs in
its own transaction, rolled back afterwards), so page tests see real content without each test
paying for it. Tests that need something specific build it with the factories.
"""

from django.core.management import call_command

from wagtail.models import Locale, Page

import pytest

from ifrc_site.models import HomePage
from immunization.models import ImmunizationPage
from migration.models import MigrationPage


def pytest_collection_modifyitems(config, items):
    """Browser tests run last: the quick tests report first, and no database test runs while
    the browser (whose Playwright driver keeps an event loop in this thread) is open."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", allow_production=True, verbosity=0)


@pytest.fixture
def home(db):
    return HomePage.objects.get(locale=Locale.get_default())


@pytest.fixture
def migration_page(db):
    return MigrationPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def immunization_page(db):
    return ImmunizationPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.get(username="admin")
    client.force_login(user)
    return client
