@echo off
rem Windows equivalent of "make test": set up .venv and run every check.
setlocal
cd /d "%~dp0\.."
if not exist .venv\Scripts\python.exe (
  py -3 -m venv .venv || exit /b 1
)
.venv\Scripts\python -m pip install --quiet --disable-pip-version-check -e ".[dev]" || exit /b 1
.venv\Scripts\ruff.exe check . || exit /b 1
.venv\Scripts\ruff.exe format --check . || exit /b 1
.venv\Scripts\mypy.exe || exit /b 1
.venv\Scripts\lint-imports.exe || exit /b 1
.venv\Scripts\pytest.exe %* || exit /b 1
