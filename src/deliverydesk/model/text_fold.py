"""Text folded for search: "Zoë Müller", "ZOE MULLER" and "zoe muller" all match.

One fold for every search box (board filter, client list, and any service that searches),
so a name is found the same way wherever it is typed.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """`text` without accents and case: NFKD, combining marks dropped, casefolded.

    Plain ASCII (most names, every search typed on an English keyboard) skips the Unicode
    work: folding 20,000 board cards stays a few milliseconds.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Casefolding can itself decompose ("ǰ"), so marks it brings are dropped too.
    folded = unicodedata.normalize("NFKD", stripped.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))
