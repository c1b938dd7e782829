"""On PostgreSQL, each search index entry's body vector kept in its row.

A body vector of a few kilobytes went to the table's TOAST storage (36 MB beside a 31 MB table
at 10,000 stories), so every match the search checked or ranked cost a second lookup there: a
common word's 9,500 news stories took 32 ms to count and 53 ms to rank. Kept in the row
(`STORAGE MAIN`: compressed first, moved out only when a row would not fit in a page), the same
took 16 and 36 ms. Entries written before this take the new storage when they are next indexed
(any save, or `manage.py update_index`). Other databases need nothing.
"""

from django.db import migrations


def keep_in_row(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE wagtailsearch_indexentry ALTER COLUMN body SET STORAGE MAIN"
        )


def move_out(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE wagtailsearch_indexentry ALTER COLUMN body SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [("ifrc_site", "0008_footer_settings")]

    operations = [migrations.RunPython(keep_in_row, move_out)]
