"""The demo's pictures: each alternative text names what the generator drew in that picture
(the variant of its theme that the data names)."""

import io
from types import SimpleNamespace

import pytest
from PIL import Image

from ifrc_site.demo import data
from ifrc_site.demo.media import VARIANTS, make_picture, picture_subject
from ifrc_site.demo.pages import page_fields
from ifrc_site.models import SiteImage

PAGE_PICTURES = data.load("site")["pictures"]
NEWS_STORIES = data.load("news")
CASE_STUDIES = data.load("case_studies")


class Lookup(dict):
    """Stands in for the loader's references: anything asked for is an object whose `pk` is
    its key, so that a picture chosen in a block can be traced back to its key."""

    def __missing__(self, key):
        return SimpleNamespace(pk=key)


def chosen_pictures(value):
    """(key, alternative text) of every picture chosen in a page's blocks."""
    if isinstance(value, dict):
        if "image" in value and "alt_text" in value:
            yield value["image"], value["alt_text"]
        for item in value.values():
            yield from chosen_pictures(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from chosen_pictures(item)


def demo_pictures():
    """(key, theme, variant, alternative text) of every picture the demo loader makes and
    describes: the image's own description, and the text of each block that shows it."""
    for key, picture in PAGE_PICTURES.items():
        yield key, picture["theme"], picture.get("variant"), picture["alt"]
    for prefix, items in (("news", NEWS_STORIES), ("case", CASE_STUDIES)):
        for item in items:
            picture = item["image"]
            yield (
                f"{prefix}-{item['slug']}",
                picture["theme"],
                picture.get("variant"),
                picture["alt"],
            )
    ref = SimpleNamespace(images=Lookup(), pages=Lookup(), documents=Lookup())
    for texts in data.load("pages").values():
        for key, alt in chosen_pictures(page_fields(texts, ref)["body"]):
            picture = PAGE_PICTURES[key]
            yield key, picture["theme"], picture.get("variant"), alt


PICTURES = list(demo_pictures())


def test_every_kind_of_demo_picture_is_checked():
    keys = {key for key, _theme, _variant, _alt in PICTURES}
    assert set(PAGE_PICTURES) <= keys
    assert {"migration-callout", "video-poster"} <= keys
    assert len(keys) == len(PAGE_PICTURES) + len(NEWS_STORIES) + len(CASE_STUDIES)


def test_the_data_says_which_variant_each_picture_shows():
    """Where a theme has several variants, the description is written for one: the data names
    it, rather than leaving the key to choose."""
    for key, theme, variant, _alt in PICTURES:
        assert theme in VARIANTS, key
        if len(VARIANTS[theme]) > 1:
            assert variant in VARIANTS[theme], f"{key}: which {theme} picture?"


@pytest.mark.parametrize(("key", "theme", "variant", "alt"), PICTURES, ids=[p[0] for p in PICTURES])
def test_alt_text_names_what_the_picture_shows(key, theme, variant, alt):
    text = alt.lower()
    missing = [
        thing
        for thing in picture_subject(key, theme, variant)
        if not any(word in text for word in thing.split("|"))
    ]
    assert not missing, (
        f"{key} ({theme}, {variant}) shows {missing}, which {alt!r} does not mention"
    )


@pytest.mark.parametrize(
    ("theme", "variant"), [(theme, variant) for theme in VARIANTS for variant in VARIANTS[theme]]
)
def test_each_variant_is_drawn(theme, variant):
    picture = make_picture("sample", theme, variant, width=160, height=100)
    assert Image.open(io.BytesIO(picture)).size == (160, 100)
    others = [other for other in VARIANTS[theme] if other != variant]
    for other in others:
        assert make_picture("sample", theme, other, width=160, height=100) != picture


def test_the_subject_follows_the_drawing():
    """The same arguments give the same picture and subject; without a variant, the key
    chooses one; the subject is that of the variant drawn."""
    assert make_picture("callout", "migration") == make_picture("callout", "migration")
    assert picture_subject("callout", "migration") == picture_subject("callout", "migration")
    coast_or_hills = {picture_subject(f"story-{n}", "migration")[0] for n in range(12)}
    assert coast_or_hills == {"road", "boat"}, "both scenes of the migration theme are drawn"
    chosen = picture_subject("callout", "migration")
    variant = next(name for name, subject in VARIANTS["migration"].items() if subject == chosen)
    assert make_picture("callout", "migration") == make_picture("callout", "migration", variant)
    assert picture_subject("story", "migration", "coast") == VARIANTS["migration"]["coast"]
    assert "mountain" in picture_subject("anything", "landscape")
    assert "mountain" in picture_subject("anything", "no such theme"), "falls back to landscape"
    with pytest.raises(ValueError, match="not harbour"):
        make_picture("anything", "migration", "harbour")


@pytest.mark.django_db
def test_the_demo_draws_its_pictures_at_the_width_the_settings_ask(settings):
    """`DEMO_PICTURE_WIDTH` (800 in the test settings, 1,600 by default) sizes every picture the
    demo loader draws, at 16:10."""
    pictures = SiteImage.objects.filter(title__startswith="Demo: ")
    assert pictures.count() > 10
    sizes = {(picture.width, picture.height) for picture in pictures}
    assert sizes == {(settings.DEMO_PICTURE_WIDTH, settings.DEMO_PICTURE_WIDTH * 5 // 8)}
