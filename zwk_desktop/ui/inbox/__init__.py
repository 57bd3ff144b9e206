"""The receiving side's window (issue 18): the Posteingang, its table, chart and menu entry."""
