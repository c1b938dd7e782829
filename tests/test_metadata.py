"""Found and shared: the sitemaps of every language, robots.txt, each page's description,
canonical link, Open Graph and Twitter tags, breadcrumbs and JSON-LD, and the share links."""

import re
from pathlib import Path
from types import SimpleNamespace

from wagtail.models import Page

import extruct
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from ifrc_site.queries import public
from news.models import NewsStoryPage
from resources.models import CaseStudyPage, Resource

from .helpers import sitemap_texts

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
HOST = "http://testserver"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
}
LANGUAGES = ("en", "fr", "es", "ar")
# What each schema.org type must carry here (search engines' required and recommended ones).
REQUIRED = {
    "Organization": {"name", "url", "logo"},
    "WebSite": {"name", "url"},
    "WebPage": {"name", "url", "inLanguage"},
    "CollectionPage": {"name", "url", "inLanguage"},
    "NewsArticle": {
        "headline",
        "dateline",
        "datePublished",
        "dateModified",
        "locationCreated",
        "author",
        "image",
        "inLanguage",
    },
    "Article": {"headline", "datePublished", "author", "inLanguage"},
    "BreadcrumbList": {"itemListElement"},
    "Report": {"name", "url", "inLanguage", "encodingFormat", "contentSize"},
    "DigitalDocument": {"name", "url", "inLanguage", "encodingFormat", "contentSize"},
}


def schema(name):
    return etree.XMLSchema(etree.parse(str(DATA / name)))


def xml(text):
    return etree.fromstring(text.encode())


# Sitemaps -------------------------------------------------------------------------------------


@pytest.mark.both_engines
def test_sitemaps_are_valid_and_cover_every_language(client):
    texts = sitemap_texts(client)
    index = xml(texts.pop("/sitemap.xml"))
    schema("siteindex.xsd").assertValid(index)
    assert set(texts) == {f"/sitemap-pages-{code}.xml" for code in LANGUAGES} | {
        "/sitemap-documents.xml"
    }
    urlset = schema("sitemap.xsd")
    for text in texts.values():
        urlset.assertValid(xml(text))

    for code in LANGUAGES:
        tree = xml(texts[f"/sitemap-pages-{code}.xml"])
        locations = tree.xpath("//sm:url/sm:loc/text()", namespaces=NS)
        # Every live public page of the language, once, and nothing else.
        expected = {
            HOST + page.url
            for page in public(
                Page.objects.live().filter(locale__language_code=code), SimpleNamespace()
            )
            .exclude(depth=1)
            .specific()
            if page.get_sitemap_urls()
        }
        assert len(locations) == len(set(locations))
        assert set(locations) == expected, code
        assert all(location.startswith(f"{HOST}/{code}/") for location in locations)
        assert tree.xpath("//sm:url/sm:lastmod", namespaces=NS)

    documents = xml(texts["/sitemap-documents.xml"]).xpath("//sm:loc/text()", namespaces=NS)
    assert sorted(documents) == sorted(HOST + d.url for d in Resource.objects.listed())


@pytest.mark.both_engines
def test_sitemap_hreflang_alternates_are_reciprocal(client):
    texts = sitemap_texts(client)
    alternates = {}
    for code in LANGUAGES:
        tree = xml(texts[f"/sitemap-pages-{code}.xml"])
        for url in tree.xpath("//sm:url", namespaces=NS):
            location = url.findtext("sm:loc", namespaces=NS)
            links = url.xpath("xhtml:link[@rel='alternate']", namespaces=NS)
            alternates[location] = {(link.get("hreflang"), link.get("href")) for link in links}
    translated = {location: links for location, links in alternates.items() if links}
    assert len(translated) > 30
    for location, links in translated.items():
        # The page names itself, and every version it names names the same set.
        assert any(href == location for _code, href in links), location
        for code, href in links:
            assert href.startswith(f"{HOST}/{code}/"), (location, href)
            assert alternates[href] == links, (location, href)
    home = alternates[f"{HOST}/fr/"]
    assert {code for code, _href in home} == set(LANGUAGES)


def test_sitemaps_show_the_pictures_that_illustrate_pages(client):
    texts = sitemap_texts(client)
    pictures = xml(texts["/sitemap-pages-en.xml"]).xpath(
        "//image:image/image:loc/text()", namespaces=NS
    )
    assert len(pictures) >= 10
    for picture in pictures[:5]:
        assert picture.startswith(f"{HOST}/media/images/") and ".format-jpeg." in picture
    story = NewsStoryPage.objects.live().filter(locale__language_code="en").first()
    url = xml(texts["/sitemap-pages-en.xml"]).xpath(
        f"//sm:url[sm:loc='{HOST}{story.url}']", namespaces=NS
    )[0]
    assert url.xpath("image:image/image:loc/text()", namespaces=NS)[0].endswith(".jpg")


def test_an_unknown_sitemap_is_a_404(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_endless_spaces(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    for rule in ("/admin/", "/*/search/", "/*?", "/language/"):
        assert f"Disallow: {rule}" in lines
    assert "Disallow: /" not in lines and "Disallow: /documents/" not in lines


# Each page's head ------------------------------------------------------------------------------


def one_page_of_each_type(code):
    pages = {}
    for page in public(
        Page.objects.live().filter(locale__language_code=code), SimpleNamespace()
    ).exclude(depth=1):
        pages.setdefault(page.content_type_id, page)
    return list(pages.values())


def json_ld(html, url):
    items = extruct.extract(html, base_url=url, syntaxes=["json-ld"])["json-ld"]
    assert len(items) == 1, "one JSON-LD script per page"
    assert items[0]["@context"] == "https://schema.org"
    return items[0]["@graph"]


def check_required(item, nested=False):
    """The properties each item must have; an item inside another (an author, a place, a
    document of a collection) at least names itself, documents in full."""
    kind = item["@type"]
    required = REQUIRED.get(kind, set())
    if nested and kind == "PostalAddress":
        required = {"addressCountry"}
    elif nested and kind not in ("Report", "DigitalDocument"):
        required = {"name"}
    missing = required - set(item)
    assert not missing, (kind, missing)
    for value in item.values():
        for part in value if isinstance(value, list) else [value]:
            if isinstance(part, dict) and "@type" in part:
                check_required(part, nested=True)


@pytest.mark.parametrize("code", ["en", "ar"])
def test_every_page_type_has_description_canonical_sharing_tags_and_json_ld(client, code):
    pages = one_page_of_each_type(code)
    assert len(pages) >= 10
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        soup = BeautifulSoup(html, "lxml")
        head = soup.head
        description = head.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) > 20, page.url
        assert head.find("link", rel="canonical")["href"] == HOST + page.url
        for name in ("og:type", "og:title", "og:url", "og:description", "og:locale"):
            assert head.find("meta", property=name)["content"], (page.url, name)
        assert head.find("meta", attrs={"name": "twitter:card"}), page.url
        image = head.find("meta", property="og:image")
        if image:
            assert image["content"].startswith(f"{HOST}/media/images/"), page.url
            assert head.find("meta", property="og:image:alt")["content"], page.url
        graph = json_ld(html, HOST + page.url)
        kinds = [item["@type"] for item in graph]
        assert kinds[:2] == ["Organization", "WebSite"], page.url
        for item in graph:
            check_required(item)
        main = graph[2]
        assert main["inLanguage"] == code and main["url"] == HOST + page.url
        # The breadcrumbs in the JSON-LD are the ones the reader sees.
        crumbs = [item for item in graph if item["@type"] == "BreadcrumbList"]
        visible = soup.select("nav.breadcrumbs li")
        if page.depth > 2:
            names = [entry["name"] for entry in crumbs[0]["itemListElement"]]
            assert names == [" ".join(li.get_text().split()) for li in visible], page.url
        else:
            assert not crumbs and not visible


def test_a_news_story_is_a_news_article_with_its_dateline(client):
    story = NewsStoryPage.objects.get(
        slug="thessaloniki-two-families-one-home", locale__language_code="en"
    )
    graph = json_ld(client.get(story.url).content.decode(), HOST + story.url)
    article = next(item for item in graph if item["@type"] == "NewsArticle")
    assert article["datePublished"] == story.date.isoformat()
    assert article["dateline"].startswith("Thessaloniki, Greece")
    assert article["locationCreated"]["address"]["addressCountry"] == "GR"
    assert article["author"]["@id"] == f"{HOST}/#organization"
    assert article["image"].startswith(f"{HOST}/media/images/")


def test_a_case_study_is_written_by_its_national_society(client):
    study = CaseStudyPage.objects.live().filter(locale__language_code="en").first()
    graph = json_ld(client.get(study.url).content.decode(), HOST + study.url)
    article = next(item for item in graph if item["@type"] == "Article")
    assert article["author"] == {"@type": "Organization", "name": study.national_society.name}


def test_the_library_describes_its_documents(client):
    html = client.get("/en/resources/").content.decode()
    graph = json_ld(html, f"{HOST}/en/resources/")
    page = next(item for item in graph if item["@type"] == "CollectionPage")
    parts = page["hasPart"]
    assert len(parts) == 12
    pdfs = [part for part in parts if part["encodingFormat"] == "application/pdf"]
    assert pdfs and all(part["numberOfPages"] > 0 for part in pdfs)
    assert {part["@type"] for part in parts} <= {"Report", "DigitalDocument"}
    assert all(re.fullmatch(r"\d+ B", part["contentSize"]) for part in parts)


def test_the_canonical_link_drops_filters_and_keeps_the_page_number(client):
    html = client.get("/en/news/", {"country": "GR", "page": "2"}).content.decode()
    canonical = BeautifulSoup(html, "lxml").find("link", rel="canonical")["href"]
    assert canonical == f"{HOST}/en/news/?page=2"
    html = client.get("/en/resources/", {"type": "report"}).content.decode()
    canonical = BeautifulSoup(html, "lxml").find("link", rel="canonical")["href"]
    assert canonical == f"{HOST}/en/resources/"


def test_json_ld_cannot_close_its_script(client, migration_page):
    migration_page.search_description = "Safe </script><script>alert(1)</script> & sound"
    migration_page.save_revision().publish()
    html = client.get(migration_page.url).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "</script" not in script and "<script" not in script
    graph = json_ld(html, HOST + migration_page.url)
    assert graph[2]["description"].startswith("Safe </script><script>")


# Share links ---------------------------------------------------------------------------------


@pytest.mark.parametrize("model", [NewsStoryPage, CaseStudyPage])
def test_stories_and_case_studies_have_plain_share_links(client, model):
    page = model.objects.live().filter(locale__language_code="en").first()
    soup = BeautifulSoup(client.get(page.url).content, "lxml")
    share = soup.select_one("aside.share")
    links = [a["href"] for a in share.select("a")]
    assert links[0].startswith("mailto:?subject=") and "testserver" in links[0]
    assert links[1].startswith("https://wa.me/?text=")
    assert share.select_one("button[data-copy-link]")["data-copy-link"] == HOST + page.url
    # No script from elsewhere on the page.
    for script in soup.select("script[src]"):
        assert script["src"].startswith("/static/"), script["src"]


def test_read_more_says_what_it_leads_to(client):
    soup = BeautifulSoup(client.get("/en/resources/").content, "lxml")
    links = soup.select(".doc-card__more a")
    assert links
    for link in links:
        text = " ".join(link.get_text().split())
        assert text.startswith("Read more: ") and len(text) > len("Read more: ") + 5
