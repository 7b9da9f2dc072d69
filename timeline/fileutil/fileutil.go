// Package fileutil writes user files atomically: the bytes go to a temporary file in the
// destination's folder, which is synced and then renamed into place, so that a failed or
// interrupted write leaves nothing behind and never a half-written file.
package fileutil

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// ErrExist is wrapped by the error WriteAtomic returns when the destination exists and
// overwrite is false; errors.Is(err, fs.ErrExist) also holds.
var ErrExist = fs.ErrExist

// FileMode is the permission a new file is created with, less the process's umask (so
// 0644 with the usual umask 022, 0600 with 077). A replaced file keeps its own.
const FileMode fs.FileMode = 0o666

// WriteAtomic is WriteAtomicContext without a context.
func WriteAtomic(path string, overwrite bool, write func(io.Writer) error) error {
	return WriteAtomicContext(context.Background(), path, overwrite, write)
}

// WriteAtomicContext writes the file at path with the bytes write produces. What happens
// depends on what path leads to, following symbolic links (README, "Opening files you
// were sent", says the same):
//
//   - nothing: a new file is made, with FileMode less the umask;
//   - a regular file: refused (an error wrapping ErrExist) unless overwrite; with
//     overwrite, replaced, keeping its permission bits. Through a symbolic link, the
//     link's target is replaced and the link kept;
//   - a named pipe or a device (/dev/null, /dev/stdout): written in place, whatever
//     overwrite says, since it holds no file to keep or replace; a named pipe that no
//     program is reading is refused at once instead of waited on;
//   - a folder, or a symbolic link to nothing: refused.
//
// A file is written atomically: the data goes to a temporary file in the same folder, is
// flushed and fsynced, and only then takes the name. Without overwrite the final step
// cannot clobber a file that appeared meanwhile: it links the temporary file to path
// (which fails if path exists) instead of renaming over it. On any error, on a panic in
// write (which is passed on) and when ctx is done (SIGINT, SIGTERM), the temporary file is
// removed at once and path left as it was; write may still be running, and its writes
// then fail.
func WriteAtomicContext(ctx context.Context, path string, overwrite bool, write func(io.Writer) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	target := path
	if li, err := os.Lstat(path); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		resolved, err := filepath.EvalSymlinks(path)
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("write %s: a symbolic link to nothing", path)
		} else if err != nil {
			return fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
		target = resolved
	}
	keepMode, mode := false, fs.FileMode(0)
	if fi, err := os.Stat(target); err == nil {
		switch {
		case fi.IsDir():
			return fmt.Errorf("write %s: is a folder", path)
		case !fi.Mode().IsRegular():
			// A device or a pipe (/dev/null, /dev/stdout on a terminal) is no file to
			// replace: renaming over it would put a regular file in its place.
			return writeInPlace(ctx, path, write)
		case !overwrite:
			return &fs.PathError{Op: "write", Path: path, Err: ErrExist}
		}
		keepMode, mode = true, fi.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, tmpName, err := createTemp(dir, base)
	if err != nil {
		// Name the folder, not the temporary file the user never asked for.
		return fmt.Errorf("write %s: folder %s: %w", path, filepath.Clean(dir), unwrapPath(err))
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()

	if err := runWrite(ctx, tmp, write); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	if keepMode {
		if err := tmp.Chmod(mode); err != nil {
			return fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if overwrite {
		if err := os.Rename(tmpName, target); err != nil {
			return fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
	} else {
		if err := os.Link(tmpName, target); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return &fs.PathError{Op: "write", Path: path, Err: ErrExist}
			}
			// Some file systems have no hard links: re-check, then rename. The window
			// between the check and the rename is as small as this fallback allows.
			if _, serr := os.Lstat(target); serr == nil {
				return &fs.PathError{Op: "write", Path: path, Err: ErrExist}
			}
			if err := os.Rename(tmpName, target); err != nil {
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

// createTemp creates a new temporary file beside base in dir, readable as FileMode less
// the umask (os.CreateTemp would make it 0600, and a chmod would ignore the umask).
func createTemp(dir, base string) (*os.File, string, error) {
	for range 100 {
		name := filepath.Join(dir, "."+base+".tmp-"+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, FileMode)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, name, err
	}
	return nil, "", errors.New("cannot make a temporary file")
}

// runWrite runs write into f through a buffer, in a goroutine, and returns when it is
// done or when ctx is: a long render or encoding is not waited for. A panic in write is
// passed on to the caller.
func runWrite(ctx context.Context, f *os.File, write func(io.Writer) error) error {
	type result struct {
		err   error
		panic any
		ok    bool
	}
	res := make(chan result, 1)
	go func() {
		r := result{panic: nil}
		defer func() {
			if !r.ok {
				r.panic = recover()
			}
			res <- r
		}()
		bw := bufio.NewWriterSize(ctxWriter{ctx, pathless{f}}, 256<<10)
		r.err = write(bw)
		if r.err == nil {
			r.err = unwrapPath(bw.Flush())
		}
		r.ok = true
	}()
	select {
	case r := <-res:
		if !r.ok {
			panic(r.panic)
		}
		return r.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// NewContextWriter returns a writer to w that refuses to write once ctx is done. It writes
// at most 1 MiB a call: a process cannot exit while one of its threads is inside a long
// write to a file or a slow reader (a JSON export hands over 140 MB at once, a figure comes
// in one Write), so a stop would wait for it.
func NewContextWriter(ctx context.Context, w io.Writer) io.Writer { return ctxWriter{ctx, w} }

type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		if err := c.ctx.Err(); err != nil {
			return n, err
		}
		k, err := c.w.Write(b[:min(len(b), 1<<20)])
		n += k
		if err != nil {
			return n, err
		}
		b = b[k:]
	}
	return n, nil
}

// writeInPlace writes to an existing device or pipe through one buffered open. A named
// pipe is opened without waiting for a reader (openInPlace), and a write blocked on a
// full pipe is woken when ctx is done.
func writeInPlace(ctx context.Context, path string, write func(io.Writer) error) error {
	f, err := openInPlace(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer f.Close()
	stop := context.AfterFunc(ctx, func() { f.SetWriteDeadline(time.Now()) })
	defer stop()
	if err := runWrite(ctx, f, write); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("write %s: %w", path, err)
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
