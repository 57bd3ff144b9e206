"""The command line: ``zwk-desktop`` (German output, exit codes for scripts)."""
