"""Outlet and agency names as ingest sees them: registry canonical names first.

The registry (``newsprov.outlets``) is the authority; ``EXTRA_AGENCIES`` lists wire
services and photo agencies that may be missing from it, so that a dateline such as
"ROME (ANSA) -" or a credit "(Name/EPA)" is still recognised.
"""

from __future__ import annotations

import re

from newsprov.outlets import OutletRegistry, normalise_name

__all__ = ["EXTRA_AGENCIES", "agency_name", "agency_names", "canonical_outlet"]

EXTRA_AGENCIES = (
    "AAP", "ANA", "ANI", "ANSA", "Anadolu", "Anadolu Agency", "APA", "Bernama", "BNA", "CNA",
    "dpa", "EFE", "EPA", "EPA-EFE", "Getty Images", "IANS", "Interfax", "IRNA", "Jiji",
    "Kyodo", "KUNA", "Lusa", "MENA", "NurPhoto", "PTI", "QNA", "RIA Novosti", "SANA", "SIPA",
    "SPA", "Shutterstock", "TASS", "UNI", "UPI", "WAFA", "WAM", "Xinhua", "Yonhap",
    "Bloomberg", "BBC", "CNN", "Al Jazeera", "Sky News", "NPR",
)  # fmt: skip
_EXTRA = {normalise_name(n): n for n in EXTRA_AGENCIES}
_SPLIT_RE = re.compile(r"\s*(?:/|,|;|\band\b|&)\s*")


def canonical_outlet(name: str) -> str:
    """The registry's name for ``name`` ("Agence France-Presse" -> "AFP"), else ``name``."""
    clean = " ".join(name.split()).strip(" .,;:-–—")
    found = OutletRegistry.default().lookup(clean)
    return found.name if found else clean


def agency_name(token: str) -> str | None:
    """The canonical name of the news outlet or agency ``token`` names, else None.

    Only names known to the registry or to ``EXTRA_AGENCIES`` count, so "(Dec 3)" or
    "(Smith)" are never taken for an agency.
    """
    clean = " ".join(token.split()).strip(" .,;:-–—")
    if not clean or len(clean) > 40:
        return None
    found = OutletRegistry.default().lookup(clean)
    if found:
        return found.name
    known = _EXTRA.get(normalise_name(clean))
    bare = re.sub(r"^the\s+", "", clean, flags=re.IGNORECASE)
    return known or (agency_name(bare) if bare != clean else None)


def agency_names(group: str) -> list[str] | None:
    """Canonical names of every agency in "dpa/ANSA" or "AFP and Reuters", or None.

    None unless *every* part is a known agency: "(Reuters/Smith)" is not a list of agencies.
    """
    parts = [p for p in _SPLIT_RE.split(group.strip()) if p]
    names = [agency_name(p) for p in parts]
    if not names or any(n is None for n in names):
        return None
    return [n for n in names if n is not None]
