//go:build !unix

package fileutil

import "os"

// openInPlace opens a device for writing.
func openInPlace(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return nil, unwrapPath(err)
	}
	return f, nil
}
