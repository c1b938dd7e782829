"""Site-wide views: error pages that help the reader on, and the low-data switch."""

from django.http import HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme

from .cache import LOW_DATA_COOKIE


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: nothing that might itself fail (database, settings).
    return HttpResponseServerError(loader.get_template("500.html").render())


def low_data(request):
    """Switch images and video off (`?on=1`) or back on (`?on=0`) for this visitor, then go back.

    The choice is kept in a cookie that only this explicit request sets.
    """
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if request.GET.get("on") == "1":
        response.set_cookie(
            LOW_DATA_COOKIE, "1", max_age=365 * 24 * 3600, samesite="Lax", httponly=True
        )
    else:
        response.delete_cookie(LOW_DATA_COOKIE, samesite="Lax")
    return response
