from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MigrationConfig(AppConfig):
    name = "migration"
    verbose_name = _("Migration")

    def ready(self):
        # Imported here, not at the top: models exist only once every app is loaded.
        from ifrc_site.caching.pagecache import register_schedule
        from ifrc_site.caching.purge import register_dependent_pages
        from ifrc_site.editorial.roles import register_approval_pages, register_society_pages

        from . import health, signals
        from .models import HelpFinderPage, HelpPointSectionPage, next_help_point_change

        signals.connect()
        health.register()
        # "Open now" changes with the clock: the cached finder is rendered afresh at the next
        # opening, closing or local midnight of any help point.
        register_schedule(next_help_point_change)
        register_dependent_pages(HelpFinderPage)
        # National Society editors write in their society's help-point sections, which go
        # through approval with the finder above them, exactly as case studies do.
        register_society_pages(
            lambda society: HelpPointSectionPage.objects.filter(
                national_society__translation_key=society.translation_key
            )
        )
        register_approval_pages(lambda: HelpFinderPage.objects.all())
