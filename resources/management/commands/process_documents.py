"""Queue the reading of documents again.

    manage.py process_documents            documents left "Processing…" with no task for them
    manage.py process_documents --failed   ... and those whose reading failed
    manage.py process_documents 12 15      these documents, whatever their state

A worker stopped by SIGKILL (or a machine lost) leaves its task "running" for ever, and its
document waits with it: this finds such documents, as well as any whose task was lost, and
queues them again. Run it after an incident, or from cron every hour.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from django_tasks_db.models import DBTaskResult

from resources.models import Resource
from resources.processing import Processing
from resources.tasks import process_document

# A task running longer than this has lost its worker: reading a PDF is stopped after
# RESOURCES_PDF_SECONDS (60 s by default) and tried three times at most.
RUNNING_AT_MOST = datetime.timedelta(minutes=15)


def documents_with_a_live_task():
    """Ids of the documents whose reading waits in the queue or runs now."""
    recent = timezone.now() - RUNNING_AT_MOST
    tasks = DBTaskResult.objects.filter(task_path=process_document.module_path).filter(
        status="READY"
    ) | DBTaskResult.objects.filter(
        task_path=process_document.module_path, status="RUNNING", started_at__gte=recent
    )
    return {task.args_kwargs["args"][0] for task in tasks if task.args_kwargs.get("args")}


class Command(BaseCommand):
    help = "Queue the reading of documents again: stranded ones, failed ones, or those given."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="documents to read again")
        parser.add_argument("--failed", action="store_true", help="also those that failed")

    def handle(self, *args, ids=(), failed=False, **options):
        if ids:
            documents = Resource.objects.filter(pk__in=ids)
        else:
            states = [Processing.PENDING, *([Processing.FAILED] if failed else [])]
            live = documents_with_a_live_task()
            documents = Resource.objects.filter(processing__in=states).exclude(pk__in=live)
        queued = 0
        for document in documents.only("pk"):
            Resource.objects.filter(pk=document.pk).update(processing=Processing.PENDING)
            process_document.enqueue(document.pk)
            queued += 1
        self.stdout.write(f"Queued the reading of {queued} document(s).")
