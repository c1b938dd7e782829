"""One country per news story: the dateline's, which the filters, feeds and search now read.

Stories had two country fields: the dateline's `country` and a list of "countries concerned"
that only the filters read, so a story could say "Nairobi, Kenya" and not be listed under
Kenya. The rule for the data already there:

- A story with a dateline country keeps it. Countries in the old list that differ from it are
  dropped: the dateline is what readers see, so it is what the filters now match.
- A story without a dateline country takes the first country of its list (the field kept
  the list in order of country code).
- Saved revisions (drafts and history) get the same rule, so that publishing an old draft
  does not bring back an empty country; the old list is removed from them.

Going back fills the list with the dateline country. The next migration removes the list
(schema changes stay out of this one, as Django advises for PostgreSQL).
"""

from django.db import migrations


def code_of(value):
    """A country code from a stored value: a Country, "KE", or None."""
    return str(getattr(value, "code", value) or "")


def first_code(values):
    """The first country code of the old list, as a field value or as revision JSON."""
    if isinstance(values, str):
        values = values.split(",")
    for value in values or []:
        code = code_of(value)
        if code:
            return code
    return ""


def story_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="news", model="newsstorypage").first()
    if content_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(content_type=content_type)


def keep_one_country(apps, schema_editor):
    NewsStoryPage = apps.get_model("news", "NewsStoryPage")
    for story in NewsStoryPage.objects.filter(country="").exclude(countries=""):
        code = first_code(story.countries)
        if code:
            NewsStoryPage.objects.filter(pk=story.pk).update(country=code)

    for revision in story_revisions(apps).iterator():
        content = revision.content
        if not isinstance(content, dict) or "countries" not in content:
            continue
        countries = content.pop("countries")
        if not content.get("country"):
            content["country"] = first_code(countries)
        revision.save(update_fields=["content"])


def list_the_dateline_country(apps, schema_editor):
    NewsStoryPage = apps.get_model("news", "NewsStoryPage")
    for story in NewsStoryPage.objects.exclude(country="").only("pk", "country"):
        NewsStoryPage.objects.filter(pk=story.pk).update(countries=code_of(story.country))

    for revision in story_revisions(apps).iterator():
        content = revision.content
        if not isinstance(content, dict) or "countries" in content:
            continue
        content["countries"] = code_of(content.get("country"))
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0002_newest_first_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(keep_one_country, list_the_dateline_country, elidable=False),
    ]
