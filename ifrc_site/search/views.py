"""The search page: /<language>/search/?q=...&type=...&programme=...&page=..."""

from django.conf import settings
from django.db.models import Q
from django.shortcuts import render
from django.utils.functional import cached_property

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from ifrc_site.listing import paginate
from ifrc_site.queries import public
from ifrc_site.security.throttle import rate_limited, too_many_requests

from .engine import Search
from .query import MAX_LENGTH, SearchTerms

PAGE_SIZE = 20


class SiteSearch(Search):
    """The search with what only the page needs: staff's promoted results."""

    @cached_property
    def promotions(self):
        """Results staff pinned for this query, shown first while no filter narrows the search.

        Promoted pages must be live, public and in the language searched; one query.
        """
        if not self.terms or self.narrowed:
            return []
        strings = {normalise_query_string(self.terms.text), self.terms.normalised}
        pages = public(Page.objects.live(), self.request)
        if not self.searches_all_languages:
            pages = pages.filter(locale__language_code=self.selected["language"])
        return list(
            SearchPromotion.objects.filter(query__query_string__in=strings)
            .filter(Q(page__isnull=True) | Q(page__in=pages))
            .select_related("page")
            .order_by("sort_order", "pk")
        )

    @cached_property
    def results(self):
        results = super().results
        promoted = {promotion.page_id for promotion in self.promotions if promotion.page_id}
        if not promoted:
            return results
        matches = self.matches
        return results.without(
            lambda index: not (matches.pk[index] in promoted and matches.is_page(index))
        )


def search(request):
    # Searches that reach this view are those the page cache did not answer: each costs real
    # work, so one address may make only so many a minute.
    retry_after = rate_limited(request, "search", settings.SEARCH_RATE_LIMIT_PER_MINUTE)
    if retry_after:
        return too_many_requests(request, retry_after)
    terms = SearchTerms.parse(request.GET.get("q", ""))
    search = SiteSearch(request, terms, request.GET)
    results = paginate(request, search.results, per_page=PAGE_SIZE, bounded=False)
    results.object_list = search.load(results.object_list)
    context = {
        "search": search,
        "terms": terms,
        "results": results,
        "promotions": search.promotions if results.number == 1 else [],
        "max_length": MAX_LENGTH,
    }
    return render(request, "ifrc_site/search.html", context)
