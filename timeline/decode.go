package timeline

import (
	"path"
	"strconv"
	"strings"

	"trotskytimeline/timeline/chrono"
)

// fieldSet tracks which known fields of an object were seen, to refuse duplicates and
// report missing required fields.
type fieldSet uint32

// first reports whether bit is new, recording a duplicate-field problem otherwise (the
// caller then skips the value; the first occurrence wins).
func (d *decoder) first(seen *fieldSet, bit fieldSet, key string, keyOff int) bool {
	if *seen&bit != 0 {
		d.errAt(keyOff, "duplicate field "+strconv.Quote(key))
		d.skip()
		return false
	}
	*seen |= bit
	return true
}

func (d *decoder) unknown(key string, keyOff int) {
	d.errAt(keyOff, "unknown field "+strconv.Quote(key))
	d.skip()
}

// required records a problem at the object's offset for each required field not seen.
func (d *decoder) required(objOff int, seen fieldSet, names ...string) {
	for i, n := range names {
		if seen&(1<<i) == 0 {
			d.errAt(objOff, "missing required field "+strconv.Quote(n))
		}
	}
}

// reqString reads a required string field's value: a non-empty string.
func (d *decoder) reqString(key string) (string, int) {
	d.push(key)
	s, off, ok := d.wantString()
	if ok && s == "" {
		d.errAt(off, "must not be empty")
	}
	d.pop()
	return s, off
}

// optString reads an optional string field's value.
func (d *decoder) optString(key string) (string, int) {
	d.push(key)
	s, off, _ := d.wantString()
	d.pop()
	return s, off
}

// array calls elem for each element of the array value of field key, with the path
// set to key[n] and d.i at the element.
func (d *decoder) array(key string, elem func(n int)) {
	d.push(key)
	if d.wantOpen('[') {
		first := true
		for n := 0; d.nextElem(&first); n++ {
			d.pushIdx(n)
			elem(n)
			d.pop()
		}
		d.depth--
	}
	d.pop()
}

// stringArray reads an array of non-empty strings.
func (d *decoder) stringArray(key string) []string {
	var out []string
	d.array(key, func(n int) {
		s, off, ok := d.wantString()
		if ok && s == "" {
			d.errAt(off, "must not be empty")
		}
		out = append(out, s)
	})
	return out
}

// document reads the whole dataset. It returns whether the format is a newer major
// version, in which case the caller reports only that.
func (d *decoder) document(ds *Dataset) (newer bool) {
	if strings.HasPrefix(d.s, "\uFEFF") {
		d.i = 3 // a UTF-8 byte order mark, as some editors write
	}
	if d.peek() != '{' {
		d.fail(d.i, "expected a JSON object at the top of the file, found "+d.describe())
	}
	objOff := d.i
	d.enter()
	var seen fieldSet
	first := true
	for {
		key, keyOff, ok := d.nextKey(&first)
		if !ok {
			break
		}
		switch key {
		case "format":
			if d.first(&seen, 1<<0, key, keyOff) {
				var off int
				ds.Format, off = d.reqString(key)
				if msg, isNewer := checkFormat(ds.Format); msg != "" {
					d.errKey(off, key, msg)
					newer = newer || isNewer
				}
			}
		case "title":
			if d.first(&seen, 1<<1, key, keyOff) {
				ds.Title, _ = d.reqString(key)
			}
		case "lanes":
			if d.first(&seen, 1<<2, key, keyOff) {
				d.array(key, func(n int) {
					ds.Lanes = append(ds.Lanes, Lane{})
					d.lane(&ds.Lanes[len(ds.Lanes)-1])
				})
			}
		case "sources":
			if d.first(&seen, 1<<3, key, keyOff) {
				d.array(key, func(n int) {
					ds.Sources = append(ds.Sources, Source{})
					d.source(&ds.Sources[len(ds.Sources)-1])
				})
			}
		case "events":
			if d.first(&seen, 1<<4, key, keyOff) {
				if ds.Events == nil {
					ds.Events = make([]Event, 0, estimateEvents(d.s))
				}
				d.array(key, func(n int) {
					ds.Events = append(ds.Events, Event{})
					d.event(&ds.Events[len(ds.Events)-1])
				})
				ds.Events = shrinkEvents(ds.Events)
			}
		case "tour":
			if d.first(&seen, 1<<5, key, keyOff) {
				ds.Tour = d.stringArray(key)
			}
		default:
			d.unknown(key, keyOff)
		}
	}
	d.depth--
	d.required(objOff, seen, "format", "title")
	if d.peek() != 0 {
		d.fail(d.i, "more data ("+d.describe()+") after the end of the document")
	}
	return newer
}

// estimateEvents guesses the number of events from the number of '{' (a fast count),
// so that the events slice is allocated once: a 1M-event file would otherwise copy it
// 30 times. The guess is capped by the smallest possible event (about 40 bytes), so a
// file full of braces cannot make it allocate much; the slice still grows past it if
// needed, and shrinkEvents gives back a large surplus.
func estimateEvents(s string) int {
	return min(strings.Count(s, "{"), len(s)/40+1)
}

// shrinkEvents copies the events into a slice of their size when the estimate was far
// off (events with many excerpts), so that a loaded dataset does not keep the surplus.
func shrinkEvents(ev []Event) []Event {
	if cap(ev) > 1024 && cap(ev) > 2*len(ev) {
		return append([]Event(nil), ev...)
	}
	return ev
}

// checkFormat returns a message when f is not a format this program reads, and whether
// it is a newer major version of ours.
func checkFormat(f string) (msg string, newer bool) {
	if f == FormatV1 || strings.HasPrefix(f, FormatV1+".") {
		return "", false
	}
	if v, ok := strings.CutPrefix(f, "timeline/"); ok {
		major, _, _ := strings.Cut(v, ".")
		if n, err := strconv.Atoi(major); err == nil && n > 1 {
			return strconv.Quote(f) + " is a newer format; this program reads " + FormatV1, true
		}
	}
	if f == "" {
		return "", false // reported as empty
	}
	return "unknown format " + strconv.Quote(f) + "; this program reads " + FormatV1, false
}

func (d *decoder) lane(l *Lane) {
	objOff := d.i
	if !d.wantOpen('{') {
		return
	}
	var seen fieldSet
	first := true
	for {
		key, keyOff, ok := d.nextKey(&first)
		if !ok {
			break
		}
		switch key {
		case "id":
			if d.first(&seen, 1<<0, key, keyOff) {
				var off int
				l.ID, off = d.reqString(key)
				if l.ID != "" && !validLaneID(l.ID) {
					d.errKey(off, key, "lane id "+strconv.Quote(l.ID)+" must match [a-z0-9-]+")
				}
			}
		case "title":
			if d.first(&seen, 1<<1, key, keyOff) {
				l.Title, _ = d.reqString(key)
			}
		case "color":
			if d.first(&seen, 1<<2, key, keyOff) {
				var off int
				l.Color, off = d.optString(key)
				if !validColor(l.Color) {
					d.errKey(off, key, "colour "+strconv.Quote(l.Color)+" must be #rrggbb")
				}
			}
		default:
			d.unknown(key, keyOff)
		}
	}
	d.depth--
	d.required(objOff, seen, "id", "title")
}

func (d *decoder) source(s *Source) {
	objOff := d.i
	if !d.wantOpen('{') {
		return
	}
	var seen fieldSet
	first := true
	for {
		key, keyOff, ok := d.nextKey(&first)
		if !ok {
			break
		}
		switch key {
		case "id":
			if d.first(&seen, 1<<0, key, keyOff) {
				s.ID, _ = d.reqString(key)
			}
		case "title":
			if d.first(&seen, 1<<1, key, keyOff) {
				s.Title, _ = d.reqString(key)
			}
		case "lang":
			if d.first(&seen, 1<<2, key, keyOff) {
				var off int
				s.Lang, off = d.reqString(key)
				if s.Lang != "" && !validLangTag(s.Lang) {
					d.errKey(off, key, strconv.Quote(s.Lang)+" is not a language tag (en, it, pt-BR, ...)")
				}
			}
		case "publisher":
			if d.first(&seen, 1<<3, key, keyOff) {
				s.Publisher, _ = d.reqString(key)
			}
		case "url":
			if d.first(&seen, 1<<4, key, keyOff) {
				var off int
				s.URL, off = d.reqString(key)
				if s.URL != "" && !validURL(s.URL) {
					d.errKey(off, key, strconv.Quote(s.URL)+" is not an http or https address")
				}
			}
		case "author":
			if d.first(&seen, 1<<5, key, keyOff) {
				s.Author, _ = d.reqString(key)
			}
		case "date":
			if d.first(&seen, 1<<6, key, keyOff) {
				var off int
				s.Date, off = d.reqString(key)
				if s.Date != "" {
					if _, err := chrono.Parse(s.Date); err != nil {
						d.errKey(off, key, err.Error())
					}
				}
			}
		case "file":
			if d.first(&seen, 1<<7, key, keyOff) {
				var off int
				s.File, off = d.reqString(key)
				if s.File != "" {
					if msg := checkRelPath(s.File); msg != "" {
						d.errKey(off, key, msg)
					}
				}
				if seen&(1<<8) != 0 {
					d.errKey(off, key, "a source has a file or a text, not both")
				}
			}
		case "text":
			if d.first(&seen, 1<<8, key, keyOff) {
				var off int
				s.Text, off = d.reqString(key)
				if seen&(1<<7) != 0 {
					d.errKey(off, key, "a source has a file or a text, not both")
				}
			}
		default:
			d.unknown(key, keyOff)
		}
	}
	d.depth--
	d.required(objOff, seen, "id", "title", "lang")
	if seen&(1<<7|1<<8) == 0 {
		d.errAt(objOff, `needs a "file" or a "text"`)
	}
}

func (d *decoder) event(e *Event) {
	objOff := d.i
	if !d.wantOpen('{') {
		return
	}
	var seen fieldSet
	var startOK bool
	var endOff int
	first := true
	for {
		key, keyOff, ok := d.nextKey(&first)
		if !ok {
			break
		}
		switch key {
		case "id":
			if d.first(&seen, 1<<0, key, keyOff) {
				e.ID, _ = d.reqString(key)
			}
		case "lane":
			if d.first(&seen, 1<<1, key, keyOff) {
				e.Lane, _ = d.reqString(key)
			}
		case "title":
			if d.first(&seen, 1<<2, key, keyOff) {
				e.Title, _ = d.reqString(key)
			}
		case "start":
			if d.first(&seen, 1<<3, key, keyOff) {
				var off int
				e.Start, off = d.reqString(key)
				if e.Start != "" {
					e.StartDate, startOK = d.date(key, e.Start, off, "an open start is not allowed")
				}
			}
		case "end":
			if d.first(&seen, 1<<4, key, keyOff) {
				e.End, endOff = d.reqString(key)
				if e.End != "" {
					var ok bool
					if e.EndDate, ok = d.date(key, e.End, endOff, ""); !ok {
						endOff = -1
					}
				}
			}
		case "titles":
			if d.first(&seen, 1<<5, key, keyOff) {
				e.Titles = d.titles(key)
			}
		case "place":
			if d.first(&seen, 1<<6, key, keyOff) {
				e.Place, _ = d.reqString(key)
			}
		case "tags":
			if d.first(&seen, 1<<7, key, keyOff) {
				e.Tags = d.stringArray(key)
			}
		case "description":
			if d.first(&seen, 1<<8, key, keyOff) {
				e.Description, _ = d.optString(key)
			}
		case "excerpts":
			if d.first(&seen, 1<<9, key, keyOff) {
				d.array(key, func(n int) {
					e.Excerpts = append(e.Excerpts, Excerpt{})
					d.excerpt(&e.Excerpts[len(e.Excerpts)-1])
				})
			}
		case "media":
			if d.first(&seen, 1<<10, key, keyOff) {
				d.array(key, func(n int) {
					e.Media = append(e.Media, Media{})
					d.media(&e.Media[len(e.Media)-1])
				})
			}
		default:
			d.unknown(key, keyOff)
		}
	}
	d.depth--
	d.required(objOff, seen, "id", "lane", "title", "start")
	if startOK && e.End != "" && endOff >= 0 && !e.EndDate.Open && e.EndDate.Latest() < e.StartDate.Earliest() {
		d.errKey(endOff, "end", "end "+strconv.Quote(e.End)+" is before start "+strconv.Quote(e.Start))
	}
}

// date parses an EDTF date; openMsg, when not "", refuses "..".
func (d *decoder) date(key, s string, off int, openMsg string) (chrono.Date, bool) {
	t, err := chrono.Parse(s)
	if err != nil {
		d.errKey(off, key, err.Error())
		return chrono.Date{}, false
	}
	if t.Open && openMsg != "" {
		d.errKey(off, key, openMsg)
		return chrono.Date{}, false
	}
	return t, true
}

// titles reads an object of language tag -> non-empty title.
func (d *decoder) titles(key string) map[string]string {
	d.push(key)
	defer d.pop()
	if !d.wantOpen('{') {
		return nil
	}
	var m map[string]string
	first := true
	for {
		lang, keyOff, ok := d.nextKey(&first)
		if !ok {
			break
		}
		switch _, dup := m[lang]; {
		case dup:
			d.errAt(keyOff, "duplicate language "+strconv.Quote(lang))
			d.skip()
			continue
		case !validLangTag(lang):
			d.errAt(keyOff, strconv.Quote(lang)+" is not a language tag (en, it, pt-BR, ...)")
		}
		d.push(lang)
		s, off, ok := d.wantString()
		if ok && s == "" {
			d.errAt(off, "must not be empty")
		}
		d.pop()
		if m == nil {
			m = make(map[string]string, 2)
		}
		m[lang] = s
	}
	d.depth--
	if len(m) == 0 {
		return nil
	}
	return m
}

func (d *decoder) excerpt(x *Excerpt) {
	objOff := d.i
	if !d.wantOpen('{') {
		return
	}
	var seen fieldSet
	first := true
	for {
		key, keyOff, ok := d.nextKey(&first)
		if !ok {
			break
		}
		switch key {
		case "source":
			if d.first(&seen, 1<<0, key, keyOff) {
				x.Source, _ = d.reqString(key)
			}
		case "quote":
			if d.first(&seen, 1<<1, key, keyOff) {
				x.Quote, _ = d.reqString(key)
			}
		case "date":
			if d.first(&seen, 1<<2, key, keyOff) {
				var off int
				x.Date, off = d.reqString(key)
				if x.Date != "" {
					x.DateParsed, _ = d.date(key, x.Date, off, "an excerpt's date cannot be open")
				}
			}
		default:
			d.unknown(key, keyOff)
		}
	}
	d.depth--
	d.required(objOff, seen, "source", "quote")
}

func (d *decoder) media(m *Media) {
	objOff := d.i
	if !d.wantOpen('{') {
		return
	}
	var seen fieldSet
	first := true
	for {
		key, keyOff, ok := d.nextKey(&first)
		if !ok {
			break
		}
		switch key {
		case "file":
			if d.first(&seen, 1<<0, key, keyOff) {
				var off int
				m.File, off = d.reqString(key)
				if m.File != "" {
					if msg := checkRelPath(m.File); msg != "" {
						d.errKey(off, key, msg)
					}
				}
			}
		case "url":
			if d.first(&seen, 1<<1, key, keyOff) {
				var off int
				m.URL, off = d.reqString(key)
				if m.URL != "" && !validURL(m.URL) {
					d.errKey(off, key, strconv.Quote(m.URL)+" is not an http or https address")
				}
			}
		case "caption":
			if d.first(&seen, 1<<2, key, keyOff) {
				m.Caption, _ = d.optString(key)
			}
		case "credit":
			if d.first(&seen, 1<<3, key, keyOff) {
				m.Credit, _ = d.optString(key)
			}
		default:
			d.unknown(key, keyOff)
		}
	}
	d.depth--
	switch seen & 3 {
	case 0:
		d.errAt(objOff, `needs a "file" or a "url"`)
	case 3:
		d.errAt(objOff, `has both "file" and "url"; give one`)
	}
}

// checkRelPath returns a problem with a path that must stay inside the dataset's folder.
func checkRelPath(p string) string {
	if strings.HasPrefix(p, "/") || strings.Contains(p, `\`) || len(p) >= 2 && p[1] == ':' {
		return strconv.Quote(p) + " escapes the dataset's folder (an absolute path)"
	}
	c := path.Clean(p)
	if c == ".." || strings.HasPrefix(c, "../") {
		return strconv.Quote(p) + " escapes the dataset's folder"
	}
	if c == "." || !validFSPath(c) {
		return strconv.Quote(p) + " is not a file path relative to the dataset"
	}
	return ""
}

func validLaneID(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return s != ""
}

func validColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// validLangTag checks the shape of a BCP 47 tag: a 2-3 letter primary language, then
// subtags of 1-8 letters or digits.
func validLangTag(s string) bool {
	for i, sub := range strings.Split(s, "-") {
		if i == 0 && (len(sub) < 2 || len(sub) > 3) || len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for j := 0; j < len(sub); j++ {
			c := sub[j] | 0x20
			if !(c >= 'a' && c <= 'z' || i > 0 && sub[j] >= '0' && sub[j] <= '9') {
				return false
			}
		}
	}
	return true
}

func validURL(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(s, "http://")
	}
	return ok && rest != "" && !strings.ContainsAny(s, " \t\n\r\"<>")
}
