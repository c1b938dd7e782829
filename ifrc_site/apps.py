from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class IfrcSiteConfig(AppConfig):
    name = "ifrc_site"
    verbose_name = _("Site")

    def ready(self):
        from .cache import connect_signals

        connect_signals()
        from . import (
            i18n,  # noqa: F401  (connects the copy-for-translation receiver)
            roles,
        )
        from .permissions import register_media_policies

        register_media_policies()
        post_save.connect(
            roles.national_society_saved,
            sender="ifrc_site.NationalSociety",
            dispatch_uid="ifrc_site.roles.national_society_saved",
        )
        post_save.connect(
            roles.case_study_section_saved,
            sender="resources.CaseStudySectionPage",
            dispatch_uid="ifrc_site.roles.case_study_section_saved",
        )
        post_save.connect(
            roles.case_study_index_saved,
            sender="resources.CaseStudyIndexPage",
            dispatch_uid="ifrc_site.roles.case_study_index_saved",
        )
