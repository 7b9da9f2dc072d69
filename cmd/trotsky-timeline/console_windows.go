package main

import (
	"os"
	"syscall"
)

// The Windows build is a GUI-subsystem program (go build -ldflags -H=windowsgui, see
// packaging/windows.sh), so a double-click opens no console window. Windows gives such a program
// no standard output unless its parent redirected it: run from cmd.exe or PowerShell without
// redirection, `trotsky-timeline.exe validate` would print nothing. So before main runs, a
// program without a usable stdout or stderr attaches to its parent's console, when the parent
// has one, and writes there. Double-clicked, there is no parent console and nothing changes;
// redirected (`> out.txt`, a pipe), the handles given are kept.
//
// cmd.exe at an interactive prompt does not wait for a GUI-subsystem program: the output
// appears after the next prompt, and %ERRORLEVEL% is not its exit status. In a batch file, or
// with `start /wait /b`, cmd.exe waits (packaging/windows.sh's README.txt says so).
func init() {
	attachParentConsole()
}

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uintptr(0)

func attachParentConsole() {
	out := usable(syscall.STD_OUTPUT_HANDLE)
	errOut := usable(syscall.STD_ERROR_HANDLE)
	if out && errOut {
		return
	}
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if attach.Find() != nil {
		return
	}
	// Windows answers ERROR_ACCESS_DENIED when the program already has a console (Wine gives
	// one to a GUI program started from a console program): write to that one too.
	if ok, _, err := attach.Call(attachParentProcess); ok == 0 && err != syscall.ERROR_ACCESS_DENIED {
		return // no parent console: started from Explorer
	}
	if !out {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if !errOut {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
}

// usable reports whether the standard handle std is one a write can go to: set, and a file,
// pipe or console rather than nothing.
func usable(std int) bool {
	h, err := syscall.GetStdHandle(std)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != syscall.FILE_TYPE_UNKNOWN
}
