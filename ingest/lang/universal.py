"""Words of no one language: network and agency names, symbols (brand names are not translated)."""

from __future__ import annotations

UNIVERSAL: dict[str, tuple[str, ...]] = {
    "network": (
        r"telegram\w*",
        r"whats\s?app",
        "viber",
        "facebook",
        "youtube",
        "instagram",
        "twitter",
        r"tik\s?tok",
        r"google\s+news",
    ),
    "name_and": ("&",),
    "date_word": tuple(rf"{zone}\w*" for zone in "gmt utc bst est edt pst cet msk".split()),
    # Photo agencies and stock libraries, alone on a credit line ("Getty Images / Foo").
    "photo_agency": (
        r"getty\s+images",
        "reuters",
        "afp",
        "epa",
        r"ap\s+photo",
        "depositphotos",
        "shutterstock",
        "unsplash",
        "pexels",
        "pixabay",
        "dpa",
        r"imago(?:\s+images)?",
        r"picture[\s-]alliance",
        "keystone",
        "ansa",
        "anp",
        "istock(?:photo)?",
    ),
}
