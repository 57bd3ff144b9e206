"""The dialogs room: stand-alone dialogs the window or the export side opens (about, settings,
signing identities, drafts manager, versions) and the table model they share. Knows nothing of
the window or the export side."""
