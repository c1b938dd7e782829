"""What every background task of the site shares: trying again later.

Tasks run on the queue that TASKS names (settings): in the worker (`make worker`) on a live site,
in the request itself where there is no worker (`make run`, the tests). A task whose work failed
for a reason that may pass (the object storage or the database out of reach) asks for another
attempt with `retry_later`, up to `MAX_ATTEMPTS`; the last failure is kept where editors see it.
"""

import datetime

from django.utils import timezone

MAX_ATTEMPTS = 3
# Seconds before the second and the third attempt.
RETRY_DELAYS = (30, 300)


def retry_later(task, *args, attempt, **kwargs):
    """Queue `task` again as attempt number `attempt + 1`; False when it has had its last.

    A worker runs it after the delay; where tasks run in the request (no worker), at once."""
    if attempt >= MAX_ATTEMPTS:
        return False
    if task.get_backend().supports_defer:
        delay = RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]
        task = task.using(run_after=timezone.now() + datetime.timedelta(seconds=delay))
    task.enqueue(*args, attempt=attempt + 1, **kwargs)
    return True
