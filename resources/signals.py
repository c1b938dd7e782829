"""The resource library's signal receivers, connected once by `ResourcesConfig.ready()`."""

from django.db.models.signals import post_save

from ifrc_site.editorial import roles
from ifrc_site.signals import purge_when_saved

from .models import CaseStudyIndexPage, CaseStudySectionPage, Resource


def case_study_index_saved(sender, instance, created=False, raw=False, **kwargs):
    """A new case-study listing goes under the approval workflow, with every section in it."""
    if created and not raw:
        roles.assign_workflow(instance)


def connect():
    purge_when_saved(Resource)
    post_save.connect(
        roles.section_saved,
        sender=CaseStudySectionPage,
        dispatch_uid="resources-case-study-section-saved",
    )
    post_save.connect(
        case_study_index_saved,
        sender=CaseStudyIndexPage,
        dispatch_uid="resources-case-study-index-saved",
    )
