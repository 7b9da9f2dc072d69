package format

import (
	"path"
	"strconv"
	"strings"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
)

// The objects of the format are decoded from tables of fields (see the package doc on how
// to add one): each object type has an object[T] listing its fields, and one loop,
// decodeObject, reads any of them: field names, duplicates, unknown and missing fields,
// and the path of every problem are handled there, once.

// field is one member of an object of type T.
type field[T any] struct {
	name     string
	required bool // "missing required field" when absent
	// read reads the value at d.i into v; the decoder's path already ends with name, so
	// d.errAt(off, msg) names the field. off is the value's byte offset.
	read func(d *decoder, v *T, off int)
}

// object is the table of one object type's fields, and an optional check of the whole
// object once read (fields that exclude or need each other).
type object[T any] struct {
	fields []field[T]
	check  func(d *decoder, v *T, o *seen)
	names  []string // the fields' names, for seen.field
}

// newObject makes the table of an object type's fields (at most 64); check may be nil.
func newObject[T any](fields []field[T], check func(d *decoder, v *T, o *seen)) *object[T] {
	if len(fields) > 64 {
		panic("format: more than 64 fields in one object")
	}
	t := &object[T]{fields: fields, check: check}
	for _, f := range fields {
		t.names = append(t.names, f.name)
	}
	return t
}

// seen tells which fields of one object were read, and where their values start. A
// table has at most 64 fields.
type seen struct {
	off   int       // the object's offset
	bits  uint64    // bit i: fields[i] was read
	at    [64]int32 // at[i]: fields[i]'s value offset, when read
	names []string
}

// has reports whether field i was read.
func (o *seen) has(i int) bool { return o.bits&(1<<i) != 0 }

// field returns the offset of the named field's value and whether it was read, for
// checks. A name the table does not have panics (a mistake in the tables, caught by any
// test).
func (o *seen) field(name string) (int, bool) {
	for i, n := range o.names {
		if n == name {
			return int(o.at[i]), o.has(i)
		}
	}
	panic("format: no field " + name)
}

// decodeObject reads the object at d.i into v by its table: a type error when it is not
// an object, each known field once (a duplicate is a problem and skipped; the first
// wins), a problem for each unknown field, then each missing required field, then the
// table's check.
func decodeObject[T any](d *decoder, t *object[T], v *T) {
	off := d.i
	if !d.wantOpen('{') {
		return
	}
	if d.objs++; d.objs&4095 == 0 && d.ctx != nil && d.ctx.Err() != nil {
		panic(canceled{})
	}
	// One seen per nesting level, kept in the decoder: a local would escape to the heap
	// through check, one allocation per event.
	o := &d.seen[d.depth]
	o.off, o.bits, o.names = off, 0, t.names // at[i] is read only where bit i is set
	first := true
	for {
		key, keyOff, ok := d.nextKey(&first)
		if !ok {
			break
		}
		i := 0
		for i < len(t.fields) && t.fields[i].name != key {
			i++
		}
		switch {
		case i == len(t.fields):
			if !d.full() { // no message built past the cap
				d.errAt(keyOff, "unknown field "+Quote(key))
			}
			d.skip()
		case o.has(i):
			if !d.full() { // no message built past the cap
				d.errAt(keyOff, "duplicate field "+Quote(key))
			}
			d.skip()
		default:
			o.bits |= 1 << i
			o.at[i] = int32(d.i)
			d.push(key)
			t.fields[i].read(d, v, d.i)
			d.pop()
		}
	}
	d.depth--
	for i := range t.fields {
		if t.fields[i].required && !o.has(i) {
			if !d.full() { // no message built past the cap
				d.errAt(o.off, "missing required field "+Quote(t.fields[i].name))
			}
		}
	}
	if t.check != nil {
		t.check(d, v, o)
	}
}

// The kinds of value a field can hold. Each takes the address of the model's field and
// returns the field's read function.

// text is a string that must not be empty; check, when not nil, returns a problem with
// a non-empty value ("" for none).
func text[T any](at func(*T) *string, check func(string) string) func(*decoder, *T, int) {
	return textAs(at, check, (*decoder).keep)
}

// name is text that many objects repeat (a lane's id in each event, a calendar, a place, a
// source's id in each excerpt), kept once (decoder.intern).
func name[T any](at func(*T) *string, check func(string) string) func(*decoder, *T, int) {
	return textAs(at, check, (*decoder).intern)
}

// textAs is text kept by keep (decoder.keep or decoder.intern).
func textAs[T any](at func(*T) *string, check func(string) string, keep func(*decoder, string) string) func(*decoder, *T, int) {
	return func(d *decoder, v *T, _ int) {
		s, off, ok := d.wantString()
		if ok && s == "" {
			d.errAt(off, "must not be empty")
		}
		*at(v) = keep(d, s)
		if check != nil && s != "" {
			if msg := check(s); msg != "" {
				if !d.full() { // no message built past the cap
					d.errAt(off, msg)
				}
			}
		}
	}
}

// optText is a string that may be empty; check, when not nil, judges every value.
func optText[T any](at func(*T) *string, check func(string) string) func(*decoder, *T, int) {
	return func(d *decoder, v *T, _ int) {
		s, off, _ := d.wantString()
		if s != "" { // "" sets nothing, as in langTexts
			*at(v) = d.keep(s)
		}
		if check != nil {
			if msg := check(s); msg != "" {
				if !d.full() { // no message built past the cap
					d.errAt(off, msg)
				}
			}
		}
	}
}

// date is a non-empty EDTF date, given to set as written and parsed; openMsg, when not "",
// refuses the open date "..". A date with a problem is given as zero.
func date[T any](set func(d *decoder, v *T, s string, parsed chrono.Date), openMsg string) func(*decoder, *T, int) {
	return func(d *decoder, v *T, _ int) {
		s, off, ok := d.wantString()
		if ok && s == "" {
			d.errAt(off, "must not be empty")
		}
		var parsed chrono.Date
		if s != "" {
			t, err := chrono.Parse(s)
			switch {
			case err != nil:
				if !d.full() { // no message built past the cap
					d.errAt(off, err.Error())
				}
			case t.Open && openMsg != "":
				d.errAt(off, openMsg)
			default:
				parsed = t
			}
		}
		set(d, v, s, parsed)
	}
}

// eventDate sets an event's start or end: a date Parse accepted is written in its one
// canonical form (chrono's contract, held by FuzzParse), so only its parsed form is kept
// (at is StartDate or EndDate); the text of a date with a problem is kept as written, by
// set (Event.SetStart or SetEnd), for the messages.
func eventDate(at func(e *timeline.Event) *chrono.Date, set func(e *timeline.Event, s string, parsed chrono.Date)) func(d *decoder, e *timeline.Event, s string, parsed chrono.Date) {
	return func(d *decoder, e *timeline.Event, s string, parsed chrono.Date) {
		if parsed != (chrono.Date{}) {
			*at(e) = parsed
			return
		}
		set(e, d.keep(s), parsed)
	}
}

// number is a JSON number within lo..hi (what, e.g. "a latitude", names it in the
// problem).
func number[T any](at func(*T) *float64, lo, hi float64, what string) func(*decoder, *T, int) {
	return func(d *decoder, v *T, off int) {
		c := d.peek()
		if c != '-' && (c < '0' || c > '9') {
			d.errAt(off, "expected a number, found "+d.describe())
			d.skip()
			return
		}
		start := d.i
		d.number()
		f, err := strconv.ParseFloat(d.s[start:d.i], 64)
		if err != nil || f < lo || f > hi {
			d.errAt(start, what+" "+d.s[start:d.i]+" is out of range: it must be within "+
				strconv.FormatFloat(lo, 'f', -1, 64)+" and "+strconv.FormatFloat(hi, 'f', -1, 64))
			return
		}
		*at(v) = f
	}
}

// boolean is true or false.
func boolean[T any](at func(*T) *bool) func(*decoder, *T, int) {
	return func(d *decoder, v *T, off int) {
		switch d.peek() {
		case 't':
			d.literal("true")
			*at(v) = true
		case 'f':
			d.literal("false")
			*at(v) = false
		default:
			d.errAt(off, "expected true or false, found "+d.describe())
			d.skip()
		}
	}
}

// texts is an array of non-empty strings.
func texts[T any](at func(*T) *[]string) func(*decoder, *T, int) {
	return func(d *decoder, v *T, _ int) {
		var out *[]string // reached at the first element, as in langTexts
		spare := false
		d.array(func() {
			if out == nil {
				out = at(v)
			}
			s, off, ok := d.wantString()
			if ok && s == "" {
				d.errAt(off, "must not be empty")
			}
			*out = nextSlot(d, *out, &spare)
			(*out)[len(*out)-1] = d.intern(s)
		})
	}
}

// objects is an array of objects of type E, each read by its table.
func objects[T, E any](at func(*T) *[]E, t *object[E]) func(*decoder, *T, int) {
	return func(d *decoder, v *T, _ int) {
		var out *[]E // reached at the first element, as in langTexts
		spare := false
		d.array(func() {
			if out == nil {
				out = at(v)
			}
			*out = nextSlot(d, *out, &spare)
			decodeObject(d, t, &(*out)[len(*out)-1])
		})
	}
}

// nextSlot makes room for one more element of an array at the end of list. Once the file is
// refused for sure (MaxProblems problems found), the rest are read into one spare element
// at the end, reused: their problems are still counted, but three bytes of file ("{},")
// no longer cost a 300-byte event (10 MB of empty events took 7 GB and 45 s).
func nextSlot[E any](d *decoder, list []E, spare *bool) []E {
	if !d.refused() {
		return append(list, *new(E))
	}
	d.dropped = true
	if !*spare {
		*spare = true
		return append(list, *new(E))
	}
	list[len(list)-1] = *new(E)
	return list
}

// langTexts is an object of language tag -> non-empty text, as "titles".
func langTexts[T any](at func(*T) *map[string]string) func(*decoder, *T, int) {
	return func(d *decoder, v *T, _ int) {
		if !d.wantOpen('{') {
			return
		}
		// The field is reached only to set it, once there is something to set: at may make
		// what holds it (Event.WithMore), and an event of "titles": {} has no EventMore.
		var m map[string]string
		first := true
		for {
			lang, keyOff, ok := d.nextKey(&first)
			if !ok {
				break
			}
			switch _, dup := m[lang]; {
			case dup:
				if !d.full() { // no message built past the cap
					d.errAt(keyOff, "duplicate language "+Quote(lang))
				}
				d.skip()
				continue
			case !validLangTag(lang):
				if !d.full() { // no message built past the cap
					d.errAt(keyOff, Quote(lang)+" is not a language tag (en, it, pt-BR, ...)")
				}
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
			m[d.intern(lang)] = d.keep(s)
		}
		d.depth--
		if len(m) > 0 {
			if p := at(v); *p == nil {
				*p = m
			} else {
				for k, s := range m {
					(*p)[k] = s
				}
			}
		}
	}
}

// array calls elem for each element of the array value at d.i, with the path ending in
// the element's index and d.i at the element; a type error when it is not an array.
func (d *decoder) array(elem func()) {
	if d.wantOpen('[') {
		first := true
		for n := 0; d.nextElem(&first); n++ {
			d.pushIdx(n)
			elem()
			d.pop()
		}
		d.depth--
	}
}

// The tables of the format timeline/1 (docs: README's "The data"). Field order is the
// order of the model's declarations.

var documentFields = newObject([]field[timeline.Dataset]{
	{"format", true, func(d *decoder, ds *timeline.Dataset, _ int) {
		s, off, ok := d.wantString()
		ds.Format = d.keep(s)
		if ok && s == "" {
			d.errAt(off, "must not be empty")
		}
		if msg, newer := checkFormat(s); msg != "" {
			d.formatProblem(off, msg, newer)
		}
	}},
	{"title", true, text(func(ds *timeline.Dataset) *string { return &ds.Title }, nil)},
	{"lanes", false, objects(func(ds *timeline.Dataset) *[]timeline.Lane { return &ds.Lanes }, laneFields)},
	{"sources", false, objects(func(ds *timeline.Dataset) *[]timeline.Source { return &ds.Sources }, sourceFields)},
	{"events", false, func(d *decoder, ds *timeline.Dataset, off int) {
		if ds.Events == nil {
			ds.Events = make([]timeline.Event, 0, estimateEvents(d.s[off:]))
		}
		objects(func(ds *timeline.Dataset) *[]timeline.Event { return &ds.Events }, eventFields)(d, ds, off)
		ds.Events = shrinkEvents(ds.Events)
	}},
	{"tour", false, tourStops},
	{"places", false, objects(func(ds *timeline.Dataset) *[]timeline.Place { return &ds.Places }, placeFields)},
	{"gazetteers", false, objects(func(ds *timeline.Dataset) *[]timeline.Gazetteer { return &ds.Gazetteers }, gazetteerFields)},
}, nil)

// tourStops is the tour: each stop an event id, or an object of tourStopFields (nextSlot:
// past the problem cap, the rest reuse one spare stop).
func tourStops(d *decoder, ds *timeline.Dataset, _ int) {
	spare := false
	d.array(func() {
		ds.Tour = nextSlot(d, ds.Tour, &spare)
		st := &ds.Tour[len(ds.Tour)-1]
		if d.peek() == '{' {
			decodeObject(d, tourStopFields, st)
			return
		}
		s, off, ok := d.wantString()
		if ok && s == "" {
			d.errAt(off, "must not be empty")
		}
		st.Event = d.keep(s)
	})
}

var tourStopFields = newObject([]field[timeline.TourStop]{
	{"event", true, text(func(s *timeline.TourStop) *string { return &s.Event }, nil)},
	{"text", false, langTexts(func(s *timeline.TourStop) *map[string]string { return &s.Text })},
}, nil)

var placeFields = newObject([]field[timeline.Place]{
	{"id", true, text(func(p *timeline.Place) *string { return &p.ID }, checkPlaceID)},
	{"name", true, text(func(p *timeline.Place) *string { return &p.Name }, nil)},
	{"names", false, langTexts(func(p *timeline.Place) *map[string]string { return &p.Names })},
	{"lat", true, number(func(p *timeline.Place) *float64 { return &p.Lat }, -90, 90, "latitude")},
	{"lon", true, number(func(p *timeline.Place) *float64 { return &p.Lon }, -180, 180, "longitude")},
	{"approx", false, boolean(func(p *timeline.Place) *bool { return &p.Approx })},
	{"gazetteer", true, name(func(p *timeline.Place) *string { return &p.Gazetteer }, nil)},
	{"ref", false, text(func(p *timeline.Place) *string { return &p.Ref }, nil)},
}, nil)

var gazetteerFields = newObject([]field[timeline.Gazetteer]{
	{"id", true, text(func(g *timeline.Gazetteer) *string { return &g.ID }, nil)},
	{"title", true, text(func(g *timeline.Gazetteer) *string { return &g.Title }, nil)},
	{"titles", false, langTexts(func(g *timeline.Gazetteer) *map[string]string { return &g.Titles })},
	{"url", false, text(func(g *timeline.Gazetteer) *string { return &g.URL }, checkURL)},
	{"license", false, text(func(g *timeline.Gazetteer) *string { return &g.License }, nil)},
}, nil)

// checkPlaceID accepts place ids like lane ids: [a-z0-9-]+.
func checkPlaceID(s string) string {
	if !validLaneID(s) {
		return "place id " + strconv.Quote(s) + " must match [a-z0-9-]+"
	}
	return ""
}

var laneFields = newObject([]field[timeline.Lane]{
	{"id", true, text(func(l *timeline.Lane) *string { return &l.ID }, func(s string) string {
		if !validLaneID(s) {
			return "lane id " + Quote(s) + " must match [a-z0-9-]+"
		}
		return ""
	})},
	{"title", true, text(func(l *timeline.Lane) *string { return &l.Title }, nil)},
	{"titles", false, langTexts(func(l *timeline.Lane) *map[string]string { return &l.Titles })},
	{"color", false, optText(func(l *timeline.Lane) *string { return &l.Color }, func(s string) string {
		if !validColor(s) {
			return "colour " + Quote(s) + " must be #rrggbb"
		}
		return ""
	})},
	{"whereabouts", false, boolean(func(l *timeline.Lane) *bool { return &l.Whereabouts })},
}, nil)

var sourceFields = newObject([]field[timeline.Source]{
	{"id", true, text(func(s *timeline.Source) *string { return &s.ID }, nil)},
	{"title", true, text(func(s *timeline.Source) *string { return &s.Title }, nil)},
	{"lang", true, text(func(s *timeline.Source) *string { return &s.Lang }, checkLang)},
	{"publisher", false, text(func(s *timeline.Source) *string { return &s.Publisher }, nil)},
	{"url", false, text(func(s *timeline.Source) *string { return &s.URL }, checkURL)},
	{"author", false, text(func(s *timeline.Source) *string { return &s.Author }, nil)},
	{"date", false, text(func(s *timeline.Source) *string { return &s.Date }, func(s string) string {
		if _, err := chrono.Parse(s); err != nil {
			return err.Error()
		}
		return ""
	})},
	{"file", false, text(func(s *timeline.Source) *string { return &s.File }, checkRelPath)},
	{"text", false, text(func(s *timeline.Source) *string { return &s.Text }, nil)},
}, func(d *decoder, s *timeline.Source, o *seen) {
	fileOff, file := o.field("file")
	textOff, text := o.field("text")
	switch {
	case !file && !text:
		d.errAt(o.off, `needs a "file" or a "text"`)
	case file && text:
		second, key := fileOff, "file" // the later of the two is the problem
		if textOff > fileOff {
			second, key = textOff, "text"
		}
		d.push(key)
		d.errAt(second, "a source has a file or a text, not both")
		d.pop()
	}
})

var eventFields = newObject([]field[timeline.Event]{
	{"id", true, text(func(e *timeline.Event) *string { return &e.ID }, nil)},
	{"lane", true, name(func(e *timeline.Event) *string { return &e.Lane }, nil)},
	{"title", true, text(func(e *timeline.Event) *string { return &e.Title }, nil)},
	{"titles", false, langTexts(func(e *timeline.Event) *map[string]string { return &e.WithMore().Titles })},
	{"start", true, date(eventDate(func(e *timeline.Event) *chrono.Date { return &e.StartDate }, (*timeline.Event).SetStart), "an open start is not allowed")},
	{"end", false, date(eventDate(func(e *timeline.Event) *chrono.Date { return &e.EndDate }, (*timeline.Event).SetEnd), "")},
	{"calendar", false, name(func(e *timeline.Event) *string { return &e.WithMore().Calendar }, checkCalendar)},
	{"place", false, name(func(e *timeline.Event) *string { return &e.WithMore().Place }, nil)},
	{"placeNames", false, langTexts(func(e *timeline.Event) *map[string]string { return &e.WithMore().PlaceNames })},
	{"places", false, texts(func(e *timeline.Event) *[]string { return &e.WithMore().Places })},
	{"whereabouts", false, text(func(e *timeline.Event) *string { return &e.WithMore().Whereabouts }, checkWhereabouts)},
	{"tags", false, texts(func(e *timeline.Event) *[]string { return &e.WithMore().Tags })},
	{"description", false, optText(func(e *timeline.Event) *string { return &e.WithMore().Description }, nil)},
	{"displayDate", false, text(func(e *timeline.Event) *string { return &e.WithMore().DisplayDate }, nil)},
	{"descriptions", false, langTexts(func(e *timeline.Event) *map[string]string { return &e.WithMore().Descriptions })},
	{"excerpts", false, objects(func(e *timeline.Event) *[]timeline.Excerpt { return &e.WithMore().Excerpts }, excerptFields)},
	{"media", false, objects(func(e *timeline.Event) *[]timeline.Media { return &e.WithMore().Media }, mediaFields)},
}, func(d *decoder, e *timeline.Event, o *seen) {
	// Both dates read without a problem (a bad or open start is left zero).
	if e.StartDate.IsValid() && e.EndDate.IsValid() && !e.EndDate.Open && e.EndDate.Latest() < e.StartDate.Earliest() {
		endOff, _ := o.field("end")
		d.push("end")
		if !d.full() { // no message built past the cap
			d.errAt(endOff, "end "+Quote(e.End())+" is before start "+Quote(e.Start()))
		}
		d.pop()
	}
})

var excerptFields = newObject([]field[timeline.Excerpt]{
	{"source", true, name(func(x *timeline.Excerpt) *string { return &x.Source }, nil)},
	{"quote", true, text(func(x *timeline.Excerpt) *string { return &x.Quote }, nil)},
	{"date", false, date(func(d *decoder, x *timeline.Excerpt, s string, t chrono.Date) { x.Date, x.DateParsed = d.keep(s), t }, "an excerpt's date cannot be open")},
	{"end", false, date(func(d *decoder, x *timeline.Excerpt, s string, t chrono.Date) { x.End, x.EndParsed = d.keep(s), t }, "an excerpt's end cannot be open")},
}, func(d *decoder, x *timeline.Excerpt, o *seen) {
	if x.DateParsed.IsValid() && x.EndParsed.IsValid() && x.EndParsed.Latest() < x.DateParsed.Earliest() {
		endOff, _ := o.field("end")
		d.push("end")
		d.errAt(endOff, "end "+strconv.Quote(x.End)+" is before date "+strconv.Quote(x.Date))
		d.pop()
	}
})

// checkCalendar accepts the calendars an event can declare (timeline.Event.Calendar).
func checkCalendar(s string) string {
	if s != timeline.CalendarJulian && s != timeline.CalendarGregorian && s != timeline.CalendarUnstated {
		return strconv.Quote(s) + " is not a calendar: want \"julian\", \"julian?\" (the source does not say which) or \"gregorian\""
	}
	return ""
}

func checkWhereabouts(s string) string {
	if s != timeline.WhereaboutsStay && s != timeline.WhereaboutsJourney && s != timeline.WhereaboutsNone {
		return strconv.Quote(s) + " is not a kind of whereabouts: want \"stay\", \"journey\" or \"none\""
	}
	return ""
}

var mediaFields = newObject([]field[timeline.Media]{
	{"file", false, text(func(m *timeline.Media) *string { return &m.File }, checkRelPath)},
	{"url", false, text(func(m *timeline.Media) *string { return &m.URL }, checkURL)},
	{"caption", false, optText(func(m *timeline.Media) *string { return &m.Caption }, nil)},
	{"credit", false, optText(func(m *timeline.Media) *string { return &m.Credit }, nil)},
}, func(d *decoder, m *timeline.Media, o *seen) {
	_, file := o.field("file")
	_, url := o.field("url")
	switch {
	case !file && !url:
		d.errAt(o.off, `needs a "file" or a "url"`)
	case file && url:
		d.errAt(o.off, `has both "file" and "url"; give one`)
	}
})

// document reads the whole dataset, then refuses anything after it but white space.
func (d *decoder) document(ds *timeline.Dataset) {
	if strings.HasPrefix(d.s, "\uFEFF") {
		d.i = 3 // a UTF-8 byte order mark, as some editors write
	}
	if d.peek() != '{' {
		d.fail(d.i, "expected a JSON object at the top of the file, found "+d.describe())
	}
	decodeObject(d, documentFields, ds)
	if d.ws(); d.i < len(d.s) {
		d.fail(d.i, "more data ("+d.describe()+") after the end of the document")
	}
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
func shrinkEvents(ev []timeline.Event) []timeline.Event {
	if cap(ev) > 1024 && cap(ev) > 2*len(ev) {
		return append([]timeline.Event(nil), ev...)
	}
	return ev
}

// checkFormat returns a message when f is not a format this program reads, and whether
// it is a newer major version of ours.
func checkFormat(f string) (msg string, newer bool) {
	if f == timeline.FormatV1 || strings.HasPrefix(f, timeline.FormatV1+".") {
		return "", false
	}
	if v, ok := strings.CutPrefix(f, "timeline/"); ok {
		major, _, _ := strings.Cut(v, ".")
		if n, err := strconv.Atoi(major); err == nil && n > 1 {
			return Quote(f) + " is a newer format; this program reads " + timeline.FormatV1, true
		}
	}
	if f == "" {
		return "", false // reported as empty
	}
	return "unknown format " + Quote(f) + "; this program reads " + timeline.FormatV1, false
}

// checkRelPath returns a problem with a path that must stay inside the dataset's folder.
func checkRelPath(p string) string {
	if strings.HasPrefix(p, "/") || strings.Contains(p, `\`) || len(p) >= 2 && p[1] == ':' {
		return Quote(p) + " escapes the dataset's folder (an absolute path)"
	}
	c := path.Clean(p)
	if c == ".." || strings.HasPrefix(c, "../") {
		return Quote(p) + " escapes the dataset's folder"
	}
	if c == "." || !validFSPath(c) {
		return Quote(p) + " is not a file path relative to the dataset"
	}
	return ""
}

func checkLang(s string) string {
	if !validLangTag(s) {
		return Quote(s) + " is not a language tag (en, it, pt-BR, ...)"
	}
	return ""
}

func checkURL(s string) string {
	if !validURL(s) {
		return Quote(s) + " is not an http or https address"
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
