"""The resource library's background work: reading a PDF once it is stored.

Uploads pass the quick checks in the request (resources/validators.py); the text for search and
the thumbnail are read here, by the worker, in a process of their own with memory and time
bounded (resources/pdf.py). Until then the document is "processing" and readers do not see it.
"""

import logging

from wagtail.documents import get_document_model

from django_tasks import task

from ifrc_site.ops.tasks import retry_later

from .pdf import PdfRefused
from .processing import Processing

logger = logging.getLogger(__name__)


@task()
def process_document(document_id, attempt=1):
    """Read a document's stored file: ready, refused (the file is not acceptable: readers never
    see it, editors see why) or, after the last attempt, failed (the file could not be read)."""
    Resource = get_document_model()
    document = Resource.objects.filter(pk=document_id).first()
    if document is None:
        return "gone"
    try:
        document.read_file_details()
    except PdfRefused as refusal:
        document.processing, document.processing_problem = Processing.REFUSED, refusal.code
    except Exception as error:  # the storage or the reading process out of reach
        logger.warning("Reading document %s failed (attempt %s): %r", document_id, attempt, error)
        problem = f"{type(error).__name__}: {error}"[:300]
        if retry_later(process_document, document_id, attempt=attempt):
            Resource.objects.filter(pk=document_id).update(processing_problem=problem)
            return "retrying"
        document.processing, document.processing_problem = Processing.FAILED, problem
    else:
        document.processing, document.processing_problem = Processing.READY, ""
    document.save(update_fields=Resource.PROCESSED_FIELDS)
    return document.processing
