"""``python -m evaluation`` scores the committed splits (same as ``python -m evaluation.score``)."""

from .score import main

raise SystemExit(main())
