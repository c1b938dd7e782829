"""Media in S3-compatible object storage, in a private bucket.

Addresses of media are the site's own (MEDIA_URL): the site streams them from the bucket
(ifrc_site.views.media) and the CDN keeps them. Signed links to the bucket, which expire, would
otherwise end up in cached pages; and a reader never learns where the bucket is.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri

from storages.backends.s3 import S3Storage


class PrivateBucketStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name).lstrip("/")
