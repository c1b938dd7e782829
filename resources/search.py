"""Case studies and documents in the site search (ifrc_site/search/kinds.py)."""

from django.utils.translation import gettext_lazy as _

from ifrc_site.search.kinds import Hit, Kind, PageKind, country_codes
from ifrc_site.search.rows import ids_in, plain_rows

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
    fields = ("pk", "language", "shown_date", "countries", "original_id")

    def sources(self, request):
        # The library's rule: no embargoed, expired, unapproved or private document.
        return [Resource.objects.listed().with_date().order_by().defer("extracted_text")]

    def hit(self, model, row, score, engine):
        pk, language, date, codes, original = row
        return Hit(
            self,
            model,
            pk,
            score,
            date=date,
            language=language,
            countries=country_codes(codes),
            programmes=engine.programmes_of(model, pk),
            group=original or pk,
        )

    def merge(self, hits, engine):
        """One result per resource: the language versions of one document (Resource.original)
        found by the search become one result, shown as the version in the language searched
        (else the visitor's, else the original), ranked by its best-matching version, and found
        by the language filter in any of its versions' languages. The versions are those
        readers may see (`listed()`), read in one query."""
        if not hits:
            return hits
        keys = {hit.group for hit in hits}
        versions = (
            Resource.objects.listed()
            .in_groups(ids_in(keys))
            .with_date()
            .order_by()
            .values_list("pk", "original_id", "language", "shown_date")
        )
        groups = {}
        for pk, original, language, date in plain_rows(versions):
            groups.setdefault(original or pk, []).append((pk, original, language, date))
        found = {}
        for hit in hits:
            found.setdefault(hit.group, []).append(hit)
        preferred, own = engine.preferred_language, engine.language
        merged = []
        for key, matched in found.items():
            group = groups.get(key, [])
            if len(matched) == 1 and len(group) <= 1:
                merged.append(matched[0])
                continue
            best = max(matched, key=lambda hit: hit.score)
            pk, _original, language, date = min(
                group,
                key=lambda version: (
                    version[2] != preferred,
                    version[2] != own,
                    version[1] is not None,
                    version[0],
                ),
                default=(best.pk, None, best.language, best.date),
            )
            merged.append(
                Hit(
                    self,
                    best.model,
                    pk,
                    best.score,
                    date=date,
                    language=language,
                    countries=frozenset().union(*(hit.countries for hit in matched)),
                    programmes=frozenset().union(*(hit.programmes for hit in matched)),
                    group=key,
                    languages=frozenset(version[2] for version in group),
                )
            )
        return merged

    def loaded(self, hits):
        # The links to the other languages, and the languages missing, of the page shown.
        Resource.attach_language_versions([hit.obj for hit in hits])
