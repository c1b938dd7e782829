"""Running the site: backups of the database and media, and bringing them back."""
