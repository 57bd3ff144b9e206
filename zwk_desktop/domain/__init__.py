"""The application domain: draft envelope, values, conditions, budget and data model.

No Qt and no I/O beyond reading bytes handed in.
"""

UNTITLED = "Neue Bewerbung"
"""The title of a draft without the Kommune's name (`Draft.title`). Here rather than in
`draft.py`, so that the start screen can recognise it without loading the data model; the user
interface shows it translated."""
