; ZWK Desktop – Windows installer (NSIS 3, Unicode; this file is UTF-8: makensis -INPUTCHARSET UTF8).
;
; Per user without administrator rights (the default):
;   program        %LOCALAPPDATA%\Programs\ZWK Desktop\   (zwk-desktop.exe, zwk-desktop-cli.exe)
;   Start menu     %APPDATA%\Microsoft\Windows\Start Menu\Programs\ZWK Desktop.lnk
;   registry       HKCU\Software\Classes\.zwk, HKCU\Software\Classes\ZWKDesktop.Entwurf
;                  HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ZWK-Desktop
;                  HKCU\Software\ZWK\ZWK Desktop (installation folder)
; For all users with /ALLUSERS (administrator rights; for PCs whose AppLocker rules block
; programs under the user profile): %ProgramFiles%\ZWK Desktop, the same keys under HKLM, the
; Start-menu entry of all users.
; The uninstaller keeps the user's drafts and settings (%LOCALAPPDATA%\ZWK\ZWK-Desktop) unless
; asked to delete them: a check box, or /PURGE when run silently.
; While ZWK Desktop runs (its named mutex ZWK-Desktop-Laeuft exists) nothing is replaced: the
; installer asks to close it, and silently (/S) it ends with exit code 3.
;
; Silent deployment (see packaging/README.md):
;   ZWK-Desktop-Setup-<version>.exe /S [/ALLUSERS] [/D=C:\Pfad\ohne\Anführungszeichen]
;   "%LOCALAPPDATA%\Programs\ZWK Desktop\uninstall.exe" /S [/PURGE]
;
; Compile (packaging/bundle_build.py passes these):
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DBUNDLE_DIR=..\..\dist\zwk-desktop -DOUTFILE=... zwk-desktop.nsi
; Optional: -DTARGET=amd64-unicode (64-bit installer; Wine without 32-bit support),
;           -DSIGN_COMMAND="signtool sign ... " (signs installer and uninstaller: %1 is the file).

!ifdef TARGET
  Target ${TARGET}
!else
  Unicode true
!endif
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
!ifdef SIGN_COMMAND
  ; Code signing (a certificate configured in CI): the installer and the uninstaller.
  !finalize '${SIGN_COMMAND} "%1"' = 0
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
!endif

!define APP_NAME "ZWK Desktop"
!define APP_EXE "zwk-desktop.exe"
!define PUBLISHER "ZWK Desktop developers"
!define PROG_ID "ZWKDesktop.Entwurf"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ZWK-Desktop"
!define SETTINGS_KEY "Software\ZWK\ZWK Desktop"
!define MUTEX "ZWK-Desktop-Laeuft"
!define MODE_FILE "installation.ini"
!define EXIT_RUNNING 3
!define EXIT_NOT_ADMIN 4
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
VIAddVersionKey /LANG=1031 "FileDescription" "${APP_NAME} – Installation"
VIAddVersionKey /LANG=1031 "OriginalFilename" "ZWK-Desktop-Setup-${VERSION}.exe"
VIAddVersionKey /LANG=1031 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1031 "LegalCopyright" "Lizenz: EUPL-1.2"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "nsDialogs.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
; A file that cannot be replaced (held by a running program, a virus scanner) ends the
; installation with an error instead of being skipped.
AllowSkipFiles off
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
Var AllUsers
Var DataDir
Var DataParent

; ---------------------------------------------------------------------------- running program

!macro RUNNING_CHECK UN
; $R9 = 1 when a process of ZWK Desktop holds its mutex (this session, or any session: a
; Global\ mutex of another user that cannot be opened, error 5, counts as running).
Function ${UN}IsRunning
  StrCpy $R9 0
  System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "Local\${MUTEX}") p.r1'
  ${If} $1 != 0
    System::Call 'kernel32::CloseHandle(p r1)'
    StrCpy $R9 1
    Return
  ${EndIf}
  System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "Global\${MUTEX}") p.r1 ?e'
  Pop $2
  ${If} $1 != 0
    System::Call 'kernel32::CloseHandle(p r1)'
    StrCpy $R9 1
  ${ElseIf} $2 == 5
    StrCpy $R9 1
  ${EndIf}
FunctionEnd

; Ask to close ZWK Desktop until it is closed; silently (/S) end with exit code 3 at once.
Function ${UN}CheckRunning
  check:
    Call ${UN}IsRunning
    StrCmp $R9 0 done
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION \
      "ZWK Desktop läuft noch. Bitte schließen Sie alle Fenster von ZWK Desktop (Ihre Eingaben sind gespeichert) und klicken Sie dann auf „Wiederholen“." \
      /SD IDCANCEL IDRETRY check
    SetErrorLevel ${EXIT_RUNNING}
    Quit
  done:
FunctionEnd

; /ALLUSERS needs administrator rights: say so (silently: exit code 4).
Function ${UN}RequireAdmin
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 != "Admin"
    MessageBox MB_OK|MB_ICONSTOP \
      "Die Installation für alle Benutzer braucht Administratorrechte. Ohne /ALLUSERS installiert ZWK Desktop nur für Sie, ohne Administratorrechte." \
      /SD IDOK
    SetErrorLevel ${EXIT_NOT_ADMIN}
    Quit
  ${EndIf}
FunctionEnd
!macroend
!insertmacro RUNNING_CHECK ""
!insertmacro RUNNING_CHECK "un."

; ---------------------------------------------------------------------------- install

Function .onInit
  StrCpy $AllUsers 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    StrCpy $AllUsers 1
  ${EndIf}
  ${If} $AllUsers == 1
    Call RequireAdmin
    ${If} $INSTDIR == "$LOCALAPPDATA\Programs\${APP_NAME}"  ; not chosen with /D=
      StrCpy $INSTDIR "$PROGRAMFILES64\${APP_NAME}"
      SetRegView 64
      ReadRegStr $0 HKLM "${SETTINGS_KEY}" "InstallDir"
      StrCmp $0 "" +2
      StrCpy $INSTDIR $0
    ${EndIf}
    SetShellVarContext all
    SetRegView 64
  ${Else}
    SetShellVarContext current
  ${EndIf}
  Call CheckRunning
FunctionEnd

Section "${APP_NAME}" SecMain
  SectionIn RO
  ; An update replaces the program folder's contents; the user's data lives elsewhere.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  ClearErrors
  File /r /x .build-key "${BUNDLE_DIR}/*"
  ${If} ${Errors}
    SetErrorLevel 2
    Abort "Nicht alle Dateien ließen sich schreiben."
  ${EndIf}
  WriteUninstaller "$INSTDIR\uninstall.exe"
  ${If} $AllUsers == 1
    WriteINIStr "$INSTDIR\${MODE_FILE}" "Installation" "Modus" "alle"
  ${Else}
    WriteINIStr "$INSTDIR\${MODE_FILE}" "Installation" "Modus" "benutzer"
  ${EndIf}

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "Bewerbungsbogen Zukunftswerkstatt Kommunen offline erstellen und prüfen"

  ; File association for drafts (.zwk): HKCU per user, HKLM for all users (SHCTX).
  WriteRegStr SHCTX "Software\Classes\.zwk" "" "${PROG_ID}"
  WriteRegStr SHCTX "Software\Classes\.zwk\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}" "" "ZWK-Entwurf"
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}" "FriendlyTypeName" "ZWK-Entwurf"
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}\DefaultIcon" "" '"$INSTDIR\${APP_EXE}",0'
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'

  ; Apps & Features entry.
  WriteRegStr SHCTX "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" '"$INSTDIR\${APP_EXE}",0'
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" "$0"

  ; Tell Explorer that file associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; ---------------------------------------------------------------------------- uninstall

Function un.onInit
  ; The user's data folder, whatever the installation mode (read before switching to "all").
  SetShellVarContext current
  StrCpy $DataDir "${DATA_DIR}"
  StrCpy $DataParent "${DATA_PARENT}"
  StrCpy $PurgeData 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    StrCpy $PurgeData 1
  ${EndIf}
  ReadINIStr $0 "$INSTDIR\${MODE_FILE}" "Installation" "Modus"
  ${If} $0 == "alle"
    StrCpy $AllUsers 1
    Call un.RequireAdmin
    SetShellVarContext all
    SetRegView 64
  ${Else}
    StrCpy $AllUsers 0
  ${EndIf}
  Call un.CheckRunning
FunctionEnd

Function un.DataPage
  !insertmacro MUI_HEADER_TEXT "Ihre Daten" "Entwürfe, Einstellungen und Signaturschlüssel"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 48u "Ihre Entwürfe und Einstellungen liegen in $\r$\n$DataDir$\r$\nund bleiben erhalten, wenn Sie das Programm entfernen. So können Sie nach einer Neuinstallation weiterarbeiten."
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
      "Alle Entwürfe, Einstellungen und Signaturschlüssel in$\r$\n$DataDir$\r$\nwerden endgültig gelöscht. Fortfahren?" \
      /SD IDYES IDYES +2
    Abort
    StrCpy $PurgeData 1
  ${Else}
    StrCpy $PurgeData 0
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"

  ; Only what the installer put there: never a recursive delete of a folder the user chose.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\zwk-desktop.exe"
  Delete "$INSTDIR\zwk-desktop-cli.exe"
  Delete "$INSTDIR\${MODE_FILE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ; The association, unless another program has taken .zwk over since.
  ReadRegStr $0 SHCTX "Software\Classes\.zwk" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegValue SHCTX "Software\Classes\.zwk" ""
  ${EndIf}
  DeleteRegValue SHCTX "Software\Classes\.zwk\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.zwk\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.zwk"
  DeleteRegKey SHCTX "Software\Classes\${PROG_ID}"
  DeleteRegKey SHCTX "${UNINST_KEY}"
  DeleteRegKey SHCTX "${SETTINGS_KEY}"
  DeleteRegKey /ifempty SHCTX "Software\ZWK"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; The data of the user who uninstalls (each user's own folder; for all users only this one's).
  ${If} $PurgeData == 1
    RMDir /r "$DataDir"
    RMDir "$DataParent"
    DetailPrint "Entwürfe und Einstellungen gelöscht: $DataDir"
  ${Else}
    DetailPrint "Entwürfe und Einstellungen bleiben erhalten: $DataDir"
  ${EndIf}
SectionEnd
