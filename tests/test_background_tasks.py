"""Background work on the task queue: reading uploaded PDFs, CDN purges, renditions and e-mail
leave the request; a worker does them; what fails is tried again, then shown with its reason.

Most tests here switch to the database backend (django-tasks-db), as on a live site, and run
the worker (`manage.py db_worker --batch`) where one would run beside the site.
"""

import datetime
import io
import smtplib

from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.models import Collection, Page

import pytest
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from fpdf import FPDF

from ifrc_site.caching.renditions import expanded
from ifrc_site.ops.tasks import MAX_ATTEMPTS, RETRY_DELAYS
from news.models import NewsIndexPage
from resources import models as resource_models
from resources.models import Resource

from .factories import ImageFactory, NewsStoryPageFactory

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queue(settings, monkeypatch):
    """Tasks queued in the database, for the worker, as on a live site. The worker runs in the
    test's own transaction, so it must not close the test's database connection between tasks
    as it does between requests for them."""
    settings.TASKS = DATABASE_BACKEND
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def queued(task_name):
    return DBTaskResult.objects.filter(task_path__endswith=task_name, status="READY")


def pdf_of(*pages):
    document = FPDF()
    document.set_font("helvetica")
    for text in pages:
        document.add_page()
        document.cell(text=text)
    return bytes(document.output())


def upload(client, name="field-report.pdf", data=None):
    return client.post(
        "/admin/documents/add/",
        {
            "title": f"Queued {name}",
            "file": SimpleUploadedFile(name, data or pdf_of("Water reached.")),
            "collection": Collection.get_first_root_node().pk,
            "resource_type": "report",
            "language": "en",
        },
    )


# Reading an uploaded PDF ------------------------------------------------------------------


def test_an_upload_is_read_by_the_worker_and_hidden_from_readers_until_then(
    admin_client, client, home, queue
):
    response = upload(admin_client)
    assert response.status_code == 302
    document = Resource.objects.get(title="Queued field-report.pdf")
    assert document.processing == "pending" and document.page_count is None
    assert queued("process_document").count() == 1

    # Readers: not at its address, not in the library; editors: "Processing…" on its page
    # and in the list.
    assert client.get(document.url).status_code == 404
    assert not Resource.objects.listed().filter(pk=document.pk).exists()
    page = admin_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert 'data-document-processing="pending"' in page
    listing = admin_client.get("/admin/documents/").content.decode()
    assert "Processing…" in listing

    run_worker()
    document.refresh_from_db()
    assert document.processing == "ready"
    assert document.page_count == 1 and "Water reached." in document.extracted_text
    assert document.thumbnail
    assert client.get(document.url).status_code == 200
    assert "Processing…" not in admin_client.get("/admin/documents/").content.decode()


def test_an_edit_saved_while_the_worker_reads_keeps_what_it_read(admin_client, queue):
    upload(admin_client)
    document = Resource.objects.get(title="Queued field-report.pdf")
    # The editor opened the form before the worker finished, and saves after it did.
    run_worker()
    document.title = "Field report, corrected"
    document.save()
    document.refresh_from_db()
    assert document.title == "Field report, corrected"
    assert document.processing == "ready" and document.page_count == 1


def test_a_reading_that_fails_is_tried_again_later_then_shown_with_its_reason(
    admin_client, queue, monkeypatch
):
    attempts = []

    def out_of_reach(field_file):
        attempts.append(field_file.name)
        raise ConnectionError("object storage out of reach")

    monkeypatch.setattr(resource_models, "read_stored_pdf", out_of_reach)
    upload(admin_client)
    document = Resource.objects.get(title="Queued field-report.pdf")
    for attempt in range(1, MAX_ATTEMPTS + 1):
        started = timezone.now()
        run_worker()
        assert len(attempts) == attempt
        document.refresh_from_db()
        if attempt < MAX_ATTEMPTS:
            assert document.processing == "pending"
            assert "object storage out of reach" in document.processing_problem
            retry = queued("process_document").get()
            assert retry.args_kwargs["kwargs"] == {"attempt": attempt + 1}
            delay = RETRY_DELAYS[attempt - 1]
            assert retry.run_after >= started + datetime.timedelta(seconds=delay - 1)
            # Not before its time: a worker now leaves it.
            run_worker()
            assert len(attempts) == attempt
            DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    assert document.processing == "failed"
    assert not queued("process_document").exists()
    page = admin_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert 'data-document-processing="failed"' in page
    assert "object storage out of reach" in page
    assert "Could not be processed" in admin_client.get("/admin/documents/").content.decode()


def test_without_a_worker_a_failing_reading_is_tried_at_once(admin_client, monkeypatch):
    calls = []

    def out_of_reach(field_file):
        calls.append(1)
        raise OSError("disk full")

    monkeypatch.setattr(resource_models, "read_stored_pdf", out_of_reach)
    assert upload(admin_client).status_code == 302
    assert len(calls) == MAX_ATTEMPTS
    document = Resource.objects.get(title="Queued field-report.pdf")
    assert document.processing == "failed" and "disk full" in document.processing_problem


def test_a_replaced_file_is_read_again(admin_client, queue):
    upload(admin_client)
    run_worker()
    document = Resource.objects.get(title="Queued field-report.pdf")
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": document.title,
            "file": SimpleUploadedFile("second.pdf", pdf_of("One.", "Two.")),
            "collection": document.collection_id,
            "resource_type": "report",
            "language": "en",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    document.refresh_from_db()
    assert document.processing == "pending" and document.page_count is None
    run_worker()
    document.refresh_from_db()
    assert (document.processing, document.page_count) == ("ready", 2)


def test_other_files_need_no_reading(admin_client, queue):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Figures",
            "file": SimpleUploadedFile("figures.csv", b"country,people\nChad,120\n"),
            "collection": Collection.get_first_root_node().pk,
            "resource_type": "report",
            "language": "en",
        },
    )
    assert response.status_code == 302
    assert Resource.objects.get(title="Figures").processing == "ready"
    assert not queued("process_document").exists()


# CDN purges and renditions on publish -------------------------------------------------------


def test_publishing_asks_the_worker_to_purge_the_cdn(home, queue, settings, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    sent = []
    monkeypatch.setattr(HTTPBackend, "purge", lambda backend, url: sent.append(url))
    story = NewsStoryPageFactory(parent=NewsIndexPage.objects.filter(locale=home.locale).first())
    story.save_revision().publish()
    assert sent == []  # nothing asked of the CDN while the editor waits
    addresses = [
        url for task in queued("purge_urls_from_cache_task") for url in task.args_kwargs["args"][0]
    ]
    assert any(url.endswith(story.url) for url in addresses)
    run_worker()
    assert any(url.endswith(story.url) for url in sent)


def test_renditions_for_a_published_page_are_made_by_the_worker(home, queue, settings):
    settings.WARM_RENDITIONS_ON_PUBLISH = True
    image = ImageFactory()
    story = NewsStoryPageFactory(
        parent=NewsIndexPage.objects.filter(locale=home.locale).first(), hero_image=image
    )
    story.save_revision().publish()
    assert image.renditions.count() == 0
    assert queued("make_page_renditions").exists()
    run_worker()
    assert image.renditions.count() > 0


def test_make_renditions_queues_every_live_page_and_the_worker_makes_what_is_missing(
    home, queue, settings
):
    """`manage.py make_renditions`: for content that publishing's tasks never saw (a restored
    database, new sizes in renditions.SPECS)."""
    settings.WARM_RENDITIONS_ON_PUBLISH = False
    news = NewsIndexPage.objects.filter(locale=home.locale).first()
    image = ImageFactory()
    story = NewsStoryPageFactory(parent=news, hero_image=image)
    story.save_revision().publish()
    draft = NewsStoryPageFactory(parent=news, hero_image=ImageFactory(), live=False)
    assert not queued("make_page_renditions").exists()
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    pages = {task.args_kwargs["args"][0] for task in queued("make_page_renditions")}
    live = set(Page.objects.live().exclude(depth=1).values_list("pk", flat=True))
    assert story.pk in pages and draft.pk not in pages and pages == live
    assert f"queued for {len(live)} live page(s)" in out.getvalue()
    run_worker()
    made = image.renditions.count()
    assert made == len(expanded("wide")) + len(expanded("card"))
    assert draft.hero_image.renditions.count() == 0
    call_command("make_renditions", stdout=io.StringIO())
    run_worker()
    assert image.renditions.count() == made  # those already made are kept, none twice


# E-mail ------------------------------------------------------------------------------------


class UnreachableMailServer(LocmemBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("mail server went away")


def notification():
    message = EmailMultiAlternatives(
        "A page awaits your review",
        "Plain words",
        "site@example.org",
        ["reviewer@example.org"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>HTML words</p>", "text/html")
    message.attach("figures.csv", b"a,b\n1,2\n", "text/csv")
    return message


@pytest.fixture
def queued_mail(settings):
    settings.EMAIL_BACKEND = "ifrc_site.ops.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_mail_is_sent_by_the_worker_as_it_was_written(db, queued_mail, queue):
    assert notification().send() == 1
    assert mail.outbox == []
    run_worker()
    [sent] = mail.outbox
    assert sent.subject == "A page awaits your review"
    assert sent.to == ["reviewer@example.org"] and sent.from_email == "site@example.org"
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    assert sent.alternatives[0] == ("<p>HTML words</p>", "text/html")
    assert sent.attachments[0][:2] == notification().attachments[0][:2]


def test_mail_the_server_refuses_is_tried_again_later(db, queued_mail, queue, settings):
    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.UnreachableMailServer"
    notification().send()
    run_worker()
    retry = queued("send_email").get()
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now()
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert [message.subject for message in mail.outbox] == ["A page awaits your review"]


def test_a_task_that_fails_its_last_attempt_is_listed_with_its_reason(
    admin_client, client, queued_mail, queue, settings, django_user_model
):
    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.UnreachableMailServer"
    notification().send()
    for _ in range(MAX_ATTEMPTS):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker()
    failed = DBTaskResult.objects.get(status="FAILED")
    assert failed.task_path.endswith("send_email")
    assert failed.args_kwargs["kwargs"] == {"attempt": MAX_ATTEMPTS}

    report = admin_client.get("/admin/reports/background-tasks/")
    assert report.status_code == 200
    page = report.content.decode()
    assert page.index('data-task-status="FAILED"') < page.index('data-task-status="SUCCESSFUL"')
    assert "SMTPServerDisconnected: mail server went away" in page
    assert 'title="ifrc_site.ops.mail.send_email">send_email</span>' in page

    # Only administrators see it: an editor with the admin's access is refused.
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/reports/background-tasks/").status_code in (302, 403)


def test_documents_stranded_by_a_lost_worker_are_queued_again(admin_client, queue):
    upload(admin_client)
    document = Resource.objects.get(title="Queued field-report.pdf")
    output = io.StringIO()
    call_command("process_documents", stdout=output)
    assert "0 document(s)" in output.getvalue()  # its task is waiting: nothing to do

    # The worker took the task and was killed (SIGKILL): "running" for ever.
    queued("process_document").update(
        status="RUNNING", started_at=timezone.now() - datetime.timedelta(hours=1)
    )
    call_command("process_documents", stdout=output)
    assert "1 document(s)" in output.getvalue()
    run_worker()
    document.refresh_from_db()
    assert document.processing == "ready"


def test_failed_readings_are_queued_again_when_asked(admin_client, queue, monkeypatch):
    storage_down = [True]
    read = resource_models.read_stored_pdf

    def out_of_reach(field_file):
        if storage_down[0]:
            raise OSError("gone")
        return read(field_file)

    monkeypatch.setattr(resource_models, "read_stored_pdf", out_of_reach)
    upload(admin_client)
    for _ in range(MAX_ATTEMPTS):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker()
    document = Resource.objects.get(title="Queued field-report.pdf")
    assert document.processing == "failed"
    storage_down[0] = False
    call_command("process_documents", stdout=io.StringIO())
    assert not queued("process_document").exists()  # failed ones only with --failed
    call_command("process_documents", "--failed", stdout=io.StringIO())
    run_worker()
    document.refresh_from_db()
    assert document.processing == "ready" and document.page_count == 1


def test_the_documents_named_are_read_again_whatever_their_state(admin_client, queue):
    upload(admin_client)
    run_worker()
    document = Resource.objects.get(title="Queued field-report.pdf")
    assert document.processing == "ready"
    call_command("process_documents", str(document.pk), stdout=io.StringIO())
    document.refresh_from_db()
    assert document.processing == "pending"  # hidden again until read
    assert queued("process_document").count() == 1
    run_worker()
    document.refresh_from_db()
    assert document.processing == "ready" and document.page_count == 1
