"""Every block renders what the editor wrote and refuses what it must not accept."""

import re

from wagtail.blocks import StructBlockValidationError

import pytest
from bs4 import BeautifulSoup

from ifrc_site import blocks
from ifrc_site.blocks import parse_video_url

from .factories import ImageFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def render(block, raw):
    """Render a block from its stored (JSON) form, as a page would, and return visible text."""
    html = block.render(block.to_python(raw), context={})
    return html, " ".join(BeautifulSoup(html, "lxml").get_text(" ").split())


def image_value(image, alt="Volunteers load a truck with supplies"):
    return {"image": image.pk, "alt_text": alt, "decorative": False}


def test_heading_block_renders_chosen_level():
    html, text = render(blocks.HeadingBlock(), {"text": "Our work", "level": "h3"})
    assert "<h3" in html and text == "Our work"


def test_intro_and_paragraph_render_rich_text():
    _, text = render(blocks.IntroBlock(), "<p>Healthy communities start here.</p>")
    assert text == "Healthy communities start here."
    html, _ = render(blocks.ParagraphBlock(), "<p>First <b>bold</b> words.</p>")
    assert "<b>bold</b>" in html


def test_feature_cards_render_title_text_and_link(home):
    raw = {
        "heading": "Our work in migration",
        "intro": "",
        "cards": [
            {
                "title": "Policy and strategy",
                "text": "Shaping how needs are met.",
                "link": {"page": home.pk, "document": None, "url": "", "text": "More"},
            }
        ],
    }
    html, text = render(blocks.FeatureCardsBlock(), raw)
    assert "Our work in migration" in text
    assert "Policy and strategy" in text and "Shaping how needs are met." in text
    assert f'href="{home.url}"' in html


def test_story_callout_renders_question_and_link(home):
    raw = {
        "question": "What would you do if there was no way back?",
        "text": "Thousands of stories.",
        "image": None,
        "link": {"page": None, "document": None, "url": "https://example.org/", "text": "Read"},
    }
    html, text = render(blocks.StoryCalloutBlock(), raw)
    assert "What would you do if there was no way back?" in text
    assert 'href="https://example.org/"' in html


def test_activity_cards_render_photo_alt_caption_and_credit():
    image = ImageFactory(credit="IFRC / Jane Doe")
    raw = {
        "heading": "Our immunization activities",
        "intro": "",
        "cards": [
            {
                "image": image_value(image, "A volunteer gives a child oral polio vaccine"),
                "title": "Vaccination during emergencies",
                "caption": "A volunteer in a rural village in Somaliland.",
            }
        ],
    }
    html, text = render(blocks.ActivityCardsBlock(), raw)
    soup = BeautifulSoup(html, "lxml")
    assert soup.find("img")["alt"] == "A volunteer gives a child oral polio vaccine"
    assert soup.find("img").has_attr("width") and soup.find("img").has_attr("height")
    assert soup.find("source", type="image/webp") is not None
    assert "Vaccination during emergencies" in text
    assert "A volunteer in a rural village in Somaliland." in text
    assert "Photo: IFRC / Jane Doe" in text


def test_video_loads_nothing_until_asked():
    raw = {
        "title": "Watch: #vaccineswork",
        "url": "https://youtu.be/abcdefghijk",
        "poster": None,
        "caption": "Why vaccines matter.",
        "transcript": "",
    }
    html, text = render(blocks.VideoBlock(), raw)
    soup = BeautifulSoup(html, "lxml")
    assert soup.find("iframe") is None, "no player may load before the reader asks"
    assert (
        soup.find("a", class_="video__play")["href"]
        == "https://www.youtube.com/watch?v=abcdefghijk"
    )
    assert "youtube-nocookie.com/embed/abcdefghijk" in html
    assert "Watch: #vaccineswork" in text


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://www.youtube.com/watch?v=abcdefghijk", ("youtube", "abcdefghijk")),
        ("https://youtu.be/abcdefghijk", ("youtube", "abcdefghijk")),
        ("https://www.youtube.com/embed/abcdefghijk", ("youtube", "abcdefghijk")),
        ("https://vimeo.com/123456789", ("vimeo", "123456789")),
        ("https://example.org/watch?v=abcdefghijk", ("", "")),
        ("https://www.youtube.com/watch?v=<script>", ("", "")),
        ("javascript:alert(1)", ("", "")),
        ("http://[bad", ("", "")),
    ],
)
def test_parse_video_url(url, expected):
    assert parse_video_url(url) == expected


def test_numbered_list_renders_in_order():
    raw = {
        "heading": "COVID-19 vaccines",
        "intro": "<p>A five-point plan:</p>",
        "items": ["<p>Advocate</p>", "<p>Trust</p>", "<p>Health</p>"],
        "closing": "",
    }
    html, _ = render(blocks.NumberedListBlock(), raw)
    items = [li.get_text(strip=True) for li in BeautifulSoup(html, "lxml").select("ol li")]
    assert items == ["Advocate", "Trust", "Health"]


def test_contact_person_renders_name_team_and_email():
    raw = {
        "heading": "Contact",
        "text": "<p>Get our latest tools.</p>",
        "name": "Indu Adhikary",
        "role": "",
        "team": "Immunization team",
        "email": "immunization@example.org",
        "phone": "+41 22 000 00 00",
        "photo": None,
    }
    html, text = render(blocks.ContactPersonBlock(), raw)
    assert "Indu Adhikary" in text and "Immunization team" in text
    assert 'href="mailto:immunization@example.org"' in html
    assert 'href="tel:+41220000000"' in html


def test_links_block_renders_document_link():
    document = ResourceFactory(title="Immunization Annex")
    raw = {
        "heading": "More resources",
        "intro": "",
        "links": [
            {
                "page": None,
                "document": document.pk,
                "url": "",
                "text": "",
                "description": "The plan.",
            }
        ],
    }
    html, text = render(blocks.LinksBlock(), raw)
    assert "Immunization Annex" in text and "The plan." in text
    assert f'href="{document.url}"' in html


def test_partnerships_block_renders_partners():
    raw = {
        "heading": "Our partnerships and advocacy",
        "intro": "",
        "partners": [{"name": "UNICEF", "description": "Vaccine supply.", "url": ""}],
    }
    _, text = render(blocks.PartnershipsBlock(), raw)
    assert "Our partnerships and advocacy" in text and "UNICEF" in text


def test_key_figures_render_number_label_and_source():
    raw = {
        "heading": "",
        "figures": [{"number": "190", "label": "countries", "source": "IFRC"}],
    }
    _, text = render(blocks.KeyFiguresBlock(), raw)
    assert text == "190 countries IFRC"


def test_document_list_shows_type_size_and_date():
    document = ResourceFactory(title="Polio program transition in South Sudan")
    _, text = render(
        blocks.DocumentListBlock(), {"heading": "Related documents", "documents": [document.pk]}
    )
    assert "18/09/2020" in text
    # The format, size and download time as one list, in the active language.
    assert re.search(r"\| PDF ?, \d+ \w+, \D+ \d+ \w+ \w+ 3G ·", text), text
    assert "(PDF" not in text
    # ... and its text version, with the size of that.
    assert re.search(r"Read as text \(\d+ KB\) : Polio", text), text
    assert "Read more" in text


# Validation --------------------------------------------------------------------------------


def test_image_without_alt_text_is_refused():
    block = blocks.FigureBlock()
    image = ImageFactory()
    value = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "image" in error.value.block_errors


def test_decorative_image_needs_no_alt_text():
    block = blocks.FigureBlock()
    image = ImageFactory()
    value = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": True}})
    assert block.clean(value)["image"].decorative is True


def test_empty_required_fields_are_refused():
    block = blocks.FeatureCardsBlock()
    value = block.to_python(
        {"heading": "", "intro": "", "cards": [{"title": "", "text": "", "link": {}}]}
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert {"heading", "cards"} <= set(error.value.block_errors)


def test_link_needs_exactly_one_target(home):
    block = blocks.LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "document": None, "url": "", "text": ""}))
    both = {"page": home.pk, "document": None, "url": "https://example.org/", "text": "x"}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(both))
    assert block.clean(block.to_python({"page": home.pk, "document": None, "url": "", "text": ""}))


def test_optional_link_may_be_empty():
    block = blocks.OptionalLinkBlock()
    assert block.clean(block.to_python({"page": None, "document": None, "url": "", "text": ""}))


def test_video_from_another_host_is_refused():
    block = blocks.VideoBlock()
    value = block.to_python({"title": "Clip", "url": "https://example.org/clip.mp4"})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "url" in error.value.block_errors


def test_every_block_has_a_template_and_description():
    stream = blocks.ProgrammeStreamBlock()
    for name, child in stream.child_blocks.items():
        assert child.meta.template, name
        assert child.meta.description, name
