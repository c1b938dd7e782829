"""Configured by the environment alone: media in S3-compatible object storage, the database
pool, the task queue and sessions; and media and documents from a private bucket through the
site's own doors (an S3-compatible server from moto stands in for the object storage)."""

import json
import subprocess
import sys

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection

import boto3
import pytest
from fpdf import FPDF

from resources.models import Resource

from .factories import ImageFactory
from .helpers import BASE_DIR, free_port, production_env, stop, wait_for_port

SETTINGS_PROBE = """
import json
from django.conf import settings
database = settings.DATABASES["default"]
print(json.dumps({
    "storage": settings.STORAGES["default"],
    "serve_media": settings.SERVE_MEDIA,
    "tasks": settings.TASKS["default"]["BACKEND"],
    "pool": database.get("OPTIONS", {}).get("pool"),
    "conn_max_age": database["CONN_MAX_AGE"],
    "server_side_cursors_off": database["DISABLE_SERVER_SIDE_CURSORS"],
    "sessions": settings.SESSION_ENGINE,
    "email": [settings.EMAIL_BACKEND, getattr(settings, "EMAIL_DELIVERY_BACKEND", None)],
    "cdn": {name: cdn["BACKEND"] for name, cdn in settings.WAGTAILFRONTENDCACHE.items()},
    "folders": [str(settings.MEDIA_ROOT), str(settings.STATIC_ROOT)],
}))
"""


def settings_with(**environment):
    """The production settings a process started with this environment has (read from the
    settings module alone: the apps, which would take a second more to load, are not needed)."""
    env = production_env(REDIS_URL="redis://127.0.0.1:6379/0", **environment)
    done = subprocess.run(
        [sys.executable, "-c", SETTINGS_PROBE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


BUCKET_ENVIRONMENT = {
    "AWS_STORAGE_BUCKET_NAME": "library-media",
    "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    "AWS_S3_REGION_NAME": "eu-west-1",
    "AWS_ACCESS_KEY_ID": "key",
    "AWS_SECRET_ACCESS_KEY": "secret",
}


def test_a_bucket_in_the_environment_puts_media_in_object_storage():
    found = settings_with(**BUCKET_ENVIRONMENT)
    assert found["storage"]["BACKEND"] == "ifrc_site.storage.PrivateBucketStorage"
    options = found["storage"]["OPTIONS"]
    assert options["bucket_name"] == "library-media"
    assert options["endpoint_url"] == "http://127.0.0.1:9000"
    assert options["region_name"] == "eu-west-1"
    assert (options["default_acl"], options["querystring_auth"]) == (None, True)
    assert options["file_overwrite"] is False
    # Media come through the site (and the CDN), never from the bucket's own address.
    assert found["serve_media"] is True


def test_without_a_bucket_media_stay_on_disk():
    for found in (settings_with(), settings_with(AWS_STORAGE_BUCKET_NAME="")):
        assert found["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
        assert found["serve_media"] is False


def test_media_and_static_folders_come_from_the_environment_when_set():
    assert settings_with(MEDIA_ROOT="/srv/site/media", STATIC_ROOT="/srv/site/static")[
        "folders"
    ] == ["/srv/site/media", "/srv/site/static"]
    checkout = [str(BASE_DIR / "media"), str(BASE_DIR / "staticfiles")]
    assert settings_with(MEDIA_ROOT=None, STATIC_ROOT=None)["folders"] == checkout
    # Set but empty (a deployment's template left blank) is the default, not the current folder.
    assert settings_with(MEDIA_ROOT="", STATIC_ROOT="")["folders"] == checkout


def test_production_queues_background_work_and_mail_for_the_worker():
    found = settings_with()
    assert found["tasks"] == "django_tasks_db.DatabaseBackend"
    assert found["email"] == [
        "ifrc_site.ops.mail.QueuedEmailBackend",
        "django.core.mail.backends.smtp.EmailBackend",
    ]
    assert settings_with(TASKS_BACKEND="immediate")["tasks"] == (
        "django_tasks.backends.immediate.ImmediateBackend"
    )


def test_production_pools_postgresql_connections_unless_told_not_to():
    url = "postgres://site:secret@db.internal:5432/site"
    pooled = settings_with(DATABASE_URL=url, DATABASE_POOL_SIZE="6")
    assert pooled["pool"] == {"min_size": 1, "max_size": 6, "timeout": 10}
    assert pooled["conn_max_age"] == 0
    bouncer = settings_with(
        DATABASE_URL=url, DATABASE_POOL="false", DATABASE_DISABLE_SERVER_SIDE_CURSORS="true"
    )
    assert bouncer["pool"] is None and bouncer["server_side_cursors_off"] is True
    assert pooled["server_side_cursors_off"] is False


def test_sessions_are_rows_read_through_redis():
    assert settings_with()["sessions"] == "django.contrib.sessions.backends.cached_db"


# Through a real S3-compatible server -------------------------------------------------------


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(BASE_DIR / ".venv" / "bin" / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_port(port, process, 30, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


@pytest.fixture
def bucket(s3_server, settings):
    name = f"media-{free_port()}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id="key",
        aws_secret_access_key="secret",
    )
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "ifrc_site.storage.PrivateBucketStorage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_server,
                "region_name": "us-east-1",
                "access_key": "key",
                "secret_key": "secret",
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    return client, name


def keys(bucket, prefix):
    client, name = bucket
    return [
        item["Key"]
        for item in client.list_objects_v2(Bucket=name, Prefix=prefix).get("Contents", [])
    ]


def a_pdf():
    document = FPDF()
    document.add_page()
    document.set_font("helvetica")
    document.cell(text="Cold-chain audit of the northern districts.")
    return bytes(document.output())


def test_a_document_in_the_bucket_is_read_listed_and_served_through_the_site(
    admin_client, client, bucket, home
):
    data = a_pdf()
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Cold-chain audit",
            "file": SimpleUploadedFile("cold-chain-audit.pdf", data),
            "collection": Collection.get_first_root_node().pk,
            "resource_type": "report",
            "language": "en",
        },
    )
    assert response.status_code == 302
    document = Resource.objects.get(title="Cold-chain audit")
    assert document.processing == "ready" and "Cold-chain audit" in document.extracted_text
    assert any(key.endswith(".pdf") for key in keys(bucket, "documents/"))
    assert any(key.endswith(".webp") for key in keys(bucket, "documents/thumbnails/"))

    served = client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == data
    thumbnail = client.get(document.thumbnail.url)
    assert document.thumbnail.url.startswith("/media/documents/thumbnails/")
    assert thumbnail.status_code == 200 and thumbnail["Content-Type"] == "image/webp"
    assert thumbnail["Cache-Control"] == "public, max-age=300"


def test_pictures_from_the_bucket_have_the_sites_own_addresses(client, bucket, db):
    image = ImageFactory()
    rendition = image.get_rendition("fill-320x200|format-webp")
    assert rendition.url.startswith("/media/images/")
    assert any(key.startswith("images/") for key in keys(bucket, "images/"))
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    # Rendition names are never reused: the CDN keeps a picture a day (a thumbnail 5 minutes).
    assert response["Cache-Control"] == "public, max-age=86400"


def test_the_media_view_refuses_documents_and_missing_keys(client, bucket, db):
    assert client.get("/media/documents/anything.pdf").status_code == 404
    assert client.get("/media/images/not-there.jpg").status_code == 404
    assert client.get("/media/../etc/passwd").status_code == 404


def test_every_cdn_named_in_the_environment_is_purged():
    found = settings_with(
        FRONTEND_CACHE_PURGE_URL="http://10.0.0.2:6081, http://10.0.0.3:6081",
        CLOUDFRONT_DISTRIBUTION_ID="E2EXAMPLE",
    )
    assert found["cdn"] == {
        "http-0": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "http-1": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "cloudfront": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
    }
    assert settings_with()["cdn"] == {}
    refused = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=BASE_DIR,
        env=production_env(REDIS_URL="redis://127.0.0.1:6379/0", CLOUDFLARE_API_TOKEN="token"),
        capture_output=True,
        text=True,
    )
    assert refused.returncode != 0 and "CLOUDFLARE_ZONE_ID" in refused.stderr


def test_media_on_disk_are_kept_by_the_cdn_as_long_as_from_the_bucket(client, db):
    rendition = ImageFactory().get_rendition("fill-320x200|format-webp")
    assert client.get(rendition.url)["Cache-Control"] == "public, max-age=86400"
    document = Resource.objects.listed().exclude(thumbnail="").first()
    response = client.get(document.thumbnail.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
