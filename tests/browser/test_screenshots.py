"""Each page type, photographed at a phone's, a tablet's and a laptop's width, in English and
in Arabic, and compared with its reference picture in tests/browser/screenshots/, so that a
change that moves the layout of any page type, in either direction, is seen.

A page matches its reference when its height is within 1% of it and no more than 0.5% of the
pixels differ by more than a little (anti-aliasing moves a few). Pages are drawn at a third of
their size (a device pixel ratio of 1/3, same layout) and kept in 64 colours (about 3 MB for all
of them), which still shows every block out of place; the new picture is drawn in its
reference's colours before the comparison.
Text that changes with the hour (a help point's "open now") or with the browser's state (the
offline box) is hidden in both.

When a layout changes on purpose, make the references again and look at them before
committing:

    make screenshots          # or: UPDATE_SCREENSHOTS=1 pytest tests/browser/test_screenshots.py

A failing comparison leaves the new picture, the reference and their difference (changed pixels
in red) under test-artifacts/screenshots-compared/.
"""

import io
import os
from pathlib import Path

from django.conf import settings

import pytest
from PIL import Image, ImageChops

from .support import PAGE_TYPES, Tab, new_context, settle

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

REFERENCES = Path(__file__).parent / "screenshots"
COMPARED = settings.BASE_DIR / "test-artifacts" / "screenshots-compared"
UPDATE = os.environ.get("UPDATE_SCREENSHOTS") == "1"

SCALE = 1 / 3
COLOURS = 64
# A pixel differs when one of its channels moves by more than this (of 255).
TOLERANCE = 48
# A page differs when more than this share of its pixels do, or its height by more than 1%.
MAX_CHANGED = 0.005
MAX_HEIGHT_CHANGE = 0.01

WIDTHS = {390: 844, 768: 1024, 1280: 800}
LANGUAGES = ("en", "ar")
CASES = [(name, lang, width) for name in PAGE_TYPES for lang in LANGUAGES for width in WIDTHS]

# What changes with the time of day or the browser's state, hidden in every picture.
HIDDEN = """
[data-offline], .help-card__status, .help-card__distance, .near-me__status {
    display: none !important;
}
"""


@pytest.fixture(scope="module")
def context(browser, site):
    context = new_context(browser, site, "phone", screenshots=True)
    yield context
    context.close()


def photograph(context, site, path, width):
    page = context.new_page()
    try:
        page.set_viewport_size({"width": width, "height": WIDTHS[width]})
        tab = Tab(page, site)
        tab.open(path, 404 if "no-such" in path else 200)
        settle(tab)
        png = page.screenshot(full_page=True, animations="disabled", caret="hide", style=HIDDEN)
        assert not tab.errors, tab.errors
        assert not tab.outside_requests, tab.outside_requests
    finally:
        page.close()
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.width == round(width * SCALE), "the context draws at a third of the size"
    return image


def in_colours_of(image, reference=None):
    """The picture in 64 colours: its own, or those of the reference (a palette image)."""
    if reference is None:
        return image.quantize(COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    return image.quantize(palette=reference, dither=Image.Dither.NONE)


def difference(actual, reference):
    """The share of pixels that differ beyond the tolerance, and a picture of them, over the
    height both have."""
    height = min(actual.height, reference.height)
    box = (0, 0, min(actual.width, reference.width), height)
    delta = ImageChops.difference(actual.crop(box), reference.crop(box))
    # The largest change of a pixel's three channels, then changed or not.
    changed = delta.split()
    largest = ImageChops.lighter(ImageChops.lighter(changed[0], changed[1]), changed[2])
    mask = largest.point(lambda value: 255 if value > TOLERANCE else 0)
    share = sum(mask.histogram()[255:]) / (box[2] * box[3])
    return share, mask


def keep_for_inspection(name, actual, reference, mask):
    COMPARED.mkdir(parents=True, exist_ok=True)
    actual.save(COMPARED / f"{name}.png")
    if reference is not None:
        reference.save(COMPARED / f"{name}.reference.png")
        marked = actual.crop((0, 0, *mask.size)).copy()
        marked.paste((220, 0, 0), mask=mask)
        marked.save(COMPARED / f"{name}.difference.png")


@pytest.mark.parametrize(
    "name, lang, width", CASES, ids=[f"{name}-{lang}-{width}" for name, lang, width in CASES]
)
def test_page_looks_as_its_reference(context, site, name, lang, width):
    key = f"{name}-{lang}-{width}"
    actual = photograph(context, site, PAGE_TYPES[name].format(lang=lang), width)
    reference_path = REFERENCES / f"{key}.png"
    if UPDATE:
        REFERENCES.mkdir(exist_ok=True)
        in_colours_of(actual).save(reference_path, optimize=True)
        assert reference_path.exists()
        return
    if not reference_path.exists():
        keep_for_inspection(key, actual, None, None)
        pytest.fail(f"no reference for {key}: `make screenshots` makes it (look at it first)")
    palette = Image.open(reference_path)
    reference = palette.convert("RGB")
    actual = in_colours_of(actual, palette).convert("RGB")
    height_change = abs(actual.height - reference.height) / reference.height
    share, mask = difference(actual, reference)
    if height_change > MAX_HEIGHT_CHANGE or share > MAX_CHANGED:
        keep_for_inspection(key, actual, reference, mask)
    assert height_change <= MAX_HEIGHT_CHANGE, (
        f"{key} is {round(actual.height / SCALE)}px tall, its reference "
        f"{round(reference.height / SCALE)}px: see "
        f"test-artifacts/screenshots-compared/{key}.*"
    )
    assert share <= MAX_CHANGED, (
        f"{share:.2%} of {key}'s pixels differ from its reference: see "
        f"test-artifacts/screenshots-compared/{key}.difference.png"
    )
