"""E-mail from the task queue: workflow notifications and the like leave the request.

EMAIL_BACKEND = "ifrc_site.ops.mail.QueuedEmailBackend" hands every message to `send_email`;
the worker sends it with EMAIL_DELIVERY_BACKEND (SMTP on a live site), and tries again later
when the mail server cannot be reached.
"""

import base64
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from django_tasks import task

from .tasks import retry_later

logger = logging.getLogger(__name__)


def message_to_json(message):
    """What a message is made of, as JSON the task queue can keep."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [
            [
                name,
                base64.b64encode(
                    content if isinstance(content, bytes) else content.encode()
                ).decode("ascii"),
                mimetype,
            ]
            for name, content, mimetype in (
                attachment for attachment in message.attachments if isinstance(attachment, tuple)
            )
        ],
    }


def message_from_json(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    for name, content, mimetype in data["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


@task()
def send_email(data, attempt=1):
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    try:
        connection.send_messages([message_from_json(data)])
    except (OSError, smtplib.SMTPException) as error:
        if retry_later(send_email, data, attempt=attempt):
            logger.warning("Sending %r failed, trying again later: %s", data["subject"], error)
            return "retrying"
        raise
    return "sent"


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            send_email.enqueue(message_to_json(message))
        return len(email_messages)
