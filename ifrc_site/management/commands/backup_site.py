"""`manage.py backup_site`: the database and the media in one archive, in backups/."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand

from ifrc_site.ops.backup import backup_dir, write_archive


class Command(BaseCommand):
    help = "Write the database and the uploaded media into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="The archive to write (default: backups/site-YYYYmmdd-HHMMSS.tar.gz).",
        )

    def handle(self, *args, **options):
        output = options["output"]
        if output is None:
            stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
            output = backup_dir() / f"site-{stamp}.tar.gz"
        manifest = write_archive(output)
        media = (
            f"{manifest['media_files']} media files"
            if manifest["media_included"]
            else "no media (they are in object storage: back that up on its side)"
        )
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {output}: the {manifest['database']} database and {media}.")
        )
