"""Four languages: translated page trees, the language switcher, hreflang, the choice of
language at `/`, interface strings, localised dates and sizes, and translation freshness."""

import re
from urllib.parse import parse_qs, urlparse

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from ifrc_site.listing import BoundedPaginator
from ifrc_site.models import HomePage, NationalSociety
from immunization.models import ImmunizationPage
from migration.models import MigrationPage
from news.models import NewsIndexPage, NewsStoryPage
from resources.models import CaseStudyPage, file_size_label

from .factories import NewsStoryPageFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es", "ar"]

# English interface strings that must not show on a page in another language.
INTERFACE_STRINGS = [
    "Skip to main content",
    "Programmes",
    "Our programmes",
    "Languages",
    "Main",
    "Read more",
    "All news",
    "All resources",
    "All case studies",
    "No case studies yet",
    "Photo:",
    "Play video",
    "E-mail:",
    "Follow us",
    "Red Cross and Red Crescent National Societies work in",
    "International Federation of Red Cross and Red Crescent Societies",
    "Filter",
    "Apply filters",
    "All programmes",
    "All countries",
    "All regions",
    "All years",
    "All types",
    "All languages",
    "Previous",
    "Next",
    "Page 1 of",
    "Report",
    "Assessment",
    "Guideline",
    "Toolkit",
    "MB",
    "KB",
    "pages",
    "We can't find that page",
    "Go to the home page",
]
# The help finder's and its poster's own words (on its pages only: document titles elsewhere
# may name a service in English).
FINDER_STRINGS = [
    "Find help",
    "Show help points",
    "Near me",
    "Remove saved data",
    "Open 24 hours",
    "Hotline",
    "Help point",
    "First aid",
    "Restoring family links",
    "Checked on",
    "Printable posters",
    "Free, whatever your legal status",
]
# Words these languages write as English does.
SAME_IN = {"fr": {"Programmes", "pages"}, "es": {"MB", "KB"}, "ar": set()}


def soup_of(response):
    return BeautifulSoup(response.content, "lxml")


def page_in(model, code):
    return model.objects.get(locale__language_code=code)


def alternates(soup):
    return {
        link["hreflang"]: link["href"]
        for link in soup.select('head link[rel="alternate"][hreflang]')
    }


def switcher(soup):
    """{language code: (label, lang attribute, the address the link finally leads to)}."""
    links = {}
    for a in soup.select(".language-switcher a"):
        href = urlparse(a["href"])
        code = href.path.strip("/").split("/")[-1]
        assert href.path == reverse("choose_language", args=[code])
        links[code] = (a.get_text(" ", strip=True), a["lang"], parse_qs(href.query)["next"][0])
    return links


def text_in_page_language(soup, language):
    """The visible text and ARIA labels of the page, leaving out what is marked as being in
    another language (the switcher's names, documents written in English)."""
    for element in soup.select("[lang]"):
        if element.name != "html" and not element["lang"].startswith(language):
            element.decompose()
    for element in soup(["script", "style", "head"]):
        element.decompose()
    labels = " ".join(tag["aria-label"] for tag in soup.select("[aria-label]"))
    return " ".join(soup.get_text(" ").split()) + " " + labels


# Page trees ------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_and_programme_pages_answer_in_every_language(client, code):
    for model in (HomePage, MigrationPage, ImmunizationPage):
        page = page_in(model, code)
        assert page.live
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.url.startswith(f"/{code}/")
        html = soup_of(response).html
        assert html["lang"] == code
        assert html["dir"] == ("rtl" if code == "ar" else "ltr")


def test_translations_share_the_english_pages_translation_key(migration_page):
    keys = {page_in(MigrationPage, code).translation_key for code in LANGUAGES}
    assert keys == {migration_page.translation_key}


def test_each_language_has_its_own_navigation(client):
    for code in LANGUAGES:
        soup = soup_of(client.get(f"/{code}/"))
        hrefs = [a["href"] for a in soup.select(".main-nav a")]
        assert len(hrefs) == 5
        assert all(href.startswith(f"/{code}/") for href in hrefs), hrefs
    soup = soup_of(client.get("/ar/"))
    assert [a.get_text() for a in soup.select(".main-nav a")][:2] == ["الهجرة", "التحصين"]


def test_untranslated_stories_stay_out_of_other_languages_listings(client):
    english = set(
        NewsStoryPage.objects.filter(locale__language_code="en").values_list("slug", flat=True)
    )
    french = set(
        NewsStoryPage.objects.filter(locale__language_code="fr").values_list("slug", flat=True)
    )
    assert "thessaloniki-two-families-one-home" in french
    assert 2 <= len(french) < len(english)
    soup = soup_of(client.get(page_in(NewsIndexPage, "fr").url))
    listed = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in soup.select(".card__title a")}
    assert listed == french
    # Without filters in the address a listing shows everything (its first page).
    soup = soup_of(client.get(page_in(NewsIndexPage, "en").url))
    assert len(soup.select(".card__title a")) == min(len(english), 12)


def test_programme_pages_show_their_languages_stories_and_case_studies(client):
    soup = soup_of(client.get(page_in(MigrationPage, "fr").url))
    titles = [a.get_text() for a in soup.select(".latest--news .card__title a")]
    assert titles[0].startswith("À Thessalonique")
    assert all(a["href"].startswith("/fr/") for a in soup.select(".latest--news a"))
    soup = soup_of(client.get(page_in(ImmunizationPage, "ar").url))
    # The pinned case studies, in Arabic where translated; the untranslated one is left out.
    titles = [a.get_text() for a in soup.select(".latest--case-studies .card__title a")]
    assert titles == ["رسائل عن الحصبة في بامباري"]
    society = soup.select_one(".latest--case-studies .card__meta").get_text()
    assert "جمعية الصليب الأحمر لأفريقيا الوسطى" in society


def test_national_societies_are_translated():
    society = NationalSociety.objects.get(
        slug="syrian-arab-red-crescent", locale__language_code="fr"
    )
    assert society.name == "Croissant-Rouge arabe syrien"
    assert NationalSociety.objects.filter(slug=society.slug).count() == 4


# Copies made for translation ----------------------------------------------------------------


def test_copy_for_translation_points_relations_at_the_target_language(migration_page):
    french = Locale.objects.get(language_code="fr")
    index = NewsIndexPage.objects.get(locale=Locale.get_default())
    story = NewsStoryPageFactory(parent=index, programmes=[migration_page])
    copy = story.copy_for_translation(french).specific
    french_migration = page_in(MigrationPage, "fr")
    assert [page.pk for page in copy.programmes.all()] == [french_migration.pk]
    draft = copy.get_latest_revision_as_object()
    assert [page.pk for page in draft.programmes.all()] == [french_migration.pk]

    case_study = CaseStudyPage.objects.get(slug="pakistan", locale=Locale.get_default())
    section = case_study.get_parent().specific
    section.copy_for_translation(french)
    copy = case_study.copy_for_translation(french).specific
    assert copy.national_society.locale == french
    assert copy.national_society.translation_key == case_study.national_society.translation_key
    assert copy.programme.specific == page_in(ImmunizationPage, "fr")


def test_editors_translate_with_the_admins_translate_action(admin_client, migration_page):
    """simple_translation's "Translate" view makes a French draft under the French listing,
    listed under the French programme; the editor then translates and publishes it."""
    index = NewsIndexPage.objects.get(locale=Locale.get_default())
    story = NewsStoryPageFactory(parent=index, programmes=[migration_page])
    french = Locale.objects.get(language_code="fr")
    url = reverse("simple_translation:submit_page_translation", args=[story.pk])
    response = admin_client.post(url, {"locales": [french.pk]})
    assert response.status_code == 302
    copy = story.get_translation(french).specific
    assert not copy.live
    assert copy.get_parent().pk == page_in(NewsIndexPage, "fr").pk
    assert list(copy.programmes.all()) == [page_in(MigrationPage, "fr").page_ptr]
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[copy.pk]))
    assert edit.status_code == 200


# Language switcher ---------------------------------------------------------------------------


def test_switcher_links_to_the_same_page_in_each_language(client):
    pages = {code: page_in(MigrationPage, code) for code in LANGUAGES}
    soup = soup_of(client.get(pages["fr"].url))
    links = switcher(soup)
    assert list(links) == LANGUAGES
    for code, (_label, lang, target) in links.items():
        assert target == pages[code].url
        assert lang == code
    assert [label for label, _lang, _target in links.values()] == [
        "English",
        "Français",
        "Español",
        "العربيّة",
    ]
    current = soup.select_one('.language-switcher a[aria-current="true"]')
    assert current["lang"] == "fr"
    assert soup.select_one('.language-switcher a[lang="ar"]')["dir"] == "rtl"


def test_switcher_falls_back_to_each_languages_home_page(client):
    story = NewsStoryPage.objects.get(slug="why-people-move", locale=Locale.get_default())
    assert not story.has_translation(Locale.objects.get(language_code="fr"))
    links = switcher(soup_of(client.get(story.url)))
    assert links["en"][2] == story.url
    for code in ("fr", "es", "ar"):
        assert links[code][2] == page_in(HomePage, code).url == f"/{code}/"


def test_choosing_a_language_sets_the_cookie_and_goes_on(client, settings):
    response = client.get("/language/fr/", {"next": "/fr/migration/"})
    assert response.status_code == 302 and response["Location"] == "/fr/migration/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "fr" and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_choosing_a_language_never_leaves_the_site(client):
    for unsafe in ("https://example.com/", "//example.com/fr/", "javascript:alert(1)"):
        response = client.get("/language/es/", {"next": unsafe})
        assert response["Location"] == "/es/"
    response = client.get("/language/de/", {"next": "/en/"})
    assert response.status_code in (302, 404) and not response.cookies


def test_content_pages_set_no_cookies(client):
    for url in ("/en/", "/fr/migration/", "/ar/immunization/", "/es/news/"):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url


# hreflang ----------------------------------------------------------------------------------------


def test_hreflang_sets_are_complete_and_reciprocal(client):
    for model in (HomePage, MigrationPage, ImmunizationPage, NewsIndexPage):
        pages = {code: page_in(model, code) for code in LANGUAGES}
        sets = {}
        for code, page in pages.items():
            sets[code] = alternates(soup_of(client.get(page.url)))
        expected = {code: f"http://testserver{page.url}" for code, page in pages.items()}
        expected["x-default"] = expected["en"]
        for code in LANGUAGES:
            assert sets[code] == expected, (model.__name__, code)


def test_hreflang_of_an_untranslated_page_names_only_itself(client):
    story = NewsStoryPage.objects.get(slug="why-people-move", locale=Locale.get_default())
    url = f"http://testserver{story.url}"
    assert alternates(soup_of(client.get(story.url))) == {"en": url, "x-default": url}


def test_hreflang_of_a_translated_story_is_reciprocal(client):
    stories = NewsStoryPage.objects.filter(slug="medenine-migrants-wait-to-go-home")
    sets = [alternates(soup_of(client.get(story.url))) for story in stories]
    assert len(sets) == 4 and all(found == sets[0] for found in sets)
    assert set(sets[0]) == {*LANGUAGES, "x-default"}


# The choice of language at / -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("ar-EG,ar;q=0.9,en;q=0.5", "/ar/"),
        ("fr-CH, fr;q=0.9, en;q=0.8", "/fr/"),
        ("es-MX,es;q=0.8", "/es/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_sends_a_first_visit_to_the_best_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected
    vary = {value.strip().lower() for value in response["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary


def test_root_remembers_an_explicit_choice(client):
    client.get("/language/es/", {"next": "/es/"})
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")
    assert response["Location"] == "/es/"


# Interface strings ------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["fr", "es", "ar"])
def test_no_english_interface_strings_on_translated_pages(client, code):
    urls = [
        page_in(HomePage, code).url,
        page_in(MigrationPage, code).url,
        page_in(ImmunizationPage, code).url,
        page_in(NewsIndexPage, code).url,
        f"/{code}/resources/",
        f"/{code}/resources/?page=2",
        f"/{code}/case-studies/",
        f"/{code}/news/thessaloniki-two-families-one-home/",
        f"/{code}/no-such-page/",
    ]
    finder = f"/{code}/migration/help-finder/"
    finder_urls = [finder, f"{finder}?country=GR", f"{finder}poster/ke/"]
    for url in urls + finder_urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        text = text_in_page_language(soup_of(response), code)
        strings = INTERFACE_STRINGS + (FINDER_STRINGS if url in finder_urls else [])
        for string in set(strings) - SAME_IN[code]:
            assert not re.search(rf"(?<![\w-]){re.escape(string)}(?![\w-])", text), (url, string)


def test_interface_strings_are_translated(client):
    text = text_in_page_language(soup_of(client.get("/fr/resources/")), "fr")
    for string in ("Aller au contenu principal", "Tous les programmes", "Appliquer les filtres"):
        assert string in text
    text = text_in_page_language(soup_of(client.get("/ar/migration/")), "ar")
    for string in ("انتقل إلى المحتوى الرئيسي", "كل الأخبار", "الصورة:", "سالونيك، اليونان"):
        assert string in text


# Dates, numbers and sizes -----------------------------------------------------------------------


def test_dates_are_written_the_way_each_language_writes_them(client):
    expected = {
        "en": "16 May 2017",
        "fr": "16 mai 2017",
        "es": "16 de mayo de 2017",
        "ar": "16 مايو 2017",
    }
    for code, date in expected.items():
        soup = soup_of(client.get(page_in(MigrationPage, code).url))
        datelines = [p.get_text(" ", strip=True) for p in soup.select(".latest--news .dateline")]
        assert date in datelines[0], (code, datelines)


def test_related_documents_show_localised_date_size_and_pages(client):
    soup = soup_of(client.get(page_in(ImmunizationPage, "fr").url))
    card = soup.select_one(".latest--resources .doc-card").get_text(" ", strip=True)
    assert "18/09/2020" in card
    assert re.search(r"PDF ?, \d+ Ko, environ \d+ secondes? en 3G", card), card
    assert re.search(r"\d+ pages", card) and "En savoir plus" in card
    soup = soup_of(client.get(page_in(ImmunizationPage, "ar").url))
    card = soup.select_one(".latest--resources .doc-card").get_text(" ", strip=True)
    assert "18\u200f/09\u200f/2020" in card
    assert re.search(r"PDF ?، \d+ كيلوبايت، نحو \d+ ثانية", card), card
    assert "صفحات" in card or "صفحة" in card


def test_file_sizes_follow_the_language():
    size = int(6.42 * 1024 * 1024)
    expected = {"en": "6.42 MB", "fr": "6,42 Mo", "es": "6,42 MB", "ar": "6.42 ميغابايت"}
    for code, label in expected.items():
        with translation.override(code):
            assert file_size_label(size) == label


# Translation freshness ------------------------------------------------------------------------


@pytest.mark.both_engines
def test_freshness_note_appears_when_the_english_page_is_newer(client, migration_page):
    french = page_in(MigrationPage, "fr")
    soup = soup_of(client.get(french.url))
    assert soup.select_one(".translation-notice") is None

    migration_page.save_revision().publish()
    migration_page.refresh_from_db()
    soup = soup_of(client.get(french.url))
    notice = soup.select_one(".translation-notice")
    assert notice is not None
    text = notice.get_text(" ", strip=True)
    with translation.override("fr"):
        from ifrc_site.templatetags.site_tags import long_date

        assert f"mise à jour le {long_date(migration_page.last_published_at)}" in text
    assert notice.select_one("a")["href"] == migration_page.url
    # The English page itself never shows the note; a refreshed translation no longer does.
    assert soup_of(client.get(migration_page.url)).select_one(".translation-notice") is None
    french.save_revision().publish()
    assert soup_of(client.get(french.url)).select_one(".translation-notice") is None


@pytest.mark.both_engines
def test_editors_see_which_translations_are_out_of_date(admin_client, migration_page):
    url = reverse("out_of_date_translations")
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Every translation was published after" in response.content.decode()

    migration_page.save_revision().publish()
    response = admin_client.get(url)
    content = response.content.decode()
    for code in ("fr", "es", "ar"):
        page = page_in(MigrationPage, code)
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in content
    assert reverse("wagtailadmin_pages:edit", args=[migration_page.pk]) in content
    assert page_in(ImmunizationPage, "fr").title not in content


def test_the_report_is_in_the_reports_menu(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse("out_of_date_translations") in response.content.decode()


@pytest.mark.parametrize(
    "language, sentence",
    [
        ("en", "Only the first 1,500 items are listed page by page."),
        ("fr", "1\xa0500"),
        ("es", "1\xa0500"),
        ("ar", "1,500"),
    ],
)
def test_long_counts_are_grouped_as_each_language_writes_numbers(rf, language, sentence):
    """A count of thousands (search results, filter options, a listing's bound) is written
    with the language's grouping, inside the translated sentence."""
    paginator = BoundedPaginator(list(range(2000)), 500, max_pages=3)
    with translation.override(language):
        html = render_to_string(
            "components/pagination.html", {"items": paginator.page(3)}, request=rf.get("/")
        )
    text = BeautifulSoup(html, "html.parser").select_one(".pagination__more").get_text()
    assert sentence in text
    assert "1500" not in text
    if language != "en":
        assert "Only the first" not in text  # the translation, not the English
