"""Fuzz targets over the pure parsers; hypothesis runs them in the suite, atheris for long runs."""
