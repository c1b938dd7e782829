"""Queue the image renditions of every live page (`caching/renditions.py`), as publishing
queues those of one page. Run it after the sizes in `renditions.SPECS` change, or after
restoring a database whose media were not restored with it:

    DJANGO_SETTINGS_MODULE=ifrc_site.settings.production python manage.py make_renditions

The worker makes them; renditions that already exist are left as they are.
"""

from django.core.management.base import BaseCommand

from ifrc_site.caching.renditions import queue_every_page


class Command(BaseCommand):
    help = "Queue the image renditions of every live page (existing ones are kept)."

    def handle(self, *args, **options):
        count = queue_every_page()
        self.stdout.write(f"Renditions queued for {count} live page(s).")
