# Installs, checks and uninstalls the built installer silently, as IT would deploy it
# (.github/workflows/windows.yml runs this on windows-latest):
#   1. silent install for the current user, no administrator rights
#   2. the smoke test against the installed program, Start menu entry, .zwk association
#   3. silent uninstall: program, shortcut and association gone, the user's drafts kept
#   4. reinstall, uninstall with /PURGE: the drafts are deleted too
#   5. the running program (it holds the mutex ZWK-Desktop-Laeuft): /S ends with exit code 3
#   6. /ALLUSERS (the runner is an administrator): Program Files, HKLM; and its uninstall
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

# The running program: the real zwk-desktop.exe holds the mutex; the installer must not replace
# anything and must say so with exit code 3.
Install
$env:QT_QPA_PLATFORM = "offscreen"
$env:ZWK_DATA_DIR = Join-Path $env:RUNNER_TEMP "zwk-laeuft"
$running = Start-Process -FilePath (Join-Path $InstallDir "zwk-desktop.exe") -PassThru
Start-Sleep -Seconds 10
$p = Start-Process -FilePath $Setup -ArgumentList "/S" -Wait -PassThru
Stop-Process -Id $running.Id -Force
Wait-Process -Id $running.Id -ErrorAction SilentlyContinue
if ($p.ExitCode -ne 3) { Fail "Installer bei laufendem Programm: Exit-Code $($p.ExitCode) statt 3" }
Remove-Item Env:\ZWK_DATA_DIR
Uninstall @("/S")

# For all users (AppLocker blocks programs under the user profile): Program Files and HKLM.
$AllDir = Join-Path $env:ProgramFiles "ZWK Desktop"
$p = Start-Process -FilePath $Setup -ArgumentList "/S", "/ALLUSERS" -Wait -PassThru
if ($p.ExitCode -ne 0) { Fail "Installation für alle Benutzer endete mit $($p.ExitCode)" }
if (-not (Test-Path (Join-Path $AllDir "zwk-desktop.exe"))) { Fail "zwk-desktop.exe fehlt in $AllDir" }
if (-not (Test-Path "HKLM:\Software\Microsoft\Windows\CurrentVersion\Uninstall\ZWK-Desktop")) { Fail "HKLM-Eintrag fehlt" }
Start-Process -FilePath (Join-Path $AllDir "uninstall.exe") -ArgumentList "/S" -Wait
for ($i = 0; $i -lt 120 -and (Test-Path (Join-Path $AllDir "uninstall.exe")); $i++) { Start-Sleep -Milliseconds 500 }
if (Test-Path (Join-Path $AllDir "zwk-desktop.exe")) { Fail "Programm unter Program Files nach der Deinstallation noch da" }

Write-Host "Installer: Installation, Rauchtest, Deinstallation (mit und ohne /PURGE), laufendes Programm, /ALLUSERS bestanden."
