"""Entry point of the PyInstaller bundle (see installer.spec): runs the pos-loyalty command line."""
from pos_loyalty.cli import main

raise SystemExit(main())
