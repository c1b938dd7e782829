"""Translations through the admin: a copy made for translation is not published while it still
reads like its source, and pictures are described in the reader's language."""

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest
from bs4 import BeautifulSoup

from ifrc_site.models import SiteImage
from news.models import NewsIndexPage, NewsStoryPage

from .factories import ImageFactory, NewsStoryPageFactory

CONFIRM = "Publish although it is not translated yet"
REFUSAL = "still has the same words as the English page"


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def story_form(page, action="action-publish", **changes):
    """What the page editor sends for a news story, as it stands in its latest version."""
    page = page.get_latest_revision_as_object()
    data = {
        "title": page.title,
        "slug": page.slug,
        "city": page.city,
        "country": str(page.country),
        "date": page.date.isoformat(),
        "summary": page.summary,
        "hero_caption": page.hero_caption,
        "body": streamfield([("paragraph", rich_text(block.value.source)) for block in page.body]),
    }
    confirm = changes.pop("publish_untranslated", False)
    data.update(changes)
    data = nested_form_data(data)
    data[action] = "1"
    if confirm:
        data["publish_untranslated"] = "on"
    return data


@pytest.fixture
def story(db):
    index = NewsIndexPage.objects.get(locale=Locale.get_default())
    return NewsStoryPageFactory(
        parent=index,
        title="Volunteers reach families in the hills",
        slug="volunteers-reach-families",
    )


@pytest.fixture
def french_copy(story):
    """The draft that the translate action makes."""
    return story.copy_for_translation(Locale.objects.get(language_code="fr")).specific


def fresh(page):
    return NewsStoryPage.objects.get(pk=page.pk)


# Unchanged translations ---------------------------------------------------------------------


def test_an_unchanged_translation_is_not_published(admin_client, french_copy):
    edit = admin_client.get(edit_url(french_copy))
    assert CONFIRM in edit.content.decode()
    response = admin_client.post(edit_url(french_copy), story_form(french_copy))
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not fresh(french_copy).live


def test_an_unchanged_translation_is_not_submitted_for_approval(admin_client, french_copy):
    data = story_form(french_copy, action="action-submit")
    response = admin_client.post(edit_url(french_copy), data)
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert fresh(french_copy).workflow_in_progress is False


def test_a_draft_of_an_unchanged_translation_still_saves(admin_client, french_copy):
    data = story_form(french_copy, action="action-draft", hero_caption="Bientôt traduit")
    assert admin_client.post(edit_url(french_copy), data).status_code == 302
    assert fresh(french_copy).get_latest_revision_as_object().hero_caption == "Bientôt traduit"


def test_the_translator_can_confirm_an_unchanged_translation(admin_client, french_copy):
    data = story_form(french_copy, publish_untranslated=True)
    assert admin_client.post(edit_url(french_copy), data).status_code == 302
    page = fresh(french_copy)
    assert page.live
    # The confirmation is not kept: the next publication asks again.
    assert "publish_untranslated" not in page.live_revision.content
    response = admin_client.post(edit_url(page), story_form(page))
    assert REFUSAL in response.content.decode()


def test_a_translated_page_publishes_without_confirmation(admin_client, french_copy):
    data = story_form(
        french_copy,
        title="Des volontaires rejoignent les familles dans les collines",
        summary="Les volontaires ont apporté premiers secours et eau aux familles.",
        body=streamfield([("paragraph", rich_text("<p>Les volontaires sont venus à l’aube.</p>"))]),
    )
    assert admin_client.post(edit_url(french_copy), data).status_code == 302
    assert fresh(french_copy).live


def test_changed_text_in_the_body_alone_is_enough(admin_client, french_copy):
    body = streamfield([("paragraph", rich_text("<p>Les volontaires sont venus à l’aube.</p>"))])
    data = story_form(french_copy, body=body)
    assert admin_client.post(edit_url(french_copy), data).status_code == 302
    assert fresh(french_copy).live


def test_the_comparison_is_with_the_sources_latest_draft(admin_client, story, french_copy):
    """The English page was rewritten after the copy was made: the copy now differs from it."""
    story.title = "Volunteers reach families in the mountains"
    story.save_revision()
    assert admin_client.post(edit_url(french_copy), story_form(french_copy)).status_code == 302
    assert fresh(french_copy).live


def test_the_default_language_publishes_as_before(admin_client, story):
    data = story_form(story, summary="Volunteers brought first aid and water.")
    assert admin_client.post(edit_url(story), data).status_code == 302
    assert fresh(story).live
    edit = admin_client.get(edit_url(story))
    assert CONFIRM not in edit.content.decode()


def test_a_page_with_no_source_is_never_held_back(admin_client, story):
    """A story written in French from the start has no English page to be compared with."""
    index = NewsIndexPage.objects.get(locale__language_code="fr")
    page = NewsStoryPageFactory(parent=index, title=story.title, slug="ecrit-en-francais")
    page.unpublish()
    assert admin_client.post(edit_url(page), story_form(page)).status_code == 302
    assert fresh(page).live


# Alt text in each language ------------------------------------------------------------------


def empty_caches():
    for alias in ("default", "pages", "pages-query"):
        if alias in settings.CACHES:
            caches[alias].clear()


def published_copy(page, code):
    copy = page.copy_for_translation(Locale.objects.get(language_code=code)).specific
    copy.title = f"{page.title} ({code})"
    copy.save_revision().publish()
    return copy


def url_in(page, code):
    with translation.override(code):
        return page.get_url()


def alts(response):
    """The alt texts of the story's own pictures (related stories' cards follow them)."""
    soup = BeautifulSoup(response.content, "lxml")
    return [img.get("alt") for img in soup.select("main img")][:3]


def figure(image, alt_text):
    return {
        "type": "figure",
        "value": {
            "image": {"image": image.pk, "alt_text": alt_text, "decorative": False},
            "caption": "",
        },
    }


@pytest.fixture
def pictures(db):
    return [ImageFactory(description=f"Volunteers unload boxes of water {n}") for n in range(3)]


@pytest.fixture
def illustrated_story(pictures):
    index = NewsIndexPage.objects.get(locale=Locale.get_default())
    story = NewsStoryPageFactory(
        parent=index,
        slug="water-for-families",
        hero_image=pictures[0],
        body=[
            {"type": "paragraph", "value": "<p>Volunteers met families at dawn.</p>"},
            # The alt text chosen with the picture, as the admin fills it in.
            figure(pictures[1], pictures[1].description),
            # Alt text written for this page.
            figure(pictures[2], "A lorry at the border post"),
        ],
    )
    return story, published_copy(story, "ar")


def test_pictures_are_described_in_the_readers_language(client, pictures, illustrated_story):
    story, arabic = illustrated_story
    pictures[0].alt_text_ar = "متطوعون يفرغون صناديق المياه"
    pictures[1].alt_text_ar = "متطوعون عند نقطة توزيع المياه"
    pictures[2].alt_text_ar = "شاحنة"
    for picture in pictures:
        picture.save()

    english = alts(client.get(url_in(story, "en")))
    assert english == [
        "Volunteers unload boxes of water 0",
        "Volunteers unload boxes of water 1",
        "A lorry at the border post",
    ]
    assert url_in(arabic, "ar").startswith("/ar/")
    assert alts(client.get(url_in(arabic, "ar"))) == [
        "متطوعون يفرغون صناديق المياه",
        "متطوعون عند نقطة توزيع المياه",
        # What the page says about the picture is the page's own.
        "A lorry at the border post",
    ]


def test_a_picture_without_alt_text_in_a_language_keeps_the_default(
    client, pictures, illustrated_story
):
    story, _ = illustrated_story
    french = published_copy(story, "fr")
    pictures[0].alt_text_ar = "متطوعون يفرغون صناديق المياه"
    pictures[0].save()
    assert alts(client.get(url_in(french, "fr")))[0] == "Volunteers unload boxes of water 0"


@pytest.mark.both_engines
def test_alt_text_in_each_language_adds_no_queries(
    client, pictures, illustrated_story, monkeypatch
):
    _, arabic = illustrated_story
    url = url_in(arabic, "ar")
    client.get(url)  # makes the renditions

    def render():
        empty_caches()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), alts(response)

    without, described = render()
    assert described[0] == pictures[0].description
    for n, picture in enumerate(pictures):
        picture.alt_text_ar = f"صورة {n}"
        picture.save()
    count, described = render()
    assert described[:2] == ["صورة 0", "صورة 1"]
    assert count == without
    # And as many as when every picture has only its default alt text.
    monkeypatch.setattr(SiteImage, "alt_for", lambda image, code: image.default_alt_text)
    assert render()[0] == count


def test_the_image_edit_form_keeps_alt_text_in_each_language(admin_client):
    image = ImageFactory()
    url = reverse("wagtailimages:edit", args=[image.pk])
    form = admin_client.get(url).content.decode()
    assert "Read aloud to readers of the Arabic pages who cannot see the picture" in form
    response = admin_client.post(
        url,
        {
            "title": image.title,
            "description": "A volunteer hands out water",
            "alt_text_fr": "Un volontaire distribue de l’eau",
            "alt_text_es": "Un voluntario reparte agua",
            "alt_text_ar": "متطوع يوزع المياه",
            "collection": image.collection_id,
            "credit": "IFRC",
        },
    )
    assert response.status_code == 302
    image = SiteImage.objects.get(pk=image.pk)
    assert (image.alt_text_fr, image.alt_text_es, image.alt_text_ar) == (
        "Un volontaire distribue de l’eau",
        "Un voluntario reparte agua",
        "متطوع يوزع المياه",
    )
    assert image.alt_for("ar") == "متطوع يوزع المياه"
    assert image.alt_for("en") == "A volunteer hands out water"
