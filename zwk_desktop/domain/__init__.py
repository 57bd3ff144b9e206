"""The application domain: draft envelope, values, conditions, budget and data model.

No Qt and no I/O beyond reading bytes handed in.
"""
