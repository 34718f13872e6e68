"""Entry point of the PyInstaller bundle (see installer.spec): the command line with the Qt window wired in."""
from pos_loyalty.cli import main
from ui.app import run

raise SystemExit(main(gui=run))
