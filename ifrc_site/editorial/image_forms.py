"""The admin's image form: Wagtail's own, which checks size, pixels and format, and a bound on
the frames of an animated image (WAGTAILIMAGES_IMAGE_FORM_BASE).

Wagtail counts an image's pixels once per frame only when Willow can count frames, which it
cannot with Pillow alone: a GIF, WebP or PNG of thousands of frames would pass, and every
rendition of it would then decode all of them. Frames are counted here from the file's headers,
without decoding a picture.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm

from PIL import Image as PILImage


def max_frames():
    return getattr(settings, "WAGTAILIMAGES_MAX_FRAMES", 100)


def frame_count(file):
    """How many frames the image declares (1 for a still picture)."""
    file.seek(0)
    try:
        with PILImage.open(file) as image:
            return getattr(image, "n_frames", 1)
    finally:
        file.seek(0)


def validate_frame_count(file):
    limit = max_frames()
    if limit is None:
        return
    try:
        frames = frame_count(file)
    except (OSError, ValueError, EOFError, PILImage.DecompressionBombError):
        # Not a picture Pillow reads frame by frame; Wagtail's own checks have judged it.
        return
    if frames > limit:
        raise ValidationError(
            _(
                "This animated image has %(frames)s frames; at most %(limit)s are accepted. "
                "Shorten the animation, or upload a still picture."
            ),
            code="too_many_frames",
            params={
                "frames": number_format(frames, force_grouping=True),
                "limit": number_format(limit, force_grouping=True),
            },
        )


class SiteImageForm(BaseImageForm):
    """Used for single and multiple uploads and the chooser's upload tab."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        # A new upload has been opened by Wagtail's field (`image`); a kept file is left alone.
        if file is not None and hasattr(file, "image"):
            validate_frame_count(file)
        return file
