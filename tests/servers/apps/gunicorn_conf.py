"""gunicorn settings of the server test: two workers, hipaalog's logconfig_dict."""

from hipaalog.integrations.gunicorn import logconfig_dict as hipaalog_logconfig

workers = 2
worker_class = "sync"
graceful_timeout = 10
logconfig_dict = hipaalog_logconfig()
