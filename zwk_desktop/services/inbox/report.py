"""The overview as plain German text for the terminal: a table, the sums, what is wrong."""

from __future__ import annotations

from collections.abc import Sequence

from zwk_desktop.services.inbox.model import TOTAL, Overview, Totals
from zwk_desktop.services.inbox.tables import money_text, when_text


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def _sums(totals: Totals, years: tuple[str, ...]) -> str:
    parts = [f"{y}: {money_text(totals.beantragt[y])} €" for y in years]
    return f"{'; '.join(parts)}; gesamt {money_text(totals.beantragt[TOTAL])} €"


def overview_text(overview: Overview) -> str:
    s = overview.summary
    lines = [
        f"Posteingang {overview.folder}: {s.applications} Bewerbung(en) geprüft – {s.valid} "
        f"gültig, {s.invalid} ungültig, {s.replaced} durch eine neuere derselben AGS ersetzt.",
        "",
    ]
    if not overview.applications:
        return "\n".join(lines).rstrip()
    header = ("Eingegangen", "Signatur", "Gültig", "Stand", "AGS", "Kommune", "Land", "Gesamt")
    rows = [header]
    for a in overview.applications:
        total = (a.beantragt or {}).get(TOTAL)
        rows.append(
            (
                when_text(a.received),
                a.status,
                "ja" if a.valid else "NEIN",
                a.stand,
                a.ags or "–",
                a.kommune or a.path.rsplit("/", 1)[-1],
                a.land or "–",
                f"{money_text(total)} €" if total is not None else "–",
            )
        )
    lines += _table(rows)
    lines += ["", f"Summe der {s.total.count} gültigen, aktuellen Bewerbungen:"]
    lines.append(f"  {_sums(s.total, overview.years)}")
    for code, totals in s.by_land.items():
        name = overview.land_names.get(code, code)
        lines.append(f"  {name} ({totals.count}): {money_text(totals.beantragt[TOTAL])} €")
    broken = [a for a in overview.applications if not a.valid]
    if broken:
        lines += ["", "Nicht gültig:"]
        for a in broken:
            lines.append(f"  {a.path} ({a.status})")
            lines += [f"    – {e}" for e in a.errors[:5]]
            if len(a.errors) > 5:
                lines.append(f"    – … und {len(a.errors) - 5} weitere")
    flagged = [a for a in overview.applications if a.trust == "abweichend"]
    if flagged:
        lines += ["", "Anderes Zertifikat als bei der ersten Bewerbung derselben AGS:"]
        lines += [f"  {a.ags} {a.kommune}: {a.path} (SHA-256 {a.fingerprint})" for a in flagged]
    if overview.certificates:
        lines += ["", "Zertifikate je AGS (mit der Kommune telefonisch bestätigen):"]
        for c in overview.certificates:
            mark = ("erstes" if c.first else "weiteres") + (", bestätigt" if c.confirmed else "")
            mark += ", unter einem Vertrauensanker ausgestellt" if c.anchored else ""
            lines.append(f"  {c.ags}  {c.kommune} – {c.signer} ({mark}): SHA-256 {c.fingerprint}")
    return "\n".join(lines)
