"""gunicorn settings of the server test: two workers, hipaalog's logconfig_dict."""

import os
from pathlib import Path

from hipaalog.integrations.gunicorn import logconfig_dict as hipaalog_logconfig

workers = 2
worker_class = "sync"
graceful_timeout = 10
logconfig_dict = hipaalog_logconfig()


def post_worker_init(worker: object) -> None:
    """Tell the test this worker now handles SIGTERM itself.

    Until then a worker still has the master's signal handlers: a SIGTERM it gets while booting is
    queued for a master loop that never runs in it, and the master kills it 10 s later (SIGKILL).
    """
    ready = os.environ.get("GUNICORN_READY_DIR")
    if ready:
        Path(ready, str(os.getpid())).touch()
