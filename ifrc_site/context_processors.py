"""Template variables every page needs."""

from .cache import low_data


def reading_mode(request):
    """`low_data`: the visitor asked for pages without images and video."""
    return {"low_data": low_data(request)}
