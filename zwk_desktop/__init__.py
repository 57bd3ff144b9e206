"""ZWK Desktop: draft, check, sign and send the Bewerbungsbogen of the federal model project
"Zukunftswerkstatt Kommunen – Attraktiv im Wandel" (BMFSFJ), offline."""

__version__ = "0.1.0"
