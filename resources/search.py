"""Case studies and documents in the site search (ifrc_site/search/kinds.py)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ifrc_site.search.kinds import Hit, Kind, PageKind, country_codes
from ifrc_site.search.rows import (
    best_rows,
    id_set,
    ids_in,
    joined_ids,
    plain_rows,
    relevance,
)

from .models import CaseStudyPage, Resource


class CaseStudyKind(PageKind):
    key = "case_study"
    label = _("Case study")
    plural = _("Case studies")
    related = ("locale", "national_society")
    fields = ("pk", "locale__language_code", "date")
    country = "country"
    programme = "programme"

    def models(self):
        return [CaseStudyPage]

    def hit(self, model, row, score, engine):
        pk, language, date = row
        return Hit(self, model, pk, score, date=date, language=language)


@dataclass(eq=False, slots=True)  # one per resource found; told apart by identity
class Found:
    """A resource found by a search: the version shown, the score of its best-matching
    version, and what the filters read of it (see `Hit`)."""

    profile: tuple
    pk: int
    language: str
    date: object
    languages: frozenset
    score: float


class DocumentKind(Kind):
    """Documents, one result per resource: the language versions of one document
    (Resource.original) that match become one result, shown as the version in the language
    searched (else the visitor's, else the original), ranked by its best-matching version, and
    found by the language filter in any of its versions' languages.

    So every matching version is ranked and read (a few thousand at most, the library's size),
    and they are merged in Python, once per search.
    """

    key = "document"
    label = _("Document")
    plural = _("Documents")

    def sources(self, request):
        # The library's rule: no embargoed, expired, unapproved or private document.
        return [Resource.objects.listed().with_date().order_by().defer("extracted_text")]

    def found(self, queryset, search):
        """Every resource with a matching version, read once per search (`Found`)."""
        memo = search.memo
        if (self.key, "found") not in memo:
            memo[self.key, "found"] = self._found(queryset, search)
        return memo[self.key, "found"]

    def _found(self, queryset, search):
        backend = search.backend
        rows = [
            (*row[1:], relevance(backend, row[0]))
            for row in best_rows(
                queryset.annotate(_programmes_=joined_ids(Resource, "programmes")),
                search.query,
                ("pk", "original_id", "language", "shown_date", "countries", "_programmes_"),
            )
        ]
        if not rows:
            return []
        # The versions readers may see of every resource found, in one query.
        versions = (
            Resource.objects.listed()
            .in_groups(ids_in({original or pk for pk, original, *_rest in rows}))
            .with_date()
            .order_by()
            .values_list("pk", "original_id", "language", "shown_date")
        )
        groups = {}
        for version in plain_rows(versions):
            groups.setdefault(version[1] or version[0], []).append(version)
        matched = {}
        for row in rows:
            matched.setdefault(row[1] or row[0], []).append(row)
        preferred, own, slugs = search.preferred_language, search.language, search.programme_slugs
        found = []
        for key, hits in matched.items():
            group = groups.get(key) or [row[:4] for row in hits]
            score = max(row[6] for row in hits)  # its best-matching version's
            if len(hits) == 1 and len(group) == 1:
                pk, _original, language, date, codes, programmes, _score = hits[0]
                countries, programme_pks, languages = country_codes(codes), id_set(programmes), None
            else:
                pk, _original, language, date = min(
                    group,
                    key=lambda version: (
                        version[2] != preferred,
                        version[2] != own,
                        version[1] is not None,
                        version[0],
                    ),
                )
                countries = frozenset().union(*(country_codes(row[4]) for row in hits))
                programme_pks = sorted({pk for row in hits for pk in id_set(row[5])})
                languages = frozenset(version[2] for version in group)
            year = str(date.year) if date else ""
            profile = (self.key, slugs(*programme_pks), countries, languages or language, year)
            found.append(Found(profile, pk, language, date, languages, score))
        return found

    def profiles(self, queryset, search):
        return ((found.profile, 1) for found in self.found(queryset, search))

    def best(self, queryset, search, limit):
        passing = search.passing
        return [
            Hit(
                self,
                queryset.model,
                each.pk,
                each.score,
                date=each.date,
                language=each.language,
                languages=each.languages,
            )
            for each in self.found(queryset, search)
            if each.profile in passing
        ]

    def loaded(self, hits):
        # The links to the other languages, and the languages missing, of the page shown.
        Resource.attach_language_versions([hit.obj for hit in hits])
