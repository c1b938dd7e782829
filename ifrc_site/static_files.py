"""Static files as whitenoise serves them: collected with hashed names, and compressed once.

`collectstatic` keeps every file under its own name and under its hashed name, and whitenoise
compresses both: the same bytes for all but the few files whose addresses inside were rewritten
(at this site's last count, 472 of 480 files, 92% of the bytes). Brotli at its best quality is
most of `collectstatic`'s time (a deployment's, `make serve`'s, the cluster test's); here each
content is compressed once and the result written for every name that holds it.
"""

import hashlib
import os
import threading
from concurrent.futures import Future

from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage


class CompressOnce(Compressor):
    """whitenoise's compressor, which compresses each content once (whitenoise calls it from
    several threads)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lock = threading.Lock()
        self._done = {}  # digest of a content -> Future of its [(suffix, bytes)]

    def compress(self, path):
        with open(path, "rb") as source:
            stat_result = os.fstat(source.fileno())
            data = source.read()
        digest = hashlib.blake2b(data, digest_size=20).digest()
        with self._lock:
            future = self._done.get(digest)
            first = future is None
            if first:
                future = self._done[digest] = Future()
        if first:
            try:
                future.set_result(self.compressed(path, data))
            except BaseException as error:
                future.set_exception(error)
                raise
        return [
            self.write_data(path, compressed, suffix, stat_result)
            for suffix, compressed in future.result()
        ]

    def compressed(self, path, data):
        """(suffix, bytes) of each compressed version worth keeping, as whitenoise decides:
        Brotli's, then gzip's (not tried where Brotli gained too little)."""
        size, kept = len(data), []
        if self.use_brotli:
            compressed = self.compress_brotli(data)
            if not self.is_compressed_effectively("Brotli", path, size, compressed):
                return kept
            kept.append((".br", compressed))
        if self.use_gzip:
            compressed = self.compress_gzip(data)
            if self.is_compressed_effectively("Gzip", path, size, compressed):
                kept.append((".gz", compressed))
        return kept


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """whitenoise's storage of hashed, compressed static files, each content compressed once."""

    def create_compressor(self, **kwargs):
        return CompressOnce(**kwargs)
