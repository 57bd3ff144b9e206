"""The export room: the export dialog, the commands behind the export entries of the menus, the
menu entries themselves, the background worker and the Prüfansicht of a package. Plugged into
the window by the composition root as menu actions; reaches the window only through
`zwk_desktop.ui.extensions.DraftWindow`."""
