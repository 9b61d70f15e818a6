"""A static site generator for a public archive of news about Vietnam–Laos relations."""
__version__ = "0.1.0"
