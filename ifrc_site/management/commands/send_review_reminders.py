"""E-mail the owners of pages due for review (ifrc_site/reviews.py). Run monthly from cron:

    0 7 1 * *  DJANGO_SETTINGS_MODULE=ifrc_site.settings.production python manage.py \\
               send_review_reminders   (from the site's folder, in its virtualenv)
"""

from django.core.management.base import BaseCommand

from ifrc_site.reviews import send_reminders


class Command(BaseCommand):
    help = "E-mail the owners of pages not reviewed for REVIEW_AFTER_MONTHS (12)."

    def handle(self, *args, **options):
        sent, due, unowned = send_reminders()
        self.stdout.write(
            f"{due} page(s) due for review; {sent} owner(s) reminded; {unowned} page(s) "
            "with no owner to remind."
        )
