; ZWK Desktop – Windows installer (NSIS 3, Unicode).
;
; A per-user installation without administrator rights:
;   program        %LOCALAPPDATA%\Programs\ZWK Desktop\   (zwk-desktop.exe, zwk-desktop-cli.exe)
;   Start menu     %APPDATA%\Microsoft\Windows\Start Menu\Programs\ZWK Desktop.lnk
;   registry       HKCU\Software\Classes\.zwk, HKCU\Software\Classes\ZWKDesktop.Entwurf
;                  HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ZWK-Desktop
;                  HKCU\Software\ZWK\ZWK Desktop (installation folder)
; The uninstaller keeps the user's drafts and settings (%LOCALAPPDATA%\ZWK\ZWK-Desktop) unless
; asked to delete them: a check box, or /PURGE when run silently.
;
; Silent deployment (see packaging/README.md):
;   ZWK-Desktop-Setup-<version>.exe /S [/D=C:\Pfad\ohne\Anführungszeichen]
;   "%LOCALAPPDATA%\Programs\ZWK Desktop\uninstall.exe" /S [/PURGE]
;
; Compile (packaging/windows/build_installer.py passes these):
;   makensis -DVERSION=0.1.0 -DBUNDLE_DIR=..\..\dist\zwk-desktop -DOUTFILE=... zwk-desktop.nsi

Unicode true
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION fehlt: makensis -DVERSION=x.y.z"
!endif
!ifndef BUNDLE_DIR
  !error "BUNDLE_DIR fehlt: der Ordner des PyInstaller-Bundles (dist\zwk-desktop)"
!endif
!ifndef OUTFILE
  !define OUTFILE "ZWK-Desktop-Setup-${VERSION}.exe"
!endif
!ifndef VERSION_QUAD
  !define VERSION_QUAD "${VERSION}.0"
!endif

!define APP_NAME "ZWK Desktop"
!define APP_EXE "zwk-desktop.exe"
!define PUBLISHER "ZWK Desktop developers"
!define PROG_ID "ZWKDesktop.Entwurf"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ZWK-Desktop"
!define SETTINGS_KEY "Software\ZWK\ZWK Desktop"
; platformdirs.user_data_dir("ZWK-Desktop", "ZWK", roaming=False) on Windows
!define DATA_PARENT "$LOCALAPPDATA\ZWK"
!define DATA_DIR "$LOCALAPPDATA\ZWK\ZWK-Desktop"
; makensis runs in this folder: paths are relative to it.
!define ICON "../../resources/icons/zwk-desktop.ico"

!ifdef NO_COMPRESSION
  SetCompress off  ; only for checking the script (make installer-check)
!else
  SetCompressor /SOLID lzma
!endif
Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=1031 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1031 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1031 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1031 "FileDescription" "Installationsprogramm für ${APP_NAME}"
VIAddVersionKey /LANG=1031 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1031 "LegalCopyright" "Lizenz: EUPL-1.2"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "nsDialogs.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "${APP_NAME} jetzt starten"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.DataPage un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "German"

Var PurgeData
Var PurgeCheckbox

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetShellVarContext current
  ; An update replaces the program folder's contents; the user's data lives elsewhere.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r /x .build-key "${BUNDLE_DIR}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "Bewerbungsbogen Zukunftswerkstatt Kommunen offline erstellen und prüfen"

  ; Per-user file association for drafts (.zwk).
  WriteRegStr HKCU "Software\Classes\.zwk" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\.zwk\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "ZWK-Entwurf"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "FriendlyTypeName" "ZWK-Entwurf"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" '"$INSTDIR\${APP_EXE}",0'
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'

  ; Apps & Features entry of this user.
  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" '"$INSTDIR\${APP_EXE}",0'
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"

  ; Tell Explorer that file associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Function un.onInit
  StrCpy $PurgeData 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    StrCpy $PurgeData 1
  ${EndIf}
FunctionEnd

Function un.DataPage
  !insertmacro MUI_HEADER_TEXT "Ihre Daten" "Entwürfe, Einstellungen und Signaturschlüssel"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 48u "Ihre Entwürfe und Einstellungen liegen in $\r$\n${DATA_DIR}$\r$\nund bleiben erhalten, wenn Sie das Programm entfernen. So können Sie nach einer Neuinstallation weiterarbeiten."
  Pop $0
  ${NSD_CreateCheckbox} 0 56u 100% 12u "&Auch meine Entwürfe, Einstellungen und Signaturschlüssel löschen"
  Pop $PurgeCheckbox
  ${If} $PurgeData == 1
    ${NSD_Check} $PurgeCheckbox
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $PurgeCheckbox $PurgeData
  ${If} $PurgeData == ${BST_CHECKED}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 \
      "Alle Entwürfe, Einstellungen und Signaturschlüssel in$\r$\n${DATA_DIR}$\r$\nwerden endgültig gelöscht. Fortfahren?" \
      /SD IDYES IDYES +2
    Abort
    StrCpy $PurgeData 1
  ${Else}
    StrCpy $PurgeData 0
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"

  ; Only what the installer put there: never a recursive delete of a folder the user chose.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\zwk-desktop.exe"
  Delete "$INSTDIR\zwk-desktop-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ; The association, unless another program has taken .zwk over since.
  ReadRegStr $0 HKCU "Software\Classes\.zwk" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegValue HKCU "Software\Classes\.zwk" ""
  ${EndIf}
  DeleteRegValue HKCU "Software\Classes\.zwk\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.zwk\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.zwk"
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  DeleteRegKey /ifempty HKCU "Software\ZWK"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ${If} $PurgeData == 1
    RMDir /r "${DATA_DIR}"
    RMDir "${DATA_PARENT}"
    DetailPrint "Entwürfe und Einstellungen gelöscht: ${DATA_DIR}"
  ${Else}
    DetailPrint "Entwürfe und Einstellungen bleiben erhalten: ${DATA_DIR}"
  ${EndIf}
SectionEnd
