package fileutil

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

// TestReadAll: whole files whatever the size hint (exact, too small, too large, none), at
// most limit+1 bytes, and ctx's error once ctx is done.
func TestReadAll(t *testing.T) {
	text := strings.Repeat("0123456789", 300_000) // 3 MB: several MiB reads
	for _, hint := range []int64{0, 1, 1000, int64(len(text)), int64(len(text)) + 5, 1 << 30} {
		got, err := ReadAll(context.Background(), strings.NewReader(text), hint, 1<<30)
		if err != nil || string(got) != text {
			t.Errorf("hint %d: %d bytes, %v", hint, len(got), err)
		}
	}
	got, err := ReadAll(context.Background(), strings.NewReader(text), int64(len(text)), 100)
	if err != nil || len(got) != 101 {
		t.Errorf("limit 100: %d bytes, %v", len(got), err)
	}
	got, err = ReadAll(context.Background(), strings.NewReader(""), 0, 100)
	if err != nil || len(got) != 0 {
		t.Errorf("empty: %q, %v", got, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadAll(ctx, strings.NewReader(text), 0, 1<<30); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: %v", err)
	}
	broken := io.MultiReader(strings.NewReader("abc"), errReader{})
	if got, err := ReadAll(context.Background(), broken, 0, 100); err == nil || !bytes.Equal(got, []byte("abc")) {
		t.Errorf("read error: %q, %v", got, err)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }
