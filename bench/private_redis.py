"""A private Redis for a benchmark run: production settings require a shared cache."""

import contextlib
import shutil
import subprocess
import time
from pathlib import Path


@contextlib.contextmanager
def private_redis(workdir):
    """Start Debian's redis-server on a socket in `workdir`; yield its URL; stop it."""
    binary = shutil.which("redis-server")
    if not binary:
        raise SystemExit("redis-server is required (make bench installs it)")
    socket = Path(workdir) / "redis.sock"
    process = subprocess.Popen(
        [binary, "--port", "0", "--unixsocket", str(socket), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if socket.exists():
                break
            time.sleep(0.05)
        else:
            raise SystemExit("redis-server did not start")
        yield f"unix://{socket}?db=0"
    finally:
        process.terminate()
        process.wait(timeout=10)
