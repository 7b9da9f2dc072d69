//go:build unix

package fileutil

import (
	"errors"
	"os"
	"syscall"
)

// openInPlace opens a device or named pipe for writing without blocking: opening a named
// pipe no program reads would otherwise wait forever without a word.
func openInPlace(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0)
	if errors.Is(err, syscall.ENXIO) {
		return nil, errors.New("no program is reading this named pipe")
	}
	if err != nil {
		return nil, unwrapPath(err)
	}
	return f, nil
}
