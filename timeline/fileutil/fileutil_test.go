package fileutil

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var errMidway = errors.New("disk on fire")

func TestWriteAtomic(t *testing.T) {
	writeHello := func(w io.Writer) error { _, err := io.WriteString(w, "hello"); return err }
	tests := []struct {
		name      string
		existing  string // content of a file already at the path; "" means none
		overwrite bool
		write     func(io.Writer) error
		wantErr   error  // nil means success
		want      string // file content afterwards ("" means no file)
	}{
		{name: "new file", write: writeHello, want: "hello"},
		{name: "new file with overwrite", overwrite: true, write: writeHello, want: "hello"},
		{name: "existing without overwrite is refused", existing: "old", write: writeHello, wantErr: fs.ErrExist, want: "old"},
		{name: "existing with overwrite is replaced", existing: "old", overwrite: true, write: writeHello, want: "hello"},
		{name: "write fails midway leaves nothing", write: func(w io.Writer) error {
			io.WriteString(w, strings.Repeat("x", 1<<20)) // more than the buffer: reaches the temp file
			return errMidway
		}, wantErr: errMidway},
		{name: "write fails midway keeps the old file", existing: "old", overwrite: true, write: func(w io.Writer) error {
			io.WriteString(w, strings.Repeat("x", 1<<20))
			return errMidway
		}, wantErr: errMidway, want: "old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.svg")
			if tt.existing != "" {
				if err := os.WriteFile(path, []byte(tt.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			wantMode := newFileMode(t) // FileMode less the umask
			if fi, err := os.Stat(path); err == nil {
				wantMode = fi.Mode().Perm() // a replaced file keeps its mode
			}
			called := false
			err := WriteAtomic(path, tt.overwrite, func(w io.Writer) error { called = true; return tt.write(w) })
			if tt.wantErr == nil && err != nil {
				t.Fatalf("WriteAtomic: %v", err)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Fatalf("WriteAtomic error = %v, want %v", err, tt.wantErr)
			}
			if errors.Is(tt.wantErr, fs.ErrExist) && called {
				t.Error("write was called although the file exists")
			}
			got, rerr := os.ReadFile(path)
			if tt.want == "" {
				if rerr == nil {
					t.Errorf("file exists with %d bytes, want none", len(got))
				}
			} else if string(got) != tt.want {
				t.Errorf("content = %.20q, want %q", got, tt.want)
			}
			if tt.wantErr == nil {
				fi, err := os.Stat(path)
				if err != nil {
					t.Fatal(err)
				}
				if fi.Mode().Perm() != wantMode {
					t.Errorf("mode = %v, want %v", fi.Mode().Perm(), wantMode)
				}
			}
			assertOnly(t, dir, tt.want != "")
		})
	}
}

// TestWriteAtomicRace checks the final step: a file that appears while write runs is not
// clobbered when overwrite is false.
func TestWriteAtomicRace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	err := WriteAtomic(path, false, func(w io.Writer) error {
		if err := os.WriteFile(path, []byte("theirs"), 0o644); err != nil {
			return err
		}
		_, err := io.WriteString(w, "ours")
		return err
	})
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("error = %v, want fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "theirs" {
		t.Errorf("content = %q, want the other writer's", got)
	}
	assertOnly(t, dir, true)
}

func TestWriteAtomicPanic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.png")
	func() {
		defer func() { recover() }()
		WriteAtomic(path, false, func(w io.Writer) error { io.WriteString(w, "half"); panic("boom") })
	}()
	assertOnly(t, dir, false)
}

func TestWriteAtomicErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name      string
		path      string
		overwrite bool
		want      string // in the message
	}{
		{"missing folder", filepath.Join(dir, "nope", "out.png"), true, "folder " + filepath.Join(dir, "nope") + ": "},
		{"path is a folder", dir, true, "is a folder"},
		{"path is a folder without overwrite", dir, false, "is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteAtomic(tt.path, tt.overwrite, func(w io.Writer) error { return nil })
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q does not name %s", err, tt.path)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if strings.Contains(err.Error(), ".tmp-") {
				t.Errorf("error %q names the temporary file", err)
			}
		})
	}
}

// TestWriteAtomicDevice checks that a device is written in place, never replaced by a
// regular file (as renaming over /dev/null once did, running as root).
func TestWriteAtomicDevice(t *testing.T) {
	fi, err := os.Stat(os.DevNull)
	if err != nil || fi.Mode()&fs.ModeDevice == 0 {
		t.Skipf("no device at %s", os.DevNull)
	}
	for _, overwrite := range []bool{false, true} {
		called := false
		err := WriteAtomic(os.DevNull, overwrite, func(w io.Writer) error {
			called = true
			_, err := io.WriteString(w, "hello")
			return err
		})
		if err != nil || !called {
			t.Errorf("overwrite=%v: error %v, write called %v; want it written", overwrite, err, called)
		}
		if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&fs.ModeDevice == 0 {
			t.Fatalf("overwrite=%v: %s is no longer a device (%v, %v)", overwrite, os.DevNull, fi, err)
		}
	}
}

// assertOnly fails unless dir holds exactly the one final file (when want) or nothing.
func assertOnly(t *testing.T, dir string, want bool) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if want && len(names) != 1 || !want && len(names) != 0 {
		t.Errorf("folder holds %q", names)
	}
}

// newFileMode returns the mode a file made with FileMode gets under this process's umask.
func newFileMode(t *testing.T) fs.FileMode {
	t.Helper()
	probe := filepath.Join(t.TempDir(), "probe")
	f, err := os.OpenFile(probe, os.O_CREATE|os.O_WRONLY, FileMode)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	fi, err := os.Stat(probe)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}
