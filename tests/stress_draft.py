"""A draft that stresses the PDF layout (issue 11): 30 partners, 20 budget items, long
attachment titles, long e-mail addresses and data inside prose. Valid, so it exports."""

from __future__ import annotations

import hashlib
from typing import Any

from export_helpers import example_draft

from zwk_desktop.domain.draft import Draft

LONG_EMAILS = (
    "koordination.demografie.und.buergerbeteiligung@gemeinde-lindenhagen-am-see.brandenburg.de",
    "stellvertretung_zukunftswerkstatt@verwaltungsgemeinschaft-lindenhagen-uckerland.de",
)
URL = (
    "https://www.statistik-berlin-brandenburg.de/a-i-7-a-ii-3-a-iii-3/bevoelkerungsstand_2020.xlsx"
)
PARTNER_KINDS = ("Verein", "Kirchengemeinde", "Beirat", "Genossenschaft", "Stiftung")


def _pdf(text: str) -> bytes:
    """A tiny but real PDF (the attachment check reads the magic bytes)."""
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"% " + text.encode("utf-8") + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def stress_draft() -> Draft:
    draft = example_draft("gemeinde-lindenhagen.zwk")
    data: dict[str, Any] = draft.data
    kontakte = data["kontakte"]
    kontakte["koordination"]["email"] = LONG_EMAILS[0]
    kontakte["vertretung"]["email"] = LONG_EMAILS[1]
    data["ausgangslage"]["datenquellen"] = (
        f"Amt für Statistik Berlin-Brandenburg ({URL}); Rückfragen an {LONG_EMAILS[0]}; "
        "Gemeindeverzeichnis, Stand 31.12.2020, z. B. Tabelle 3 (u. a. Wanderungen)."
    )
    data["netzwerke"]["initiativen"] = [
        {
            "name": f"Arbeitsgemeinschaft der Seniorenbegegnungsstätten und Nachbarschaftshilfen "
            f"im Amt Lindenhagen-Uckerland Nr. {n} e. V.",
            "art": PARTNER_KINDS[n % len(PARTNER_KINDS)],
            "rolle": "Bringt Erfahrungen aus der Nachbarschaftshilfe ein und lädt zu den "
            f"Werkstatttreffen ein; Kontakt: partner{n}.nachbarschaftshilfe@lindenhagen-am-see.de",
        }
        for n in range(1, 31)
    ]
    steps = data["massnahmen"]["umsetzungsschritte"]
    steps[0]["partner"] = "; ".join(
        f"Evangelische Kirchengemeinde St. Marien-{n}" for n in range(1, 8)
    )
    posten = []
    for n in range(1, 21):
        posten.append(
            {
                "kategorie": ("umsetzung", "veranstaltungen", "oeffentlichkeitsarbeit")[n % 3],
                "bezeichnung": f"Posten {n}: Honorare für Moderation und Dokumentation der "
                "Bürgerbeteiligungsveranstaltungen",
                "erlaeuterung": f"Rechnung nach Angebot {n:03d}/2021, vgl. Anlage; "
                f"Rückfragen an {LONG_EMAILS[1]}.",
                "betraege": {
                    "2021": "500.00",
                    "2022": "1500.00",
                    "2023": "1500.00",
                    "2024": "1000.00",
                },
            }
        )
    data["finanzplan"]["posten"] = posten
    data["finanzplan"]["zentral_bewirtschaftet"] = {}
    anlagen = data["anlagen"]
    for n in range(1, 4):
        content = _pdf(f"Anlage {n}")
        sha = hashlib.sha256(content).hexdigest()
        draft.files[sha] = content
        anlagen.append(
            {
                "art": "sonstiges",
                "titel": (
                    f"Stellungnahme {n} der Arbeitsgemeinschaft Seniorenbegegnungsstätten zur "
                    "Zukunftswerkstatt Lindenhagen am See mit Anhang zur Bürgerbeteiligung "
                    "und Kostenschätzung vom 30.06.2021"
                )[:200],
                "datei": f"stellungnahme_{n}_arbeitsgemeinschaft_seniorenbegegnungsstaetten.pdf",
                "sha256": sha,
                "groesse": len(content),
            }
        )
    return draft
