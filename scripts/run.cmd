@echo off
rem Windows equivalent of "make run": set up .venv and start ZWK Desktop.
setlocal
cd /d "%~dp0\.."
if not exist .venv\Scripts\python.exe (
  py -3 -m venv .venv || exit /b 1
)
.venv\Scripts\python -m pip install --quiet --disable-pip-version-check -e ".[dev]" || exit /b 1
.venv\Scripts\zwk-desktop.exe %*
