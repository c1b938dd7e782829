"""Backups of the site: the database and the uploaded media in one .tar.gz archive.

The database is copied with the tool that keeps it consistent while the site runs: SQLite's
online backup API, or PostgreSQL's pg_dump (custom format), of the server's own major version.
`backup_site` writes an archive, `restore_site` brings one back.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import CommandError
from django.db import connection

MANIFEST = "manifest.json"
MEDIA_DIR = "media"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
FORMAT_VERSION = 1


def backup_dir():
    return Path(settings.BASE_DIR) / "backups"


def vendor():
    if connection.vendor not in DUMP_NAMES:
        raise CommandError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def media_root():
    """The local media folder, or None when media live in object storage."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(settings.MEDIA_ROOT)
    return None


# PostgreSQL tools -------------------------------------------------------------------------


def pg_tool(name):
    """pg_dump or pg_restore of the server's major version (Debian keeps each version's own)."""
    connection.ensure_connection()
    major = connection.pg_version // 10000
    candidates = [Path(f"/usr/lib/postgresql/{major}/bin/{name}")]
    found = shutil.which(name)
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    raise CommandError(
        f"{name} for PostgreSQL {major} not found: install the client tools "
        f"(Debian: apt-get install postgresql-client-{major})."
    )


def pg_arguments():
    """Connection arguments and environment for the PostgreSQL command-line tools."""
    params = connection.settings_dict
    arguments = ["--dbname", params["NAME"], "--no-password"]
    if params.get("HOST"):
        arguments += ["--host", params["HOST"]]
    if params.get("PORT"):
        arguments += ["--port", str(params["PORT"])]
    if params.get("USER"):
        arguments += ["--username", params["USER"]]
    env = dict(os.environ)
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = params["PASSWORD"]
    return arguments, env


def run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{Path(command[0]).name} failed:\n{result.stderr.strip()}")


# Database ---------------------------------------------------------------------------------


def dump_database(target):
    if vendor() == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        arguments, env = pg_arguments()
        run(
            [
                pg_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(target),
                *arguments,
            ],
            env,
        )


def load_database(source):
    connection.ensure_connection()
    if vendor() == "sqlite":
        origin = sqlite3.connect(source)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
    else:
        arguments, env = pg_arguments()
        connection.close()  # pg_restore drops and recreates the tables: hold no locks on them
        run(
            [
                pg_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                *arguments,
                str(source),
            ],
            env,
        )


# Archives ---------------------------------------------------------------------------------


def write_archive(output):
    """Write the database and media into `output` (.tar.gz); return the manifest."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    kind = vendor()
    media = media_root()
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP_NAMES[kind]
        dump_database(dump)
        media_files = (
            sorted(path for path in media.rglob("*") if path.is_file())
            if media is not None and media.exists()
            else []
        )
        manifest = {
            "format": FORMAT_VERSION,
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "database": kind,
            "database_file": dump.name,
            "media_included": media is not None,
            "media_files": len(media_files),
        }
        (Path(work) / MANIFEST).write_text(json.dumps(manifest, indent=2))
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(Path(work) / MANIFEST, arcname=MANIFEST)
            archive.add(dump, arcname=dump.name)
            for path in media_files:
                archive.add(path, arcname=f"{MEDIA_DIR}/{path.relative_to(media).as_posix()}")
        partial.replace(output)
    return manifest


def read_archive(archive_path, work):
    """Unpack an archive safely into `work`; return its manifest."""
    with tarfile.open(archive_path, "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        archive.extractall(work, filter="data")
    manifest_path = Path(work) / MANIFEST
    if not manifest_path.exists():
        raise CommandError(f"{archive_path} is not a site backup (no {MANIFEST}).")
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("format") != FORMAT_VERSION:
        raise CommandError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def restore_archive(archive_path):
    """Replace the database and the media with those of the archive; return its manifest."""
    kind = vendor()
    with tempfile.TemporaryDirectory() as work:
        manifest = read_archive(archive_path, work)
        if manifest["database"] != kind:
            raise CommandError(
                f"This backup holds a {manifest['database']} database; the site uses {kind}."
            )
        load_database(Path(work) / manifest["database_file"])
        media = media_root()
        if manifest["media_included"] and media is not None:
            restore_media(Path(work) / MEDIA_DIR, media)
    return manifest


def restore_media(source, media):
    """Make `media` hold exactly the archive's files."""
    media.mkdir(parents=True, exist_ok=True)
    for child in media.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if source.exists():
        shutil.copytree(source, media, dirs_exist_ok=True)
