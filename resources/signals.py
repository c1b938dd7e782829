"""The resource library's signal receivers, connected once by `ResourcesConfig.ready()`."""

from django.db.models.signals import post_save

from ifrc_site.editorial import roles
from ifrc_site.models import NationalSociety
from ifrc_site.signals import purge_when_saved

from .models import CaseStudyIndexPage, CaseStudySectionPage, Resource


def case_study_section_saved(sender, instance, raw=False, **kwargs):
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


def case_study_index_saved(sender, instance, created=False, raw=False, **kwargs):
    """A new case-study listing goes under the approval workflow, with every section in it."""
    if created and not raw:
        roles.assign_workflow(instance)


def connect():
    purge_when_saved(Resource)
    post_save.connect(
        case_study_section_saved,
        sender=CaseStudySectionPage,
        dispatch_uid="resources-case-study-section-saved",
    )
    post_save.connect(
        case_study_index_saved,
        sender=CaseStudyIndexPage,
        dispatch_uid="resources-case-study-index-saved",
    )
