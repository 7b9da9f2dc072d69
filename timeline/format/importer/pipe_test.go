//go:build unix

package importer

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestOpenPipe checks that a file that can be read only once (a named pipe, as /dev/stdin
// or a shell's <(…) are) opens in every format: recognising it once consumed what the
// loader then found missing ("found the end of the file").
func TestOpenPipe(t *testing.T) {
	tests := []struct {
		name, file string
		events     int
	}{
		{"ours", "example.timeline.json", 6},
		{"TimelineJS JSON", "example-timelinejs.json", 6},
		{"TimelineJS CSV", "example-timelinejs.csv", 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(examples, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			fifo := filepath.Join(t.TempDir(), "pipe")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Skipf("no named pipes here: %v", err)
			}
			done := make(chan error, 1)
			go func() {
				w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
				if err == nil {
					_, err = w.Write(data)
					w.Close()
				}
				done <- err
			}()
			ds, err := Open(fifo)
			if werr := <-done; werr != nil {
				t.Fatalf("writing the pipe: %v", werr)
			}
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if len(ds.Events) != tc.events || ds.Path != fifo {
				t.Errorf("%d events from %s, want %d from %s", len(ds.Events), ds.Path, tc.events, fifo)
			}
		})
	}
}
