"""The story's list of countries goes: the dateline's country is the one the filters read
(the data was moved in 0003)."""

from django.db import migrations

import django_countries.fields


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_one_story_country"),
    ]

    operations = [
        migrations.RemoveField(model_name="newsstorypage", name="countries"),
        migrations.AlterField(
            model_name="newsstorypage",
            name="country",
            field=django_countries.fields.CountryField(
                help_text=(
                    "The country of the dateline. The story is listed under it, "
                    "and under its region."
                ),
                max_length=2,
                verbose_name="country",
            ),
        ),
    ]
