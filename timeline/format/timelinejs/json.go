package timelinejs

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/fileutil"
	"trotskytimeline/timeline/format"
)

// LoadJSON reads and imports a TimelineJS JSON file.
func LoadJSON(path string) (*timeline.Dataset, error) {
	return LoadJSONContext(context.Background(), path)
}

// LoadJSONContext is LoadJSON, stopped when ctx is done: it then returns ctx's error.
func LoadJSONContext(ctx context.Context, path string) (*timeline.Dataset, error) {
	data, err := readLimited(ctx, path)
	if err != nil {
		return nil, err
	}
	return ParseJSONContext(ctx, path, data)
}

// readLimited reads a whole file, refusing one larger than MaxSize.
func readLimited(ctx context.Context, path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int64
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	data, err := fileutil.ReadAll(ctx, f, size, MaxSize)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > MaxSize {
		return nil, &format.ErrorList{File: path, Errors: []*format.Error{{File: path, Msg: fmt.Sprintf("file is larger than the limit of %d bytes", MaxSize)}}}
	}
	return data, nil
}

// ParseJSON imports a TimelineJS JSON document; name is the file it came from, used in
// messages and as Dataset.Path. On failure the error is a *format.ErrorList.
func ParseJSON(name string, data []byte) (*timeline.Dataset, error) {
	return ParseJSONContext(context.Background(), name, data)
}

// ParseJSONContext is ParseJSON, stopped when ctx is done: it then returns ctx's error.
func ParseJSONContext(ctx context.Context, name string, data []byte) (*timeline.Dataset, error) {
	ps := &problems{file: name, data: data}
	data, ok := checkInput(ps, data)
	if !ok {
		return nil, ps.err()
	}
	ps.setData(data)
	r := jsonReader{ps: ps}
	// The events and eras are made as they are read (parseTree), and each one's tree
	// dropped.
	b := newBuilder(ps, len(data), bytes.Count(data, []byte(`"start_date"`)))
	streamed := map[string]bool{}
	add := func(list string, i int, n *node) {
		if s, ok := r.slide(n, list, i, list == "eras"); ok {
			b.add(s)
		} else {
			b.refuse()
		}
	}
	lists := func(key string) func(int, *node) {
		if key != "events" && key != "eras" {
			return nil
		}
		return func(i int, n *node) {
			if i < 0 {
				streamed[key] = true
				b.reset(key == "eras")
				return
			}
			add(key, i, n)
		}
	}
	root, off, err := parseTree(ctx, data, lists)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		// Invalid JSON is the one problem said: not those of the events read before it.
		ps.list, ps.extra, ps.dropped = nil, 0, false
		ps.at(off, "", "invalid JSON: %v", err)
		return nil, ps.err()
	}
	if root.kind != 'o' {
		ps.at(root.off(), "", "want a JSON object with \"events\", got %s", kindName(root.kind))
		return nil, ps.err()
	}
	if sc := root.get("scale"); sc != nil && sc.kind == 's' && strings.EqualFold(sc.str, "cosmological") {
		ps.at(sc.off(), "scale", "the cosmological scale is not supported (dates must be years -9999..9999)")
	}
	var title string
	if t := root.get("title"); t != nil && t.kind != 'z' {
		if r.want(t, path{list: "title", i: -1}, 'o') {
			title, _ = r.text(t, path{list: "title", i: -1})
		}
	}
	events, eras := root.get("events"), root.get("eras")
	switch {
	case events == nil:
		ps.at(root.off(), "events", "missing: not a TimelineJS timeline")
	case r.want(events, path{list: "events", i: -1}, 'a') && !streamed["events"]:
		for i, ev := range events.kids() {
			add("events", i, ev)
		}
	}
	if eras != nil && eras.kind != 'z' && r.want(eras, path{list: "eras", i: -1}, 'a') && !streamed["eras"] {
		for i, ev := range eras.kids() {
			add("eras", i, ev)
		}
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	d := b.finish(ctx, name, title)
	if err := ps.err(); err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return d, nil
}

type jsonReader struct {
	ps *problems
}

// at records a problem at a byte offset; field's text is made only when it is listed.
func (r jsonReader) at(off int, field path, msgFormat string, args ...any) {
	r.ps.atSpot(spot{at: off + 1}, field, msgFormat, args...)
}

// want reports a value of the wrong kind.
func (r jsonReader) want(n *node, field path, kind byte) bool {
	if n.kind == kind {
		return true
	}
	r.at(n.off(), field, "want %s, got %s", kindName(kind), kindName(n.kind))
	return false
}

// str reads an optional string member; numbers are taken as their text.
func (r jsonReader) str(obj *node, key string, field path) string {
	v := obj.get(key)
	if v == nil || v.kind == 'z' {
		return ""
	}
	if v.kind == 's' || v.kind == 'n' {
		return v.str
	}
	r.at(v.off(), field.dot(key), "want a string, got %s", kindName(v.kind))
	return ""
}

// text reads a slide's text object: its headline and text.
func (r jsonReader) text(sl *node, field path) (headline, text string) {
	t := sl.get("text")
	field = field.dot("text")
	if t == nil || t.kind == 'z' || !r.want(t, field, 'o') {
		return "", ""
	}
	return r.str(t, "headline", field), r.str(t, "text", field)
}

// slide reads one event or era: element i of the array named list.
func (r jsonReader) slide(n *node, list string, i int, era bool) (slide, bool) {
	field := path{list: list, i: i}
	if !r.want(n, field, 'o') {
		return slide{}, false
	}
	s := slide{era: era, where: spot{at: n.off() + 1}, field: field}
	s.start = r.date(n, "start_date", field)
	s.end = r.date(n, "end_date", field)
	s.headline, s.text = r.text(n, field)
	if !era {
		s.group = r.str(n, "group", field)
		s.uniqueID = r.str(n, "unique_id", field)
		s.display = r.displayDate(n, field)
		if m := n.get("media"); m != nil && m.kind != 'z' && r.want(m, field.dot("media"), 'o') {
			url := mediaURL(r.str(m, "url", field.dot("media")))
			if url != "" {
				s.media = &timeline.Media{
					URL:     strings.Clone(url),
					Caption: strings.Clone(PlainText(r.str(m, "caption", field.dot("media")))),
					Credit:  strings.Clone(PlainText(r.str(m, "credit", field.dot("media")))),
				}
			}
		}
	}
	return s, true
}

// displayDate is the slide's display_date, else its start and end dates' display_date
// ("1917 – 1921"), "" when none is given.
func (r jsonReader) displayDate(n *node, field path) string {
	if d := strings.TrimSpace(r.str(n, "display_date", field)); d != "" {
		return d
	}
	var parts []string
	for _, key := range []string{"start_date", "end_date"} {
		if dn := n.get(key); dn != nil && dn.kind == 'o' {
			if d := strings.TrimSpace(r.str(dn, "display_date", field.dot(key))); d != "" {
				parts = append(parts, d)
			}
		}
	}
	return strings.Join(parts, " – ")
}

// date reads a date object: year (required), month, day; hours and smaller are dropped.
func (r jsonReader) date(sl *node, key string, field path) dateIn {
	field = field.dot(key)
	d := dateIn{field: field}
	n := sl.get(key)
	if n == nil || n.kind == 'z' {
		return d
	}
	d.where = spot{at: n.off() + 1}
	d.present = true
	if !r.want(n, field, 'o') {
		d.bad = true
		return d
	}
	ok := true
	part := func(name string) (int, bool, bool) { // value, given, valid
		v := n.get(name)
		if v == nil || v.kind == 'z' || v.kind == 's' && strings.TrimSpace(v.str) == "" {
			return 0, false, true
		}
		if v.kind != 's' && v.kind != 'n' {
			r.at(v.off(), field.dot(name), "want a number, got %s", kindName(v.kind))
			return 0, true, false
		}
		x, good := parseInt(v.str)
		if !good {
			r.at(v.off(), field.dot(name), "%s is not a whole number", format.Quote(v.str))
			return 0, true, false
		}
		if !validPart(name, x) {
			line, col := r.ps.lineCol(v.off())
			return x, true, checkPart(r.ps, line, col, field.dot(name).String(), name, x)
		}
		return x, true, true
	}
	var given, valid bool
	d.year, given, valid = part("year")
	ok = ok && valid
	if !given {
		r.at(n.off(), field.dot("year"), "missing (a date needs at least a year)")
		ok = false
	}
	d.month, d.hasMonth, valid = part("month")
	ok = ok && valid
	d.day, d.hasDay, valid = part("day")
	ok = ok && valid
	if d.hasDay && !d.hasMonth {
		r.at(n.off(), field.dot("day"), "a day without a month")
		ok = false
	}
	d.bad = !ok // already reported: the builder does not parse it again
	return d
}
