"""Case studies and documents in the site search (ifrc_site/search/kinds.py)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ifrc_site.search.kinds import Hit, Kind, PageKind, country_codes

from .models import CaseStudyPage, Resource


class CaseStudyKind(PageKind):
    key = "case_study"
    label = _("Case study")
    plural = _("Case studies")
    related = ("locale", "national_society")
    fields = ("pk", "locale__language_code", "date", "country", "programme_id")

    def models(self):
        return [CaseStudyPage]

    def hit(self, model, row, score, engine):
        pk, language, date, code, programme = row
        return Hit(
            self,
            model,
            pk,
            score,
            date=date,
            language=language,
            countries=country_codes(code),
            programmes=engine.programme_slugs(programme),
        )


class DocumentKind(Kind):
    key = "document"
    label = _("Document")
    plural = _("Documents")
    fields = ("pk", "language", "publication_date", "created_at", "countries")

    def sources(self, request):
        # The library's rule: no embargoed, expired, unapproved or private document.
        return [Resource.objects.listed().order_by().defer("extracted_text")]

    def hit(self, model, row, score, engine):
        pk, language, published, created, codes = row
        # As Resource.date: the publication date, else the day of the upload.
        date = published or (timezone.localtime(created).date() if created else None)
        return Hit(
            self,
            model,
            pk,
            score,
            date=date,
            language=language,
            countries=country_codes(codes),
            programmes=engine.programmes_of(model, pk),
        )
