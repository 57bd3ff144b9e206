"""The editing model of the desktop program, without Qt.

An `EditSession` holds one draft and its form: it reads and writes values by field path, adds,
removes and moves list items, knows which fields are visible, runs the validation on request and
tells listeners what changed. The Qt layer only renders it, so the whole editing flow is tested
without a display.
"""
