// Package assemble builds the built-in dataset document (data/trotsky.json) from its
// editable parts: a header (format, title, lanes, sources, tour) in parts/header.json,
// any number of event arrays in the other parts/*.json files, and translations in
// parts/i18n/LANG.json (see Translations). The output is deterministic: events sorted by
// start date then id, 2-space indented, HTML characters not escaped.
package assemble

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// HeaderName is the header part's file name inside the parts folder.
const HeaderName = "header.json"

// PlacesName is the optional part holding the places and the gazetteers their coordinates
// come from.
const PlacesName = "places.json"

// Places is the places part.
type Places struct {
	Gazetteers []json.RawMessage `json:"gazetteers"`
	Places     []json.RawMessage `json:"places"`
}

// Header is everything in the document except its events.
type Header struct {
	Format  string            `json:"format"`
	Title   string            `json:"title"`
	Lanes   []json.RawMessage `json:"lanes"`
	Sources []json.RawMessage `json:"sources"`
	Tour    []string          `json:"tour,omitempty"`
}

// Event is one event as written in a part; its fields are in the order of the format.
type Event struct {
	ID          string            `json:"id"`
	Lane        string            `json:"lane"`
	Title       string            `json:"title"`
	Titles      map[string]string `json:"titles,omitempty"`
	Start       string            `json:"start"`
	End         string            `json:"end,omitempty"`
	Calendar    string            `json:"calendar,omitempty"`
	Place       string            `json:"place,omitempty"`
	PlaceNames  map[string]string `json:"placeNames,omitempty"` // from i18n/, not written in the event parts
	Places      []string          `json:"places,omitempty"`     // ids of places.json's places
	Whereabouts string            `json:"whereabouts,omitempty"`
	Tags        []string          `json:"tags,omitempty"`
	Description string            `json:"description,omitempty"`
	// Descriptions comes from i18n/, and is not written in the event parts.
	Descriptions map[string]string `json:"descriptions,omitempty"`
	Excerpts     []Excerpt         `json:"excerpts,omitempty"`
	Media        []Media           `json:"media,omitempty"`
}

// Excerpt is a verbatim passage of a source.
type Excerpt struct {
	Source string `json:"source"`
	Quote  string `json:"quote"`
	Date   string `json:"date,omitempty"`
	End    string `json:"end,omitempty"`
}

// Media is an image or a link.
type Media struct {
	File    string `json:"file,omitempty"`
	URL     string `json:"url,omitempty"`
	Caption string `json:"caption,omitempty"`
	Credit  string `json:"credit,omitempty"`
}

// document is the assembled output, fields in the order of the format.
type document struct {
	Format     string            `json:"format"`
	Title      string            `json:"title"`
	Lanes      []json.RawMessage `json:"lanes"`
	Sources    []json.RawMessage `json:"sources"`
	Events     []Event           `json:"events"`
	Tour       []string          `json:"tour,omitempty"`
	Places     []json.RawMessage `json:"places,omitempty"`
	Gazetteers []json.RawMessage `json:"gazetteers,omitempty"`
}

// Assemble reads the header and every other *.json file of fsys's root (the parts
// folder), and the translations in i18n/*.json, and returns the assembled document. It
// fails, naming the file, on invalid JSON, unknown fields or an event id defined twice.
// Translations that no longer apply are left out (see AssembleNotes).
func Assemble(fsys fs.FS) ([]byte, error) {
	out, _, err := AssembleNotes(fsys)
	return out, err
}

// AssembleNotes is Assemble that also returns a note for each translation it left out
// because it no longer applies: its English changed or is gone, or its event or lane
// is gone. Such a string falls back to English, as an untranslated one does; the notes
// say which to translate again.
func AssembleNotes(fsys fs.FS) ([]byte, []string, error) {
	var h Header
	if err := decodeFile(fsys, HeaderName, &h); err != nil {
		return nil, nil, err
	}
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, nil, fmt.Errorf("assemble: listing parts: %w", err)
	}
	sort.Strings(names)
	doc := document{Format: h.Format, Title: h.Title, Lanes: h.Lanes, Sources: h.Sources, Tour: h.Tour, Events: []Event{}}
	if _, err := fs.Stat(fsys, PlacesName); err == nil {
		var p Places
		if err := decodeFile(fsys, PlacesName, &p); err != nil {
			return nil, nil, err
		}
		doc.Places, doc.Gazetteers = p.Places, p.Gazetteers
	}
	seen := map[string]string{}
	for _, name := range names {
		if name == HeaderName || name == PlacesName {
			continue
		}
		var evs []Event
		if err := decodeFile(fsys, name, &evs); err != nil {
			return nil, nil, err
		}
		for i, ev := range evs {
			if prev, dup := seen[ev.ID]; dup {
				return nil, nil, fmt.Errorf("assemble: %s: event[%d]: id %q already defined in %s", name, i, ev.ID, prev)
			}
			seen[ev.ID] = name
			doc.Events = append(doc.Events, ev)
		}
	}
	notes, err := translate(fsys, doc.Lanes, doc.Events)
	if err != nil {
		return nil, nil, err
	}
	sort.SliceStable(doc.Events, func(i, j int) bool {
		a, b := doc.Events[i], doc.Events[j]
		if ka, kb := SortKey(a.Start), SortKey(b.Start); ka != kb {
			return ka < kb
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.ID < b.ID
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, nil, fmt.Errorf("assemble: encoding: %w", err)
	}
	return buf.Bytes(), notes, nil
}

// SortKey maps an EDTF date to a string that sorts chronologically for the dates the
// dataset uses (years 0000-9999): qualifiers ? ~ % are dropped, unspecified X digits
// count as 0, and a missing month or day sorts before any given one.
func SortKey(d string) string {
	d = strings.Map(func(r rune) rune {
		switch r {
		case '?', '~', '%':
			return -1
		case 'X':
			return '0'
		}
		return r
	}, d)
	if d == "" || d == ".." {
		return "9999"
	}
	return d
}

func decodeFile(fsys fs.FS, name string, v any) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("assemble: reading %s: %w", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("assemble: %s: %w", path.Clean(name), lineCol(data, dec, err))
	}
	if dec.More() {
		return fmt.Errorf("assemble: %s: trailing data after the JSON value", name)
	}
	return nil
}

// lineCol adds the line and column to a decoding error that has an offset.
func lineCol(data []byte, dec *json.Decoder, err error) error {
	off := int64(-1)
	switch e := err.(type) {
	case *json.SyntaxError:
		off = e.Offset
	case *json.UnmarshalTypeError:
		off = e.Offset
	default:
		off = dec.InputOffset()
	}
	if off < 0 || off > int64(len(data)) {
		return err
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Errorf("line %d col %d: %w", line, col, err)
}
