"""The help directory's signal receivers, connected once by `MigrationConfig.ready()`."""

from django.db.models.signals import post_save

from ifrc_site.editorial import roles
from ifrc_site.models import NationalSociety

from .models import HelpFinderPage, HelpPointSectionPage


def help_point_section_saved(sender, instance, raw=False, **kwargs):
    """A new section, or one moved to another society, changes who may write in it."""
    if raw:
        return
    societies = NationalSociety.objects.filter(
        editor_group__page_permissions__page=instance
    ) | NationalSociety.objects.filter(pk=instance.national_society_id)
    done = set()
    for society in societies.distinct():
        if society.translation_key not in done:
            roles.sync_society(society)
            done.add(society.translation_key)


def help_finder_saved(sender, instance, created=False, raw=False, **kwargs):
    """A new help finder goes under the approval workflow, with every help point in it."""
    if created and not raw:
        roles.assign_workflow(instance)


def connect():
    post_save.connect(
        help_point_section_saved,
        sender=HelpPointSectionPage,
        dispatch_uid="migration-help-point-section-saved",
    )
    post_save.connect(
        help_finder_saved, sender=HelpFinderPage, dispatch_uid="migration-help-finder-saved"
    )
