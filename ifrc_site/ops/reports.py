"""An admin report for the site's administrators: the background tasks, the failed ones first,
with the reason each failed; so that work the worker could not do is seen, not lost in a log."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

from django_tasks_db.models import DBTaskResult

# The newest tasks shown; older ones are pruned daily (manage.py prune_db_task_results).
SHOWN = 500


def last_line(traceback):
    """The line of a traceback that says what went wrong."""
    lines = [line for line in (traceback or "").strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


class BackgroundTasksView(ReportView):
    results_template_name = "ifrc_site/reports/background_tasks_results.html"
    page_title = _("Background tasks")
    header_icon = "cogs"
    index_url_name = "background_tasks"
    index_results_url_name = "background_tasks_results"
    export_headings = {
        "task_path": _("Task"),
        "status": _("Status"),
        "enqueued_at": _("Queued at"),
        "finished_at": _("Finished at"),
        "args_kwargs": _("Arguments"),
        "exception_class_path": _("Error"),
    }
    list_export = list(export_headings)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"background-tasks-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        newest = DBTaskResult.objects.order_by("-enqueued_at").values("pk")[:SHOWN]
        self.queryset = DBTaskResult.objects.filter(pk__in=newest).order_by(
            Case(
                When(status="FAILED", then=Value(0)),
                When(status__in=["READY", "RUNNING"], then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            ),
            "-enqueued_at",
        )
        return super().get_queryset()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        for task in context["object_list"]:
            task.reason = last_line(task.traceback)
            task.name = task.task_path.rsplit(".", 1)[-1]
            task.attempt = (task.args_kwargs or {}).get("kwargs", {}).get("attempt", 1)
        return context


class BackgroundTasksMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser
