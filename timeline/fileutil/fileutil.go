// Package fileutil writes user files atomically: the bytes go to a temporary file in the
// destination's folder, which is synced and then renamed into place, so that a failed or
// interrupted write leaves nothing behind and never a half-written file.
package fileutil

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExist is wrapped by the error WriteAtomic returns when the destination exists and
// overwrite is false; errors.Is(err, fs.ErrExist) also holds.
var ErrExist = fs.ErrExist

// FileMode is the permission of the files WriteAtomic creates (set explicitly, since
// os.CreateTemp makes files readable by their owner only).
const FileMode fs.FileMode = 0o644

// WriteAtomic writes the file at path with the bytes write produces.
//
// The data goes to a temporary file in the same folder, is flushed and fsynced, and only then
// takes the name path. When overwrite is false and path exists, WriteAtomic refuses before
// calling write, and the final step cannot clobber a file that appeared meanwhile: it links
// the temporary file to path (which fails if path exists) instead of renaming over it.
// On any error, including a panic in write, the temporary file is removed and path is
// left as it was. A path that is a device or a named pipe is written in place instead,
// whatever overwrite says: it holds no file to keep or replace.
func WriteAtomic(path string, overwrite bool, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if fi, err := os.Stat(path); err == nil {
		switch {
		case fi.IsDir():
			return fmt.Errorf("write %s: is a folder", path)
		case !fi.Mode().IsRegular():
			// A device or a pipe (/dev/null, /dev/stdout on a terminal) is no file to
			// replace: renaming over it would put a regular file in its place.
			return writeInPlace(path, write)
		}
	}
	if !overwrite {
		if _, err := os.Lstat(path); err == nil {
			return &fs.PathError{Op: "write", Path: path, Err: ErrExist}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		// Name the folder, not the temporary file the user never asked for.
		return fmt.Errorf("write %s: folder %s: %w", path, filepath.Clean(dir), unwrapPath(err))
	}
	tmpName := tmp.Name()
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()

	bw := bufio.NewWriterSize(pathless{tmp}, 256<<10)
	if err := write(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := tmp.Chmod(FileMode); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if overwrite {
		if err := os.Rename(tmpName, path); err != nil {
			return fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
	} else {
		if err := os.Link(tmpName, path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return &fs.PathError{Op: "write", Path: path, Err: ErrExist}
			}
			// Some file systems have no hard links: re-check, then rename. The window
			// between the check and the rename is as small as this fallback allows.
			if _, serr := os.Lstat(path); serr == nil {
				return &fs.PathError{Op: "write", Path: path, Err: ErrExist}
			}
			if err := os.Rename(tmpName, path); err != nil {
				return fmt.Errorf("write %s: %w", path, unwrapPath(err))
			}
		} else {
			os.Remove(tmpName)
		}
	}
	done = true
	syncDir(dir)
	return nil
}

// writeInPlace writes to an existing device or pipe through one buffered open.
func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	bw := bufio.NewWriterSize(pathless{f}, 256<<10)
	if err := write(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// pathless is a file whose write errors do not name it: a full disk reaches write's
// caller as "write OUT: no space left on device", not as the temporary file's name.
type pathless struct{ f *os.File }

func (p pathless) Write(b []byte) (int, error) {
	n, err := p.f.Write(b)
	return n, unwrapPath(err)
}

// unwrapPath drops the operation and paths of an *fs.PathError or *os.LinkError, which
// would name the temporary file; the callers' messages name path instead.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// syncDir makes the rename durable where the platform allows it; failures are ignored
// because the file is already complete under its final name.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
