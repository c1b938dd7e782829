"""Check that the migrations new since the previous release keep that release working.

A deploy runs the new migrations while the previous release's app servers still serve
requests, so the schema changes by "expand, deploy, contract": a release may add tables,
indexes and columns that are nullable or have a database default; it may not drop or rename
what the previous release still uses, nor make a column NOT NULL under it.

Which migrations are new: those of the project's apps whose files are not in the tree of
--since REF. REF defaults to the newest `v*` tag reachable from HEAD, the previous release.
Without such a tag it is HEAD^, the previous commit: that is what ran before this one when
every commit to main is deployed, so each commit's new migrations are checked as it lands.
CI needs the full history and the tags (a shallow clone has neither).

Refused:
- RemoveField, DeleteModel, RenameField, RenameModel: the previous release still reads the
  column or table;
- AddField of a NOT NULL column without db_default, unless its model is created in the same
  migration: Django's `default` only fills the existing rows during the migration, and the
  previous release's INSERTs, which leave the new column out, then fail;
- AlterField from null=True to null=False without db_default. With one, the previous release
  must still never save None there: Django names every column of its model in its INSERTs.
RunSQL and RunPython are allowed, with a warning to check them by hand.

A refused removal or rename passes as the contract step of an earlier release when the
migration declares it, in a module-level CONTRACTS = ["app_label.Model.field"] (or
"app_label.Model" for a model; a `contracts` attribute on the Migration class also works),
and the previous release's Python code in that app, its migrations aside, no longer mentions
the name. A model's own declaration is such a mention, as the previous release's ORM selects
every column its model declares. So a removal takes two releases: the first takes the field
out of the model and the state only (SeparateDatabaseAndState(state_operations=[RemoveField]),
the column kept nullable or with db_default); the next puts it back into the state only
(state_operations=[AddField]) and then removes it with RemoveField, declared in CONTRACTS.
"""

import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import migrations
from django.db.migrations.loader import MigrationLoader
from django.db.models import NOT_PROVIDED

PROJECT_APPS = ("ifrc_site", "migration", "immunization", "news", "resources")
# The project's folder: migration files are named by their path in it, as in the repository.
PROJECT = Path(settings.BASE_DIR).resolve()

ADVICE = {
    migrations.RemoveField: (
        "Split it: in this release take the field out of the model but keep the column "
        "(nullable, or with db_default), with migrations.SeparateDatabaseAndState("
        "state_operations=[...]); drop the column in the next release."
    ),
    migrations.DeleteModel: (
        "Split it: in this release take the model out of the code but keep the table, with "
        "migrations.SeparateDatabaseAndState(state_operations=[...]); drop the table in the "
        "next release."
    ),
    migrations.RenameField: (
        "A rename breaks the previous release at once: add the new field now (nullable, or "
        "with db_default) and copy the data, move the code to it, and remove the old field in "
        "a later release."
    ),
    migrations.RenameModel: (
        "A rename breaks the previous release at once: keep the table's name (Meta.db_table), "
        "or add the new model now, copy the data, and remove the old one in a later release."
    ),
}


NOT_NULL_ADDED = (
    "AddField {model}.{name}: a NOT NULL column without db_default; the previous release's "
    "INSERTs leave it out and fail (default= only fills the rows there during the migration). "
    "Give it db_default= (keeping default= for new objects in Python), or null=True."
)
NOT_NULL_ALTERED = (
    "AlterField {model}.{name}: makes a column NOT NULL that the previous release may leave "
    "empty. Keep it nullable in this release and make it NOT NULL in the next, once the code "
    "always fills it, or add db_default."
)
UNDECLARED = (
    "{what}: the previous release may still use it while this migration runs. {advice} If "
    'this is already that later step, declare it in the migration\'s module: CONTRACTS = ["{key}"].'
)
STILL_USED = (
    "{what}: declared in CONTRACTS, but the previous release still mentions `{name}` in "
    "{files}. Stop using it in one release, and remove it in the next."
)
SCRIPT = "{kind}: runs while the previous release serves requests; check by hand that both work"


class Problem(NamedTuple):
    error: bool  # False: a warning
    message: str


def declared_contracts(migration):
    """The contract steps the migration declares, in lower case."""
    declared = getattr(migration, "contracts", None)
    if declared is None:
        declared = getattr(sys.modules.get(type(migration).__module__), "CONTRACTS", ())
    return {name.lower() for name in declared}


def problems(migration, state_before, previous_tree_references):
    """What in `migration` would break the previous release while both run.

    state_before: the ProjectState before the migration. previous_tree_references(app_label,
    name): the previous release's files in that app, its migrations aside, that mention the
    name (an empty list if none). Returns a list of Problems.
    """
    app = migration.app_label
    contracts = declared_contracts(migration)
    created = set()  # models created by this migration: the previous release never uses them
    state = state_before.clone()
    found = []
    for operation in migration.operations:
        # SeparateDatabaseAndState: only what it does to the database matters here.
        for op in getattr(operation, "database_operations", [operation]):
            problem = _check(app, op, state, created, contracts, previous_tree_references)
            found += [problem] if problem else []
        operation.state_forwards(app, state)
    return found


def _check(app, op, state, created, contracts, references):
    """The Problem with one operation, or None."""
    if isinstance(op, migrations.CreateModel):
        created.add(op.name_lower)
    elif isinstance(op, (migrations.RunSQL, migrations.RunPython)):
        return Problem(False, SCRIPT.format(kind=type(op).__name__))
    elif isinstance(op, migrations.AddField):
        field = op.field
        safe = field.null or field.many_to_many or field.db_default is not NOT_PROVIDED
        if not safe and op.model_name_lower not in created:
            return Problem(True, NOT_NULL_ADDED.format(model=op.model_name, name=op.name))
    elif isinstance(op, migrations.AlterField):
        before = state.models[app, op.model_name_lower].fields[op.name]
        if before.null and not op.field.null and op.field.db_default is NOT_PROVIDED:
            return Problem(True, NOT_NULL_ALTERED.format(model=op.model_name, name=op.name))
    elif isinstance(op, (migrations.RemoveField, migrations.RenameField)):
        model = state.models[app, op.model_name_lower].name
        name = getattr(op, "old_name", None) or op.name
        return _removal(app, op, f"{app}.{model}.{name}", name, contracts, references)
    elif isinstance(op, (migrations.DeleteModel, migrations.RenameModel)):
        name = state.models[app, getattr(op, "old_name_lower", None) or op.name_lower].name
        return _removal(app, op, f"{app}.{name}", name, contracts, references)
    return None


def _removal(app, op, key, name, contracts, references):
    """A removal or rename is refused unless it is a declared contract step whose name the
    previous release no longer mentions."""
    what = f"{type(op).__name__} {key}"
    if key.lower() not in contracts:
        return Problem(True, UNDECLARED.format(what=what, advice=ADVICE[type(op)], key=key))
    files = references(app, name)
    if files:
        return Problem(True, STILL_USED.format(what=what, name=name, files=", ".join(files)))
    return None


def git(*args, cwd, ok=(0,)):
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    except OSError as error:
        raise CommandError(f"git could not run: {error}") from error
    if done.returncode not in ok:
        raise CommandError(f"git {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


class Command(BaseCommand):
    help = (
        "Check that the migrations new since the previous release (--since, default the "
        "newest v* tag, else HEAD^) can run while that release still serves requests."
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", metavar="REF", help="the previous release's git revision")
        parser.add_argument(
            "--repository",
            metavar="DIR",
            help="the git repository holding the releases (default: the project's own); its "
            "top stands for the project's folder",
        )

    def since_release(self, loader, since, repository=None):
        """The migrations whose files are not in the previous release's tree, the revision
        compared with, and how to find what that release's code still mentions."""
        # Paths from git are relative to the repository's top, where it then runs; the
        # project's files are named by their path in the project's folder, its top.
        here = repository or apps.get_app_config(PROJECT_APPS[0]).path
        top = Path(git("rev-parse", "--show-toplevel", cwd=here).strip())
        if since is None:
            # git describe exits with 128 when no tag matches.
            since = git(
                "describe", "--tags", "--abbrev=0", "--match", "v*", cwd=top, ok=(0, 128)
            ).strip()
            if not since:
                since = "HEAD^"
                self.stdout.write("No v* release tag: comparing with the previous commit, HEAD^.")
        try:
            git("rev-parse", "--verify", "--quiet", f"{since}^{{commit}}", cwd=top)
        except CommandError:
            raise CommandError(
                f"{since} is not a commit here (a shallow clone, or tags not fetched?)."
            ) from None
        previous_files = set(git("ls-tree", "-r", "--name-only", since, cwd=top).splitlines())

        def previous_tree_references(app, name):
            folder = Path(apps.get_app_config(app).path).relative_to(PROJECT).as_posix()
            pathspecs = [f":(glob){folder}/**/*.py", f":(exclude){folder}/migrations"]
            found = git("grep", "-lwF", "-e", name, since, "--", *pathspecs, cwd=top, ok=(0, 1))
            return [line[len(since) + 1 :] for line in found.splitlines()]

        new = []
        for key, migration in sorted(loader.disk_migrations.items()):
            source = Path(sys.modules[type(migration).__module__].__file__).resolve()
            if (
                key[0] in PROJECT_APPS
                and source.relative_to(PROJECT).as_posix() not in previous_files
            ):
                new.append((key, migration))
        return new, since, previous_tree_references

    def handle(self, *args, since=None, repository=None, **options):
        loader = MigrationLoader(None, ignore_no_migrations=True)
        try:
            new, since, previous_tree_references = self.since_release(loader, since, repository)
        except CommandError as error:
            if since is not None or repository is not None:
                raise
            # No history to compare with (a copy without .git, a shallow clone): the newest
            # migration of each app, what the next deploy would run first.
            self.stdout.write(f"{error} Checking the newest migration of each app instead.")
            new = sorted(
                (key, loader.disk_migrations[key])
                for key in loader.graph.leaf_nodes()
                if key[0] in PROJECT_APPS
            )
            since = "the newest of each app"

            def previous_tree_references(app, name):
                return []

        errors = 0
        for key, migration in new:
            self.stdout.write(f"  {'.'.join(key)}")
            state = loader.project_state(key, at_end=False)
            for problem in problems(migration, state, previous_tree_references):
                if problem.error:
                    errors += 1
                    self.stdout.write(self.style.ERROR(f"    error: {problem.message}"))
                else:
                    self.stdout.write(self.style.WARNING(f"    warning: {problem.message}"))
        if errors:
            raise CommandError(
                f"{errors} problem(s) in the {len(new)} new migrations since {since}: "
                "they would break the previous release during the deploy (see above)."
            )
        self.stdout.write(f"{len(new)} new migrations checked since {since}: OK")
