package format

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"

	"trotskytimeline/timeline"
)

// WriteNormalized writes the dataset d to w in the normalised form of the format: format
// "timeline/1", fields in the order of the model's declarations (map keys sorted),
// two-space indentation, lanes, sources and events always present (possibly empty), and
// each source's text inline with no "file", so that the document stands alone.
// Parse reads it back to an equal dataset (but for Path and the sources' File).
func WriteNormalized(w io.Writer, d *timeline.Dataset) error {
	return WriteNormalizedContext(context.Background(), w, d)
}

// eventsMember is the events member, empty, as the encoder indents it at the top level of
// the document. A raw newline is never inside a JSON string, and only top-level members are
// indented by exactly two spaces, so it occurs once, where the events go.
const eventsMember = "\n  \"events\": []"

// WriteNormalizedContext is WriteNormalized, stopped when ctx is done (then it returns ctx's
// error; what was written is a truncated document). The events are encoded and written one
// at a time, ctx looked at every 1024 of them, instead of the whole document being built in
// memory first: a million events took 2.7 s and 150 MB before their first byte was written,
// deaf to Ctrl-C. The bytes are those encoding/json writes for the whole document
// (TestWriteNormalizedStreams).
func WriteNormalizedContext(ctx context.Context, w io.Writer, d *timeline.Dataset) error {
	out := *d
	out.Format = timeline.FormatV1
	if out.Lanes == nil {
		out.Lanes = []timeline.Lane{}
	}
	out.Events = []timeline.Event{}
	out.Sources = make([]timeline.Source, len(d.Sources))
	for i, s := range d.Sources {
		s.File = ""
		out.Sources[i] = s
	}
	var doc bytes.Buffer
	enc := json.NewEncoder(&doc)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&out); err != nil {
		return err
	}
	head, tail, ok := bytes.Cut(doc.Bytes(), []byte(eventsMember))
	if !ok {
		return errors.New("format: normalised document without its events member") // cannot happen
	}
	ew := &errWriter{w: w}
	bw := bufio.NewWriterSize(ew, 64<<10)
	bw.Write(head)
	if len(d.Events) == 0 {
		bw.WriteString(eventsMember)
	} else {
		bw.WriteString("\n  \"events\": [")
		var ev bytes.Buffer
		eenc := json.NewEncoder(&ev)
		eenc.SetEscapeHTML(false)
		eenc.SetIndent("    ", "  ") // as an element of the top-level events array
		for i := range d.Events {
			if i&1023 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if ew.err != nil {
					return ew.err // a full disk, a closed pipe: stop encoding
				}
			}
			ev.Reset()
			if err := eenc.Encode(&d.Events[i]); err != nil {
				return err
			}
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n    ")
			bw.Write(bytes.TrimSuffix(ev.Bytes(), []byte("\n")))
		}
		bw.WriteString("\n  ]")
	}
	bw.Write(tail)
	if err := ctx.Err(); err != nil {
		return err
	}
	return bw.Flush()
}

// errWriter keeps w's first error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(b)
	e.err = err
	return n, err
}
