"""Running the site: backups of the database and media, background tasks that try again, and
e-mail sent from the task queue."""
