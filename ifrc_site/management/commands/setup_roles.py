"""Create or repair the editorial groups, their permissions and the approval workflow."""

from django.core.management.base import BaseCommand

from ifrc_site.editorial import roles


class Command(BaseCommand):
    help = (
        "Create or repair the Communications staff group, one editors' group per National "
        "Society and the case study approval workflow (safe to run again; creates no users)."
    )

    def handle(self, *args, **options):
        roles.setup_roles()
        groups = [
            roles.COMMUNICATIONS_GROUP,
            *roles.society_groups().values_list("name", flat=True),
        ]
        self.stdout.write(f"Groups: {', '.join(groups)}")
        self.stdout.write(
            f"Workflow: {roles.WORKFLOW_NAME}, approved by {roles.COMMUNICATIONS_GROUP}, on "
            "every case-study listing."
        )
