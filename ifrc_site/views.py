"""Error pages that help the reader on, in the reader's language, never showing a trace."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: nothing that might itself fail (database, settings).
    return HttpResponseServerError(loader.get_template("500.html").render())
