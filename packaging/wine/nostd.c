/* nostd COMMAND...: runs COMMAND with no standard handles, as Windows starts a GUI-subsystem
 * program from cmd.exe without redirection, waits for it and prints its exit code. Test-only:
 * under Wine, `wineconsole cmd /k "nostd.exe trotsky-timeline.exe validate"` shows whether the
 * program finds its way to the console (cmd/trotsky-timeline/console_windows.go); plain `wine`
 * hands a GUI program the terminal's handles and would show it in any case.
 * Build: x86_64-w64-mingw32-gcc -O2 -o nostd.exe packaging/wine/nostd.c */
#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	char *cl = GetCommandLineA();
	char *p = strchr(cl, ' ');
	STARTUPINFOA si = {0};
	PROCESS_INFORMATION pi;
	DWORD code = 0;

	si.cb = sizeof si;
	si.dwFlags = STARTF_USESTDHANDLES; /* and every handle NULL */
	if (!p || !CreateProcessA(NULL, p + 1, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
		printf("nostd: cannot start the command\n");
		return 1;
	}
	WaitForSingleObject(pi.hProcess, INFINITE);
	GetExitCodeProcess(pi.hProcess, &code);
	printf("nostd: exit code %lu\n", code);
	return 0;
}
