"""The content health report (Reports › Content health) and its counts on the dashboard: each
kind of problem is made here with fixture content, found, linked to where it is fixed, and
exported (ifrc_site/editorial/health.py, resources/health.py, migration/health.py)."""

import datetime
import io

from django.utils import timezone

from wagtail.models import Locale

import pytest
from openpyxl import load_workbook

from ifrc_site.editorial import health
from ifrc_site.models import NationalSociety, StandardPage
from migration.models import HelpPointPage, MigrationPage
from resources.models import Resource

from .factories import ImageFactory, ResourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

REPORT = "/admin/reports/content-health/"


def found(kind):
    return {problem.title: problem for problem in health.problems(kind)}


def test_pictures_without_alt_text_or_with_their_file_name():
    plain = ImageFactory(title="Volunteers at the port", description="")
    named = ImageFactory(title="Clinic queue", description="")
    named.description = named.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    named.save()
    described = ImageFactory(title="Tent rows", description="Rows of white tents on a hillside.")
    problems = found("alt_text")
    assert problems[plain.title].detail == "no alt text"
    assert problems[named.title].detail == "the alt text is the file's name"
    assert described.title not in problems
    assert problems[plain.title].edit_url == f"/admin/images/{plain.pk}/"


def test_pages_missing_a_language_and_translations_behind_their_source(home):
    page = StandardPage(title="Volunteering with us", slug="volunteering")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert found("missing_language")[page.title].detail == "not in fr, es, ar"
    assert "Migration" not in found("missing_language")  # in every language

    english = MigrationPage.objects.get(locale__language_code="en")
    english.save_revision().publish()  # the English page changes after its copies
    french = MigrationPage.objects.get(locale__language_code="fr")
    behind = [
        p
        for p in health.problems("outdated_translation")
        if p.edit_url.endswith(f"/{french.pk}/edit/")
    ]
    assert behind and "fr copy" in behind[0].detail


def link_to(target):
    return f'<p>See <a linktype="page" id="{target.pk}">the guide</a>.</p>'


def test_links_to_pages_readers_cannot_open(home):
    target = StandardPage(title="Old guide", slug="old-guide")
    home.add_child(instance=target)
    target.save_revision().publish()
    source = StandardPage(
        title="Where to start", slug="where-to-start", body=[("paragraph", link_to(target))]
    )
    home.add_child(instance=source)
    source.save_revision().publish()
    assert source.title not in found("broken_page_link")
    target.unpublish()
    problem = found("broken_page_link")[source.title]
    assert problem.edit_url == f"/admin/pages/{source.pk}/edit/"


def test_links_to_documents_readers_may_not_see(home):
    document = ResourceFactory(
        title="Embargoed assessment",
        go_live_at=timezone.now() + datetime.timedelta(days=3),
    )
    page = StandardPage(
        title="Assessments",
        slug="assessments",
        body=[("documents", {"heading": "Read", "documents": [document]})],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    assert "1 document(s)" in found("hidden_document_link")[page.title].detail
    Resource.objects.filter(pk=document.pk).update(go_live_at=None)
    assert page.title not in found("hidden_document_link")


def test_heavy_pdfs_without_a_text_version_and_inaccessible_pdfs():
    document = ResourceFactory(title="Scanned annual report")
    assert document.title in found("inaccessible_pdf")  # fonts not embedded, not tagged
    assert document.title not in found("heavy_pdf")
    Resource.objects.filter(pk=document.pk).update(
        file_size=12 * 1024 * 1024, text_version=None, text_version_size=None
    )
    problem = found("heavy_pdf")[document.title]
    assert problem.detail.startswith("12.0 MB") and problem.edit_url.endswith(
        f"/documents/edit/{document.pk}/"
    )


def test_pages_past_their_review_date_and_unverified_help_points():
    page = MigrationPage.objects.get(locale__language_code="en")
    page.last_reviewed_on = timezone.localdate() - datetime.timedelta(days=500)
    page.save_revision().publish()
    assert page.title in found("review_due")

    point = HelpPointPage.objects.live().filter(locale=Locale.get_default()).first()
    HelpPointPage.objects.filter(pk=point.pk).update(
        last_verified_on=timezone.localdate() - datetime.timedelta(days=200)
    )
    assert point.title in found("help_point_unverified")
    HelpPointPage.objects.filter(pk=point.pk).update(last_verified_on=timezone.localdate())
    assert point.title not in found("help_point_unverified")


def test_the_report_lists_every_kind_filters_and_exports(admin_client):
    image = ImageFactory(title="Unlabelled photo", description="")
    page = admin_client.get(REPORT).content.decode()
    assert f'href="/admin/images/{image.pk}/">Unlabelled photo</a>' in page
    for label in health.KINDS.values():
        assert str(label) in page  # the filter links
    only = admin_client.get(REPORT, {"kind": "alt_text"}).content.decode()
    assert 'data-problem="alt_text"' in only and 'data-problem="inaccessible_pdf"' not in only

    csv = b"".join(admin_client.get(REPORT, {"export": "csv"})).decode()
    assert csv.splitlines()[0] == "Problem,Item,Detail,Where to fix it"
    assert f"Picture without alt text,Unlabelled photo,no alt text,/admin/images/{image.pk}/" in csv
    xlsx = admin_client.get(REPORT, {"export": "xlsx", "kind": "alt_text"})
    sheet = load_workbook(filename=io.BytesIO(b"".join(xlsx))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Problem", "Item", "Detail", "Where to fix it"]
    assert ["Picture without alt text", "Unlabelled photo", "no alt text"] in [
        row[:3] for row in rows
    ]


def test_only_staff_see_the_report_and_the_counts(admin_client, client, django_user_model):
    ImageFactory(title="Unlabelled photo", description="")
    dashboard = admin_client.get("/admin/").content.decode()
    assert 'id="content-health-section"' in dashboard
    assert 'href="/admin/reports/content-health/?kind=alt_text"' in dashboard

    society = NationalSociety.objects.filter(editor_group__isnull=False).first()
    editor = django_user_model.objects.create_user("society-editor", password="x")
    editor.groups.add(society.editor_group)
    client.force_login(editor)
    assert client.get(REPORT).status_code in (302, 403)
    assert 'id="content-health-section"' not in client.get("/admin/").content.decode()
