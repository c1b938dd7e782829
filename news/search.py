"""News stories in the site search (ifrc_site/search/kinds.py)."""

from django.utils.translation import gettext_lazy as _

from ifrc_site.search.kinds import Hit, PageKind, country_codes

from .models import NewsStoryPage


class NewsKind(PageKind):
    key = "news"
    label = _("News story")
    plural = _("News")
    fields = ("pk", "locale__language_code", "date", "country")  # the dateline's country

    def models(self):
        return [NewsStoryPage]

    def hit(self, model, row, score, engine):
        pk, language, date, code = row
        return Hit(
            self,
            model,
            pk,
            score,
            date=date,
            language=language,
            countries=country_codes(code),
            programmes=engine.programmes_of(model, pk),
        )
