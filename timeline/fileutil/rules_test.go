//go:build unix

package fileutil

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

var writeHello = func(w io.Writer) error { _, err := io.WriteString(w, "hello"); return err }

// TestModes: a replaced file keeps its mode (a 0600 file stays 0600 with overwrite); a new
// one gets FileMode less the umask (issue 13.9: always 0644).
func TestModes(t *testing.T) {
	dir := t.TempDir()
	private := filepath.Join(dir, "private.json")
	os.WriteFile(private, []byte("old"), 0o600)
	os.Chmod(private, 0o600)
	if err := WriteAtomic(private, true, writeHello); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(private); fi.Mode().Perm() != 0o600 {
		t.Errorf("replaced 0600 file is %v", fi.Mode().Perm())
	}
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	fresh := filepath.Join(dir, "fresh.json")
	if err := WriteAtomic(fresh, false, writeHello); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(fresh); fi.Mode().Perm() != 0o600 {
		t.Errorf("new file under umask 077 is %v", fi.Mode().Perm())
	}
}

// TestLinksAndPipes pins the one rule on what OUT leads to (see WriteAtomicContext).
func TestLinksAndPipes(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.svg")
	os.WriteFile(target, []byte("old"), 0o640)
	link := filepath.Join(dir, "link.svg")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	// A link to a regular file: refused without overwrite, like the file itself.
	if err := WriteAtomic(link, false, writeHello); !errors.Is(err, fs.ErrExist) {
		t.Errorf("link without overwrite: %v", err)
	}
	// With overwrite: the target is replaced (mode kept), the link stays a link.
	if err := WriteAtomic(link, true, writeHello); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "hello" {
		t.Errorf("target holds %q", b)
	}
	if li, _ := os.Lstat(link); li.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o640 {
		t.Errorf("target mode %v", fi.Mode().Perm())
	}
	// A link to nothing is refused.
	dangling := filepath.Join(dir, "dangling.svg")
	os.Symlink(filepath.Join(dir, "none"), dangling)
	if err := WriteAtomic(dangling, true, writeHello); err == nil || !strings.Contains(err.Error(), "symbolic link to nothing") {
		t.Errorf("dangling link: %v", err)
	}
	// A named pipe nobody reads: refused at once, with or without overwrite, directly
	// or through a link.
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	fifoLink := filepath.Join(dir, "fifo-link")
	os.Symlink(fifo, fifoLink)
	for _, p := range []string{fifo, fifoLink} {
		for _, overwrite := range []bool{false, true} {
			start := time.Now()
			err := WriteAtomic(p, overwrite, writeHello)
			if err == nil || !strings.Contains(err.Error(), "no program is reading") || time.Since(start) > 2*time.Second {
				t.Errorf("%s (overwrite %v): %v after %v", filepath.Base(p), overwrite, err, time.Since(start))
			}
		}
	}
	// With a reader, through the link, without overwrite: written in place.
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	var err error
	for range 100 { // until the reader has opened its end
		if err = WriteAtomic(fifoLink, false, writeHello); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "hello" {
		t.Errorf("reader got %q", s)
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
}

// TestCancelWrite: a write stopped by its context (Ctrl-C, SIGTERM) returns at once and
// leaves no file and no temporary file, even while write is still busy (issue 13.7, 13.8).
func TestCancelWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.png")
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan bool)
	go func() { <-started; cancel() }()
	start := time.Now()
	err := WriteAtomicContext(ctx, path, false, func(w io.Writer) error {
		w.Write(make([]byte, 1<<20))
		close(started)
		time.Sleep(3 * time.Second) // a long render that never looks at the context
		_, err := w.Write([]byte("late"))
		return err
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("returned after %v", d)
	}
	assertOnly(t, dir, false)
}
