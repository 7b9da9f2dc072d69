/* A test-only stand-in for Windows 10's bcryptprimitives.dll, for running the Windows build
 * under Wine 8.0, which lacks it: Go 1.24 and later take random bytes from its ProcessPrng
 * and refuse to start without it. This one exports ProcessPrng over RtlGenRandom
 * (advapi32's SystemFunction036), which Wine has. packaging/test-wine.sh builds it into the
 * Wine prefix it makes; it is never part of the package. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
