"""The window room: the application's setup, the main window with its menus, the start screen,
the editing view of an open draft (section list, pages, help panel) and its autosave, the
notice bar. The top of the UI: it may use every other room; no other room imports it (menu
actions reach the window through `zwk_desktop.ui.extensions.DraftWindow`)."""
