"""`manage.py restore_site ARCHIVE`: bring back the database and media of a backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ifrc_site.ops.backup import backup_dir, restore_archive


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded media with those of a backup archive "
        "(the newest in backups/ unless one is named). Stop the site first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", nargs="?", type=Path, help="A .tar.gz from backup_site.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, **options):
        archive = options["archive"]
        if archive is None:
            archives = sorted(backup_dir().glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
            if not archives:
                raise CommandError(f"No archive given and none in {backup_dir()}.")
            archive = archives[-1]
        if not archive.is_file():
            raise CommandError(f"{archive} does not exist.")
        if options["interactive"]:
            answer = input(
                f"This replaces the whole database and every media file with {archive}.\n"
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        manifest = restore_archive(archive)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {archive} (made {manifest['created']}): the {manifest['database']} "
                f"database and {manifest['media_files']} media files."
            )
        )
