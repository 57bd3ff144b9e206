/* A stand-in for zwk-desktop.exe in `make installer-test` (packaging/windows/wine_test.py): the
 * real Windows bundle cannot be built on Linux. Like the real program it holds the named mutex
 * "ZWK-Desktop-Laeuft" (Local\ and Global\, zwk_desktop/services/instance.py) while it runs, so
 * that the installer's running-program check can be tested under Wine.
 *
 *   zwk-desktop.exe --version        print the version it was built as, exit 0
 *   zwk-desktop.exe STOP [READY]     hold the mutex until the file STOP exists (at most 5
 *                                    minutes); create the file READY once the mutex is held
 *
 * Built with Debian's mingw-w64: x86_64-w64-mingw32-gcc -municode -DVERSION=\"x\" standin.c
 */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

#ifndef VERSION
#define VERSION "0"
#endif

int wmain(int argc, wchar_t **argv)
{
    if (argc > 1 && wcscmp(argv[1], L"--version") == 0) {
        printf("ZWK Desktop (Platzhalter) %s\n", VERSION);
        return 0;
    }
    HANDLE local = CreateMutexW(NULL, FALSE, L"Local\\ZWK-Desktop-Laeuft");
    HANDLE global = CreateMutexW(NULL, FALSE, L"Global\\ZWK-Desktop-Laeuft");
    if (local == NULL && global == NULL) {
        fprintf(stderr, "CreateMutexW: %lu\n", GetLastError());
        return 2;
    }
    if (argc > 2) {
        HANDLE ready = CreateFileW(argv[2], GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                                   FILE_ATTRIBUTE_NORMAL, NULL);
        if (ready != INVALID_HANDLE_VALUE) CloseHandle(ready);
    }
    for (int i = 0; i < 3000; i++) {
        if (argc > 1 && GetFileAttributesW(argv[1]) != INVALID_FILE_ATTRIBUTES) {
            break;
        }
        Sleep(100);
    }
    if (local) CloseHandle(local);
    if (global) CloseHandle(global);
    return 0;
}
