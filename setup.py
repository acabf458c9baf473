"""For ``scrapyd-deploy`` only, which builds its egg through setup.py; everything is in pyproject.toml."""

from setuptools import setup

setup()
