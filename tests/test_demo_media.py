"""The demo's pictures: each alternative text names what the generator drew in that picture."""

from types import SimpleNamespace

import pytest

from ifrc_site.demo import data
from ifrc_site.demo.media import make_picture, picture_subject
from ifrc_site.demo.pages import page_fields

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
    """(key, theme, alternative text) of every picture the demo loader makes and describes:
    the image's own description, and the text of each block that shows it."""
    for key, picture in PAGE_PICTURES.items():
        yield key, picture["theme"], picture["alt"]
    for prefix, items in (("news", NEWS_STORIES), ("case", CASE_STUDIES)):
        for item in items:
            yield f"{prefix}-{item['slug']}", item["image"]["theme"], item["image"]["alt"]
    ref = SimpleNamespace(images=Lookup(), pages=Lookup(), documents=Lookup())
    for texts in data.load("pages").values():
        for key, alt in chosen_pictures(page_fields(texts, ref)["body"]):
            yield key, PAGE_PICTURES[key]["theme"], alt


PICTURES = list(demo_pictures())


def test_every_kind_of_demo_picture_is_checked():
    keys = {key for key, _theme, _alt in PICTURES}
    assert set(PAGE_PICTURES) <= keys
    assert {"migration-callout", "video-poster"} <= keys
    assert len(keys) == len(PAGE_PICTURES) + len(NEWS_STORIES) + len(CASE_STUDIES)


@pytest.mark.parametrize(("key", "theme", "alt"), PICTURES, ids=[p[0] for p in PICTURES])
def test_alt_text_names_what_the_picture_shows(key, theme, alt):
    text = alt.lower()
    missing = [
        thing
        for thing in picture_subject(key, theme)
        if not any(word in text for word in thing.split("|"))
    ]
    assert not missing, f"{key} ({theme}) shows {missing}, which {alt!r} does not mention"


def test_the_subject_follows_the_drawing():
    """The same key gives the same picture and subject; the theme decides what is in it."""
    assert make_picture("callout", "migration") == make_picture("callout", "migration")
    assert picture_subject("callout", "migration") == picture_subject("callout", "migration")
    coast_or_hills = {picture_subject(f"story-{n}", "migration")[0] for n in range(12)}
    assert coast_or_hills == {"road", "boat"}, "both scenes of the migration theme are drawn"
    assert "mountain" in picture_subject("anything", "landscape")
    assert "mountain" in picture_subject("anything", "no such theme"), "falls back to landscape"
