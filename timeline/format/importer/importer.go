// Package importer opens any timeline file the program understands, recognising its format
// from its content: the program's own timeline/1 JSON (format.Load), a TimelineJS JSON file
// or a TimelineJS spreadsheet saved as CSV (package timelinejs). The command line's validate,
// export and open use it.
package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/format/timelinejs"
)

// Format names a file format Open reads.
type Format string

// The formats Open recognises.
const (
	Timeline       Format = "timeline"        // the program's own JSON, "format": "timeline/1"
	TimelineJSJSON Format = "timelinejs-json" // TimelineJS JSON: "events" with "start_date"
	TimelineJSCSV  Format = "timelinejs-csv"  // TimelineJS spreadsheet template saved as CSV
)

// sniffLimit is how much of a file Detect reads to recognise a CSV header or the start of
// a JSON document.
const sniffLimit = 64 << 10

// Open reads, recognises (Detect) and loads the timeline file at path; a pipe or device
// (/dev/stdin) is read once, into memory. A file with problems is refused whole, with every
// problem named as FILE:LINE:COL: field: message in a *format.ErrorList, whatever the
// format.
func Open(path string) (*timeline.Dataset, error) { return OpenContext(context.Background(), path) }

// OpenContext is Open, stopped when ctx is done: it then returns ctx's error, within
// milliseconds, whatever the file.
func OpenContext(ctx context.Context, path string) (*timeline.Dataset, error) {
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() && !fi.Mode().IsRegular() {
		return openStream(ctx, path)
	}
	f, err := Detect(path)
	if err != nil {
		return nil, err
	}
	return OpenAsContext(ctx, path, f)
}

// OpenAs loads the file at path in the given format.
func OpenAs(path string, f Format) (*timeline.Dataset, error) {
	return OpenAsContext(context.Background(), path, f)
}

// OpenAsContext is OpenAs, stopped when ctx is done.
func OpenAsContext(ctx context.Context, path string, f Format) (*timeline.Dataset, error) {
	switch f {
	case Timeline:
		return format.LoadContext(ctx, path)
	case TimelineJSJSON:
		return timelinejs.LoadJSONContext(ctx, path)
	case TimelineJSCSV:
		return timelinejs.LoadCSVContext(ctx, path)
	}
	return nil, fmt.Errorf("%s: unknown format %q", path, f)
}

// openStream loads a pipe or a device (/dev/stdin, a shell's <(…)), which can be read only
// once: whole into memory, then recognised and parsed from there. Detect and the loaders
// each open the file, so the loader of a pipe found it empty.
func openStream(ctx context.Context, path string) (*timeline.Dataset, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	// A pipe waiting for its writer is woken when ctx is done (pipes use the poller, so a
	// read deadline interrupts the read).
	stop := context.AfterFunc(ctx, func() { file.SetReadDeadline(time.Now()) })
	defer stop()
	data, err := io.ReadAll(io.LimitReader(file, format.MaxFileSize+1))
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f, err := detect(path, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	switch f {
	case TimelineJSJSON:
		return timelinejs.ParseJSONContext(ctx, path, data)
	case TimelineJSCSV:
		return timelinejs.ParseCSVContext(ctx, path, data)
	}
	var fsys fs.FS // source files beside it, as for Load; none when its folder cannot be opened
	if root, err := os.OpenRoot(filepath.Dir(path)); err == nil {
		defer root.Close()
		fsys = root.FS()
	}
	return format.ParseContext(ctx, path, data, fsys)
}

// Detect recognises the format of the file at path: a .csv file, or one whose first line is
// a header with Year and Headline columns, is a TimelineJS spreadsheet; a JSON object with a
// "format" member (or "lanes" or "sources", or a string "title") is the program's own format;
// one whose first event has a member only TimelineJS slides have ("start_date", "text",
// "unique_id", "group", ...), or with "eras", "scale", or an object "title",
// is TimelineJS. JSON that says neither, or is not valid, is taken as the program's own
// format, whose loader then names the problems.
func Detect(path string) (Format, error) {
	file, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer file.Close()
	if fi, err := file.Stat(); err != nil {
		return "", err
	} else if fi.IsDir() {
		return "", fmt.Errorf("%s: is a folder, not a timeline file", path)
	}
	return detect(path, file)
}

// detect is Detect of the file at path, read from r.
func detect(path string, r io.Reader) (Format, error) {
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		return TimelineJSCSV, nil
	}
	br := bufio.NewReaderSize(r, sniffLimit)
	head, err := br.Peek(sniffLimit)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		if bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")) {
			br.Discard(3) // encoding/json does not skip a byte order mark
		}
		return sniffJSON(br), nil
	}
	line := trimmed
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if timelinejs.LooksLikeCSVHeader(bytes.TrimRight(line, "\r")) {
		return TimelineJSCSV, nil
	}
	if len(trimmed) == 0 || strings.EqualFold(filepath.Ext(path), ".json") {
		return Timeline, nil // the loader reports what is wrong
	}
	return "", fmt.Errorf("%s: not a timeline: expected JSON in the timeline/1 format, TimelineJS JSON, "+
		"or a TimelineJS spreadsheet saved as CSV (header %s)", path, strings.Join(timelinejs.Columns, ","))
}

// sniffJSON reads the top-level members of a JSON object until one tells the format apart.
// It streams: a large file is not held in memory.
func sniffJSON(r io.Reader) Format {
	dec := json.NewDecoder(r)
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return Timeline
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return Timeline
		}
		key, _ := t.(string)
		switch key {
		case "format", "lanes", "sources", "tour":
			return Timeline
		case "eras", "scale":
			return TimelineJSJSON
		case "title":
			t, err := dec.Token()
			if err != nil {
				return Timeline
			}
			if t == json.Delim('{') {
				return TimelineJSJSON
			}
			if _, ok := t.(string); ok {
				return Timeline
			}
			if d, ok := t.(json.Delim); ok && skipRest(dec, d) != nil {
				return Timeline
			}
			continue
		case "events":
			if f, ok := sniffEvents(dec); ok {
				return f
			}
			continue
		}
		if skipValue(dec) != nil {
			return Timeline
		}
	}
	return Timeline
}

// sniffEvents reads the "events" value far enough to look at its first element's keys.
// ok is false when it could not decide (an empty array); the value has then been consumed.
func sniffEvents(dec *json.Decoder) (Format, bool) {
	t, err := dec.Token()
	if err != nil {
		return Timeline, true
	}
	if t != json.Delim('[') {
		if d, ok := t.(json.Delim); ok && skipRest(dec, d) != nil {
			return Timeline, true
		}
		return "", false
	}
	if !dec.More() {
		dec.Token() // ']'
		return "", false
	}
	var first map[string]json.RawMessage
	if err := dec.Decode(&first); err != nil {
		return Timeline, true
	}
	// A member only TimelineJS slides have: the first event may lack a start date (a
	// mistake its loader then names) and still be TimelineJS.
	for _, key := range []string{"start_date", "end_date", "text", "unique_id", "group", "display_date", "background", "autolink"} {
		if _, ok := first[key]; ok {
			return TimelineJSJSON, true
		}
	}
	return Timeline, true
}

// skipValue consumes the next JSON value without keeping it.
func skipValue(dec *json.Decoder) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); ok {
		return skipRest(dec, d)
	}
	return nil
}

// skipRest consumes the rest of an object or array whose opening delimiter d was read.
func skipRest(dec *json.Decoder, d json.Delim) error {
	if d != '{' && d != '[' {
		return errors.New("unexpected delimiter")
	}
	depth := 1
	for depth > 0 {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}
