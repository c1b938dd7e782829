"""The help directory's signal receivers, connected once by `MigrationConfig.ready()`."""

from django.db.models.signals import post_save

from ifrc_site.editorial import roles

from .models import HelpFinderPage, HelpPointSectionPage


def help_finder_saved(sender, instance, created=False, raw=False, **kwargs):
    """A new help finder goes under the approval workflow, with every help point in it."""
    if created and not raw:
        roles.assign_workflow(instance)


def connect():
    post_save.connect(
        roles.section_saved,
        sender=HelpPointSectionPage,
        dispatch_uid="migration-help-point-section-saved",
    )
    post_save.connect(
        help_finder_saved, sender=HelpFinderPage, dispatch_uid="migration-help-finder-saved"
    )
