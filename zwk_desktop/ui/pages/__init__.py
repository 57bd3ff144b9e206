"""The pages room: one page per section of the form, built from the form spec: the field
editors by field type, their layout, lists and attachments, the budget grid, the help panel,
the Prüfen page and the page extras of the form (the population chart). Knows nothing of the
window; uses only `zwk_desktop.ui.common` and `zwk_desktop.ui.extensions` of the UI."""
