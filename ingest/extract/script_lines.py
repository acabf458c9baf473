"""Lines of script code a text scraper kept: no language, no context needed."""

from __future__ import annotations

import re


class InlineScriptRule:
    """Script code and its leftovers: no article sentence looks like code, so no context needed."""

    kind = "inline_script"
    # Case-sensitive: prose starts sentences with capitals, JavaScript keywords are lowercase.
    _CODE = re.compile(
        r"""^(?:function\b[\s\w$]*\(|(?:var|let|const)\s+[\w$]+\s*=|[\w$.]+\s*=\s*function\b
             |(?:if|for|while|return|try)\b.*[;{]$|</?script\b|<!--|//\s*<!\[CDATA\[)
          | ^[\s{}()\[\];,]+$ | ^[A-Za-z_$][\w$.]*\([^()]*\);$""",
        re.X,
    )
    # Code anywhere in the line, searched only when a literal it needs is there (searching
    # every line of every page for these was the costliest boilerplate rule).
    _CODE_INSIDE = re.compile(
        r"\$[.(]|\b(?:window|document)\.[A-Za-z_]|\b(?:googletag|adsbygoogle|dataLayer)\b"
    )
    _CODE_LITERALS = ("$", "window.", "document.", "googletag", "adsbygoogle", "dataLayer")
    # Identifier-with-number tokens (news4518848, nk4518848) and id= queries; ad-slot names such
    # as "div-gpt-ad-1591011" are skipped because a hyphen precedes their digits.
    _ID = re.compile(r"(?<![\w-])[A-Za-z_$]+(\d{4,})\b|[?&](?:\w+_)?id=(\d{4,})")

    @classmethod
    def matches(cls, text: str) -> bool:
        """Code by pattern, or by density: many code symbols and a statement-like ending."""
        if cls._CODE.match(text):
            return True
        if any(x in text for x in cls._CODE_LITERALS) and cls._CODE_INSIDE.search(text):
            return True
        if text[-1:] not in ";{}":
            return False
        return sum(text.count(c) for c in "{}();=$[]<>|&") >= max(4, len(text) * 0.12)

    @classmethod
    def ids(cls, text: str) -> list[str]:
        """Numeric ids in script leftovers (``function news4518848()``, ``id=4518848``)."""
        return [m.group(1) or m.group(2) for m in cls._ID.finditer(text)]


def is_script_code(text: str) -> bool:
    """True for a line of script code a text scraper kept (widget functions, jQuery, ad pushes)."""
    return InlineScriptRule.matches(text)
