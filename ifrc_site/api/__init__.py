"""The read-only API for partners at /api/v2/ (Wagtail's API v2 behind the site's own rules).

- `views.py`: the endpoints (pages, documents, images), their filters, the rate limit and the
  router mounted in `ifrc_site/urls.py`;
- `fields.py`: how values read in JSON (rendered body, countries, programmes, translations),
  for the `api_fields` that each content model declares;
- `registry.py`: what content apps tell the API in their `ready()`: which documents it lists,
  and which pages of a type it leaves out.

docs/api.md is the partners' guide.
"""
