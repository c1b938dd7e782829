"""Site search over programme pages, news stories, case studies and documents.

`query` reads what the visitor typed, `engine` searches and filters, `views` renders the page
and `backend` is Wagtail's database search backend with title-weighted ranking on SQLite.
"""
