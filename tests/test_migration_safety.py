"""check_migrations: what in a new migration would break the previous release during a deploy.

The rules are tested on hand-built migrations over a small model state; two tests run the
command itself on this repository.
"""

import re
import subprocess
import sys
import types
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import migrations, models
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ModelState, ProjectState

import pytest

from ifrc_site.management.commands import check_migrations
from ifrc_site.management.commands.check_migrations import problems

REPOSITORY = Path(__file__).resolve().parent.parent


def item_state():
    """A model shop.Item with a NOT NULL `name` and a nullable `note`."""
    fields = [
        ("id", models.AutoField(primary_key=True)),
        ("name", models.CharField(max_length=20)),
        ("note", models.CharField(max_length=20, null=True)),
    ]
    return ProjectState(models={("shop", "item"): ModelState("shop", "Item", fields)})


def migration(*operations, contracts=None):
    attributes = {"operations": list(operations)}
    if contracts is not None:
        attributes["contracts"] = contracts
    return type("Migration", (migrations.Migration,), attributes)("0002_change", "shop")


def nowhere(app_label, name):
    """The previous release mentions nothing."""
    return []


def errors(found):
    return [problem.message for problem in found if problem.error]


@pytest.mark.parametrize(
    "operation, expected",
    [
        (migrations.RemoveField("item", "name"), 'CONTRACTS = ["shop.Item.name"]'),
        (migrations.RenameField("item", "name", "title"), "RenameField shop.Item.name"),
        (migrations.DeleteModel("Item"), 'CONTRACTS = ["shop.Item"]'),
        (migrations.RenameModel("Item", "Product"), "RenameModel shop.Item"),
    ],
)
def test_removals_and_renames_are_refused(operation, expected):
    (message,) = errors(problems(migration(operation), item_state(), nowhere))
    assert expected in message


def test_a_not_null_column_with_only_a_python_default_is_refused():
    field = models.CharField(max_length=10, default="ready")
    (message,) = errors(
        problems(migration(migrations.AddField("item", "state", field)), item_state(), nowhere)
    )
    assert "AddField item.state" in message and "db_default" in message


@pytest.mark.parametrize(
    "field",
    [
        models.CharField(max_length=10, null=True),
        models.CharField(max_length=10, default="ready", db_default="ready"),
        models.ManyToManyField("shop.Item"),
    ],
)
def test_a_column_the_previous_release_can_leave_out_is_allowed(field):
    assert (
        problems(migration(migrations.AddField("item", "state", field)), item_state(), nowhere)
        == []
    )


def test_a_field_added_to_a_model_created_in_the_same_migration_is_allowed():
    created = migration(
        migrations.CreateModel("Box", [("id", models.AutoField(primary_key=True))]),
        migrations.AddField("box", "label", models.CharField(max_length=10, default="x")),
    )
    assert problems(created, item_state(), nowhere) == []
    # The same field on a model that existed before is refused.
    added = migration(
        migrations.AddField("item", "label", models.CharField(max_length=10, default="x"))
    )
    assert errors(problems(added, item_state(), nowhere))


def test_making_a_nullable_column_not_null_is_refused_without_a_database_default():
    not_null = migrations.AlterField("item", "note", models.CharField(max_length=20))
    (message,) = errors(problems(migration(not_null), item_state(), nowhere))
    assert "AlterField item.note" in message

    with_default = models.CharField(max_length=20, db_default="")
    assert (
        problems(
            migration(migrations.AlterField("item", "note", with_default)), item_state(), nowhere
        )
        == []
    )
    # A column that was NOT NULL already is no change for the previous release.
    longer = migrations.AlterField("item", "name", models.CharField(max_length=40))
    assert problems(migration(longer), item_state(), nowhere) == []


def test_code_run_by_a_migration_is_a_warning():
    found = problems(
        migration(migrations.RunSQL("SELECT 1"), migrations.RunPython(print)), item_state(), nowhere
    )
    assert [problem.error for problem in found] == [False, False]


def test_a_declared_contract_step_passes_once_the_previous_release_no_longer_mentions_it():
    asked = []

    def mentions(app_label, name):
        asked.append((app_label, name))
        return []

    contract = migration(migrations.RemoveField("item", "name"), contracts=["shop.Item.name"])
    assert problems(contract, item_state(), mentions) == []
    assert asked == [("shop", "name")]


def test_a_declared_contract_step_is_refused_while_the_previous_release_mentions_it():
    contract = migration(migrations.RemoveField("item", "name"), contracts=["shop.Item.name"])
    (message,) = errors(problems(contract, item_state(), lambda app, name: ["shop/views.py"]))
    assert "still mentions `name` in shop/views.py" in message


def test_contracts_are_read_from_the_migration_module(monkeypatch):
    module = types.ModuleType("shop_migration_0002")
    module.CONTRACTS = ["shop.Item.name"]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    contract = migration(migrations.RemoveField("item", "name"))
    type(contract).__module__ = module.__name__
    assert problems(contract, item_state(), nowhere) == []
    # Declaring another field does not cover this one.
    module.CONTRACTS = ["shop.Item.note"]
    assert errors(problems(contract, item_state(), nowhere))


APPS = ("ifrc_site", "migration", "immunization", "news", "resources")


def migration_files():
    return sorted(
        path.relative_to(REPOSITORY).as_posix()
        for app in APPS
        for path in (REPOSITORY / app / "migrations").glob("0*.py")
    )


@pytest.fixture
def releases(tmp_path):
    """A throwaway git repository holding "releases" of the project's files, made of copies of
    them, so that these tests need no history of the project's own (CI may have none)."""
    repository = tmp_path / "releases"
    repository.mkdir()

    def git(*args):
        return subprocess.run(
            ["git", "-c", "user.name=Releases", "-c", "user.email=releases@example.org", *args],
            cwd=repository,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def release(paths):
        """Commit these project files (and every app's Python code) as a release."""
        for path in {*paths, *(f"{app}/models.py" for app in APPS)}:
            target = repository / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((REPOSITORY / path).read_bytes())
        git("add", "-A")
        git("commit", "-q", "--allow-empty", "-m", "a release")
        return git("rev-parse", "HEAD").strip()

    git("init", "-q")
    return repository, release


def run_command(since, repository):
    """The command's output, and the migrations it lists as checked (two-space indented)."""
    out = StringIO()
    call_command("check_migrations", since=since, repository=str(repository), stdout=out)
    return out.getvalue(), re.findall(r"^  (\S+)$", out.getvalue(), re.MULTILINE)


def test_nothing_is_new_since_a_release_that_has_every_migration(releases):
    repository, release = releases
    revision = release(migration_files())
    output, listed = run_command(revision, repository)
    assert listed == []
    assert output.endswith(f"0 new migrations checked since {revision}: OK\n")


def test_the_command_checks_the_migrations_added_since_a_release(releases):
    repository, release = releases
    newer = {
        "news/migrations/0005_listing_indexes.py",
        "resources/migrations/0005_listing_indexes.py",
    }
    revision = release([path for path in migration_files() if path not in newer])
    output, listed = run_command(revision, repository)
    assert listed == ["news.0005_listing_indexes", "resources.0005_listing_indexes"]
    assert output.endswith(f"2 new migrations checked since {revision}: OK\n")


def test_a_revision_the_repository_does_not_have_is_refused(releases):
    repository, release = releases
    release(migration_files())
    with pytest.raises(CommandError, match="is not a commit here"):
        run_command("v0.0.1", repository)


def test_without_history_the_command_checks_the_newest_migration_of_each_app(monkeypatch):
    """A copy of the code without its git history (or a shallow clone) still gets a check:
    of what the next deploy would run first."""

    def no_repository(*args, **kwargs):
        raise CommandError("not a git repository.")

    monkeypatch.setattr(check_migrations, "git", no_repository)
    output = StringIO()
    call_command("check_migrations", stdout=output)
    text = output.getvalue()
    assert "Checking the newest migration of each app instead." in text
    leaves = MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes()
    for app in ("ifrc_site", "news", "resources", "migration", "immunization"):
        [(_, newest)] = [key for key in leaves if key[0] == app]
        assert f"{app}.{newest}" in text
    assert "resources.0005_listing_indexes" not in text
    assert text.rstrip().endswith("OK")
    with pytest.raises(CommandError):
        call_command("check_migrations", since="v0", stdout=StringIO())
