"""What the Posteingang knows about one received application, and about all of them.

Plain frozen dataclasses: they cross the process boundary from the workers (pickled), become
rows of the CSV, the workbook and the window's table, and the ``--json`` output. Amounts are
`Decimal`; the JSON writes them as strings with two decimals (fields.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

STATUS_VALID = "gültig"
STATUS_CHANGED = "verändert"
STATUS_UNREADABLE = "unlesbar"
STATUS_SIGNER = "Unterzeichner weicht ab"
STATUS_PAPER = "Papierweg"
"""Not signed electronically (issue 17): the hand-signed paper and its code confirm the data."""
STATUSES = (STATUS_VALID, STATUS_CHANGED, STATUS_UNREADABLE, STATUS_SIGNER, STATUS_PAPER)
"""The signature status of a package, as the desk reads it."""

KIND_MAIL = "E-Mail"
KIND_FOLDER = "Ordner"

TRUST_FIRST = "erstmals"
"""The first valid package of this AGS: its certificate is remembered."""
TRUST_KNOWN = "bekannt"
"""Signed with the certificate remembered for this AGS."""
TRUST_OTHER = "abweichend"
"""Signed with another certificate than the first valid package of this AGS."""
TRUST_ANCHORED = "vertrauensanker"
"""The certificate is issued under one of the given trust anchors: no confirmation needed."""
TRUST_CONFIRMED = "bestaetigt"
"""The desk confirmed this certificate for this AGS with the town hall (by phone)."""
TRUST_NOTES = {
    TRUST_FIRST: "erstes Zertifikat dieser AGS (telefonisch bestätigen)",
    TRUST_KNOWN: "wie bei der ersten Bewerbung",
    TRUST_OTHER: "anderes Zertifikat als bei der ersten Bewerbung",
    TRUST_ANCHORED: "ausgestellt unter einem Vertrauensanker",
    TRUST_CONFIRMED: "mit der Kommune bestätigt",
}
"""German wording of each trust state for rows and tables."""

TOTAL = "gesamt"
"""Key of the sum over all years in `Application.beantragt` and the summary."""


@dataclass(frozen=True)
class Acknowledged:
    """A warning the applicant acknowledged before signing, with the reason given."""

    code: str
    path: str
    begruendung: str


@dataclass(frozen=True)
class Candidate:
    """Something under the inbox folder that should be an application: an .eml or a folder."""

    path: str
    kind: str
    """`KIND_MAIL` or `KIND_FOLDER`."""


@dataclass(frozen=True)
class Application:
    """One received package as checked: one row of the overview."""

    path: str
    kind: str
    status: str
    """One of `STATUSES`."""
    valid: bool
    """Intact, signed by the signatory named in the form, and the data pass re-validation."""
    received: dt.datetime | None = None
    received_from: str = ""
    """Where `received` comes from: "Datum der E-Mail" or "Dateizeit"."""
    reason: str = ""
    """Why the package is unreadable (German), when it is."""
    kommune: str = ""
    ags: str = ""
    land: str = ""
    """The Bundesland's code (fields.md), e.g. "BB"."""
    land_name: str = ""
    landkreis: str = ""
    art: str = ""
    """The Art's code (fields.md), e.g. "gemeinde"."""
    art_name: str = ""
    einwohner: int | None = None
    beantragt: dict[str, Decimal] | None = None
    """Requested per year (items minus own funds) and `TOTAL`; None without readable data."""
    eigenmittel: dict[str, Decimal] | None = None
    signatory: str = ""
    """Who signs according to the form (unterschrift.name)."""
    signatory_funktion: str = ""
    signer: str = ""
    """The common name of the certificate that signed the package."""
    fingerprint: str = ""
    """SHA-256 of that certificate (hex)."""
    anchored: bool = False
    """The certificate is issued under one of the trust anchors (``--trust``)."""
    anchor_note: str = ""
    """With trust anchors: what the check of the issuer found (German), as ``verify --trust``."""
    signed: str = ""
    """When the package was made and signed (the manifest's time, ISO 8601)."""
    rule_set: str = ""
    errors: tuple[str, ...] = ()
    """What is wrong (German): changed or missing files, errors of the re-validation."""
    warnings: tuple[str, ...] = ()
    """The re-validation's warnings (German)."""
    acknowledged: tuple[Acknowledged, ...] = ()
    content_key: str = ""
    """Identifies the package's content whatever its form (folder or mail) and name."""
    also: tuple[str, ...] = ()
    """Other paths that carry the same files (the folder beside the mail, a second copy)."""
    aktuell: bool = True
    """The newest application of its AGS; False: "ersetzt" by a newer one."""
    trust: str = ""
    """One of the TRUST_* states, for valid packages."""

    @property
    def stand(self) -> str:
        return "aktuell" if self.aktuell else "ersetzt"

    @property
    def trust_note(self) -> str:
        return TRUST_NOTES.get(self.trust, "")

    @property
    def counted(self) -> bool:
        """Counted in the summary's totals: valid and the newest of its AGS."""
        return self.valid and self.aktuell


@dataclass(frozen=True)
class Certificate:
    """A certificate seen for an AGS, for the desk to confirm by phone."""

    ags: str
    fingerprint: str
    signer: str
    kommune: str
    first_seen: str
    """When the package that brought it was received (ISO 8601)."""
    first: bool
    """The certificate of the first valid package of this AGS."""
    confirmed: bool = False
    """The desk confirmed it with the town hall."""
    anchored: bool = False
    """Issued under one of the trust anchors of this run: needs no confirmation."""


@dataclass(frozen=True)
class Totals:
    """Applications counted and their requested amounts (per year and `TOTAL`)."""

    count: int
    beantragt: dict[str, Decimal]


@dataclass(frozen=True)
class Summary:
    """The summary row: how many, how much, by Land and by Art (valid and newest only)."""

    applications: int
    """Rows in the overview (each package once)."""
    valid: int
    invalid: int
    replaced: int
    """Rows "ersetzt" by a newer application of the same AGS."""
    total: Totals
    by_land: dict[str, Totals] = field(default_factory=dict)
    """By Bundesland code, in the form's order."""
    by_art: dict[str, Totals] = field(default_factory=dict)
    """By Art code, in the form's order."""


@dataclass(frozen=True)
class Overview:
    """Everything the Posteingang found under one folder."""

    folder: str
    applications: tuple[Application, ...]
    summary: Summary
    certificates: tuple[Certificate, ...] = ()
    years: tuple[str, ...] = ()
    land_names: dict[str, str] = field(default_factory=dict)
    art_names: dict[str, str] = field(default_factory=dict)

    @property
    def all_valid(self) -> bool:
        return all(a.valid for a in self.applications)
