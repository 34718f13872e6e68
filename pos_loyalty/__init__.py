"""pos-loyalty: an offline-first loyalty program for the counter of a small shop."""

__version__ = "0.1.0"
