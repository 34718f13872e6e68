"""`python -m pos_loyalty` runs the same command as `pos-loyalty`."""

from .cli import main

raise SystemExit(main())
