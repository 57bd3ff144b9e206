# Installs, checks and uninstalls the built installer silently, as IT would deploy it
# (.github/workflows/windows.yml runs this on windows-latest):
#   1. silent install for the current user, no administrator rights
#   2. the smoke test against the installed program, Start menu entry, .zwk association
#   3. silent uninstall: program, shortcut and association gone, the user's drafts kept
#   4. reinstall, uninstall with /PURGE: the drafts are deleted too
param(
    [Parameter(Mandatory = $true)][string]$Setup,
    [Parameter(Mandatory = $true)][string]$Python
)
$ErrorActionPreference = "Stop"

$InstallDir = Join-Path $env:LOCALAPPDATA "Programs\ZWK Desktop"
$DataDir = Join-Path $env:LOCALAPPDATA "ZWK\ZWK-Desktop"
$Shortcut = Join-Path $env:APPDATA "Microsoft\Windows\Start Menu\Programs\ZWK Desktop.lnk"

function Fail([string]$Message) {
    Write-Host "FEHLER: $Message"
    exit 1
}

function Install {
    $p = Start-Process -FilePath $Setup -ArgumentList "/S" -Wait -PassThru
    if ($p.ExitCode -ne 0) { Fail "Installation endete mit $($p.ExitCode)" }
    if (-not (Test-Path (Join-Path $InstallDir "zwk-desktop.exe"))) { Fail "zwk-desktop.exe fehlt in $InstallDir" }
}

function Uninstall([string[]]$Arguments) {
    # The uninstaller copies itself to %TEMP% and returns at once: wait for the folder to go.
    Start-Process -FilePath (Join-Path $InstallDir "uninstall.exe") -ArgumentList $Arguments -Wait
    for ($i = 0; $i -lt 120 -and (Test-Path (Join-Path $InstallDir "uninstall.exe")); $i++) {
        Start-Sleep -Milliseconds 500
    }
    if (Test-Path (Join-Path $InstallDir "zwk-desktop.exe")) { Fail "Programm nach der Deinstallation noch da" }
}

Install
if (-not (Test-Path $Shortcut)) { Fail "Startmenü-Eintrag fehlt: $Shortcut" }
$progId = (Get-ItemProperty "HKCU:\Software\Classes\.zwk")."(default)"
if ($progId -ne "ZWKDesktop.Entwurf") { Fail ".zwk ist nicht zugeordnet ($progId)" }
$command = (Get-ItemProperty "HKCU:\Software\Classes\ZWKDesktop.Entwurf\shell\open\command")."(default)"
if ($command -notlike "*zwk-desktop.exe*%1*") { Fail "Öffnen-Befehl falsch: $command" }
$uninstall = Get-ItemProperty "HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\ZWK-Desktop"
if (-not $uninstall.QuietUninstallString) { Fail "Eintrag unter Apps & Features fehlt" }

& $Python packaging\bundle_smoke.py $InstallDir
if ($LASTEXITCODE -ne 0) { Fail "Rauchtest des installierten Programms" }

# A draft of the user, then a plain silent uninstall: it must survive.
New-Item -ItemType Directory -Force -Path $DataDir | Out-Null
Set-Content -Path (Join-Path $DataDir "mein-entwurf.zwk") -Value "{}"
Uninstall @("/S")
if (Test-Path $Shortcut) { Fail "Startmenü-Eintrag nach der Deinstallation noch da" }
if (Test-Path "HKCU:\Software\Classes\ZWKDesktop.Entwurf") { Fail "Dateizuordnung nach der Deinstallation noch da" }
if (-not (Test-Path (Join-Path $DataDir "mein-entwurf.zwk"))) { Fail "Deinstallation hat die Entwürfe gelöscht" }

Install
Uninstall @("/S", "/PURGE")
if (Test-Path $DataDir) { Fail "/PURGE hat die Entwürfe nicht gelöscht" }

Write-Host "Installer: Installation, Rauchtest, Deinstallation (mit und ohne /PURGE) bestanden."
