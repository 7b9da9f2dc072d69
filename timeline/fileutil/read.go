package fileutil

import (
	"context"
	"io"
)

// ReadAll reads r to its end, at most limit+1 bytes (so that a caller sees a file over
// limit as longer than limit), into one slice made for size bytes (the file's size as
// Stat gives it; 0 when unknown), looking at ctx before every MiB: when ctx is done it
// returns ctx's error.
//
// It is io.ReadAll and bytes.Buffer.ReadFrom without their growing: those make their slice
// by appending zeroes (growslice), which clears all of a 100 MB slice in one call the
// scheduler cannot preempt, so a stop-the-world GC, and with it a Ctrl-C, waited for it
// (2-3 s on the loaded 2-core machine); a new slice from make is cleared lazily, in
// preemptible steps or not at all (fresh pages), and the reads fault its pages in.
func ReadAll(ctx context.Context, r io.Reader, size, limit int64) ([]byte, error) {
	size = max(0, min(size, limit))
	b := make([]byte, 0, size+512) // room to see EOF without growing
	r = io.LimitReader(r, limit+1)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			// The file grew since it was measured: a larger slice, made, not appended to.
			nb := make([]byte, len(b), 2*cap(b)+512)
			copy(nb, b)
			b = nb
		}
		n, err := r.Read(b[len(b):min(cap(b), len(b)+1<<20)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}
