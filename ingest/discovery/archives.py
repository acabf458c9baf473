"""Day archives: the list pages a source publishes per day, built from its edition's template."""

from __future__ import annotations

from datetime import date, timedelta

# ``{month_name}`` in a template is the English month name, lowercase (``/all/2026/november/20/``).
MONTH_NAMES_EN = (
    "january february march april may june july august september october november december".split()
)


def day_archive_urls(template: str, since: date, until: date) -> list[str]:
    """One archive URL per day from ``since`` to ``until``; ``template`` is ``str.format``ted with
    ``year``, ``month``, ``month_name`` and ``day`` (``Edition.archive_day_url``)."""
    urls = []
    day = since
    while day <= until:
        name = MONTH_NAMES_EN[day.month - 1]
        urls.append(template.format(year=day.year, month=day.month, month_name=name, day=day.day))
        day += timedelta(days=1)
    return urls
