"""``python -m hipaalog``: the same as the ``hipaalog`` command."""

from hipaalog.cli import main

raise SystemExit(main())
