"""What content apps tell the partner API, from their `AppConfig.ready()`.

The foundation names no content model: the app that owns the document model hands over its
gate, and an app whose pages have a rule of their own about partner sites (case studies not
to syndicate) hands over that rule. Until something is registered the API lists no documents.
"""

_documents = []
_page_rules = {}


def register_documents(queryset):
    """`queryset()` gives the documents the API may list and show (the library's own rule)."""
    _documents[:] = [queryset]


def documents():
    """The documents the API may show; none when no app registered its rule."""
    return _documents[0]() if _documents else None


def register_page_rule(model, shown):
    """Pages of `model` (and its subclasses) appear in the API only when `shown(queryset)`
    keeps them, on top of the rule every page follows (`ifrc_site.queries.public`)."""
    _page_rules[model] = shown


def page_rules():
    return list(_page_rules.items())
