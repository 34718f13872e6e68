"""Reusable counter widgets: customer panel, stamp card, toast, flash, PIN pad, booking bar, search results."""
