package timelinejs

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unsafe"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/format"
)

// Lane ids the importer uses besides those made from groups.
const (
	DefaultLane = "events" // events without a group
	ErasLane    = "eras"   // TimelineJS eras
)

// dateIn is a TimelineJS date object or the date columns of a spreadsheet row.
type dateIn struct {
	present          bool
	bad              bool // a problem with it was already reported
	year, month, day int
	hasMonth, hasDay bool
	where            spot // where the date is
	field            path // how to name it in messages
}

// spot is where a slide or a date is: a line and byte column of a spreadsheet, or a byte
// offset of a JSON file (made a line and column only for a problem's message).
type spot struct {
	line, col int
	at        int // the byte offset + 1; 0: line and col
}

// atSpot records a problem at a spot.
func (ps *problems) atSpot(p spot, field path, msgFormat string, args ...any) {
	if ps.full() { // counted only: field's text is not made (3.5 million of them took 0.35 s)
		return
	}
	line, col := p.line, p.col
	if p.at > 0 {
		line, col = ps.lineCol(p.at - 1)
	}
	ps.add(line, col, field.String(), msgFormat, args...)
}

// path names a slide's field in messages: list[i].sub1.sub2 ("events[3].start_date.year");
// a spreadsheet's columns are lists ("End Year"), and its rows have none. The text is made
// only for a message.
type path struct {
	list       string
	i          int // -1: none
	sub1, sub2 string
}

func (p path) String() string {
	s := p.list
	if p.i >= 0 && p.list != "" {
		s += "[" + strconv.Itoa(p.i) + "]"
	}
	for _, sub := range []string{p.sub1, p.sub2} {
		if sub != "" {
			if s != "" {
				s += "."
			}
			s += sub
		}
	}
	return s
}

// dot is p's member named k.
func (p path) dot(k string) path {
	if p.sub1 == "" {
		p.sub1 = k
	} else {
		p.sub2 = k
	}
	return p
}

// edtf writes the date in EDTF at the precision given.
func (d dateIn) edtf() string {
	var b strings.Builder
	y := d.year
	if y < 0 {
		b.WriteByte('-')
		y = -y
	}
	fmt.Fprintf(&b, "%04d", y)
	if d.hasMonth {
		fmt.Fprintf(&b, "-%02d", d.month)
		if d.hasDay {
			fmt.Fprintf(&b, "-%02d", d.day)
		}
	}
	return b.String()
}

// slide is one event or era read from either format.
type slide struct {
	era        bool
	where      spot
	field      path // events[3], eras[0], or none for a spreadsheet row
	start, end dateIn
	headline   string // HTML
	text       string // HTML
	group      string
	uniqueID   string
	display    string // display_date: the date as written for people (HTML)
	media      *timeline.Media
}

// parseInt reads a TimelineJS number written as a JSON number or a string: "1917", "-500",
// " 7 ", "1917.0" (as spreadsheets write it). ok is false for anything else, including
// what strconv would also take: exponents ("1e3"), hexadecimal ("0x7p8"), underscores
// ("1_917"), and more than 9 digits.
func parseInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	digits := s
	if i := strings.IndexByte(s, '.'); i >= 0 {
		digits = s[:i]
		if frac := s[i+1:]; frac == "" || strings.Trim(frac, "0") != "" {
			return 0, false
		}
	}
	if digits == "" || len(digits) > 9 || strings.Trim(digits, "0123456789") != "" {
		return 0, false
	}
	v, _ := strconv.Atoi(digits)
	if neg {
		v = -v
	}
	return v, true
}

// validPart reports whether v is in range for a date's part ("year", "month" or "day").
func validPart(part string, v int) bool {
	switch part {
	case "year":
		return v >= -9999 && v <= 9999
	case "day":
		return v >= 1 && v <= 31
	}
	return v >= 1 && v <= 12
}

// checkPart validates one part of a date already read as a number; it reports and returns
// false when out of range.
func checkPart(ps *problems, line, col int, field, part string, v int) bool {
	lo, hi := 1, 12
	switch part {
	case "year":
		if v < -9999 || v > 9999 {
			ps.atLine(line, col, field, "year %d is outside -9999..9999 (TimelineJS's cosmological scale is not supported)", v)
			return false
		}
		return true
	case "day":
		hi = 31
	}
	if v < lo || v > hi {
		ps.atLine(line, col, field, "%s %d out of range %d..%d", part, v, lo, hi)
		return false
	}
	return true
}

// builder makes the dataset's events from the slides as the readers give them (add), one
// event at a time, and its lanes and ids at the end (finish): no slide is kept, and once the
// file has a problem no more events are made and those made are dropped, the rest of the
// file being read only for its problems. A 10 MB spreadsheet of 400,000 tiny rows kept a
// 272-byte slide and then a 352-byte event per row (4.3 s, 575 MB).
type builder struct {
	ps       *problems
	size     int              // the file's size in bytes
	limit    int              // the most events the file may hold (maxEvents)
	n, nEras int              // slides given, and of them eras
	events   []timeline.Event // nil once the file is refused
	eras     []timeline.Event // the eras' events, after the others in the dataset
	want     int              // the events' capacity, made at the first event
	refused  bool             // the file has a problem: no more events are made
	over     bool             // more slides than limit: the reader may stop
	// Lanes: the groups in order of first use (each by its plain text; "" is the default
	// lane), an event's LaneIndex being its group's index (-1: the eras lane) until finish.
	groups  []string
	groupOf map[string]int // a group as written -> index in groups
	plainOf map[string]int // a group's plain text -> index in groups
	dates   map[dateIn]parsed
	text    arena
	mores   []timeline.EventMore // made, not yet used (more)
}

// parsed is a date parsed once, with its EDTF text.
type parsed struct {
	date chrono.Date
	text string
	err  error
}

// maxEvents is the most events a TimelineJS file of size bytes may hold: 100,000 and one for
// every 32 bytes of the file. Each event takes about 400 bytes of memory (its struct and
// texts), so a file at the limit stays within 20 times its size plus 40 MB, the target of
// issue 13; the template's rows take 60 bytes and more, and TimelineJS itself shows a few
// hundred slides. A denser file (400,000 rows of "1917," and a newline in 2 MB) is refused.
func maxEvents(size int) int { return 100_000 + size/32 }

const tooMany = "more than %d events and eras: a TimelineJS file of %d bytes may hold 100,000 and one for every 32 bytes of the file, so that the memory it takes stays in proportion to it"

func newBuilder(ps *problems, size, want int) *builder {
	limit := maxEvents(size)
	return &builder{ps: ps, size: size, limit: limit, want: min(max(want, 16), limit),
		groupOf: map[string]int{}, plainOf: map[string]int{}, dates: map[dateIn]parsed{}}
}

// reset forgets the events (or the eras) given so far: a second "events" array replaces
// the first. Their problems stay.
func (b *builder) reset(eras bool) {
	if eras {
		b.n -= b.nEras
		b.nEras, b.eras = 0, b.eras[:0]
		return
	}
	b.n, b.events = b.nEras, b.events[:0]
	b.groups, b.groupOf, b.plainOf = nil, map[string]int{}, map[string]int{}
}

// refuse drops the events made: the file has a problem.
func (b *builder) refuse() { b.refused, b.events, b.eras = true, nil, nil }

// add makes s an event, or reports its problems.
func (b *builder) add(s slide) {
	b.n++
	if s.era {
		b.nEras++
	}
	if b.n > b.limit && !b.over {
		// Refused; the rest is still checked, so that the count of problems is all of them
		// (a spreadsheet's reader stops here instead: see ps.dropped).
		b.ps.atSpot(s.where, s.field, tooMany, b.limit, b.size)
		b.over = true
		b.refuse()
	}
	if !s.start.present {
		b.ps.atSpot(s.where, s.start.field, missingStart)
		b.refuse()
		return
	}
	start, end, ok := b.checkDates(s)
	if !ok || len(b.ps.list) > 0 {
		b.refuse()
	}
	if b.refused {
		return
	}
	if s.era {
		b.eras = append(b.eras, b.event(s, -1, start, end))
		return
	}
	lane, ok := b.group(s)
	if !ok {
		b.refuse()
		return
	}
	if b.events == nil {
		b.events = make([]timeline.Event, 0, b.want)
	}
	b.events = append(b.events, b.event(s, lane, start, end))
}

// maxGroups is the most groups (lanes) a TimelineJS file may have: 392,000 rows each of its
// own group took 2.3 s and 276 MB, and a timeline of thousands of lanes cannot be read.
const maxGroups = 1000

// event is the event of a slide whose dates are good; its ID is the slide's unique_id until
// finish.
func (b *builder) event(s slide, lane int, start, end parsed) timeline.Event {
	e := timeline.Event{
		ID:        b.text.keep(strings.TrimSpace(s.uniqueID)),
		Title:     b.text.keep(PlainText(s.headline)),
		LaneIndex: lane,
		StartDate: start.date, // its text, start.text, is its canonical form (Event.Start)
		EndDate:   end.date,
	}
	if e.Title == "" {
		e.Title = "(untitled)"
	}
	if desc, display := PlainText(s.text), PlainText(s.display); desc != "" || display != "" || s.media != nil {
		e.More = b.more()
		e.More.Description, e.More.DisplayDate = b.text.keep(desc), b.text.keep(display)
		if s.media != nil {
			e.More.Media = []timeline.Media{*s.media}
		}
	}
	return e
}

// more returns a new EventMore, from blocks of 256 (one allocation each took more time).
func (b *builder) more() *timeline.EventMore {
	if len(b.mores) == 0 {
		b.mores = make([]timeline.EventMore, 256)
	}
	m := &b.mores[0]
	b.mores = b.mores[1:]
	return m
}

// group returns the index in b.groups of the lane of a slide's group; false, with a
// problem, for a group past maxGroups.
func (b *builder) group(s slide) (int, bool) {
	raw := s.group
	if i, ok := b.groupOf[raw]; ok {
		return i, true
	}
	g := strings.TrimSpace(PlainText(raw))
	i, ok := b.plainOf[g]
	if !ok {
		if len(b.groups) == maxGroups {
			field := s.field.dot("group")
			if s.field.list == "" { // a spreadsheet's row
				field = path{list: "Group", i: -1}
			}
			b.ps.atSpot(s.where, field, "%s would be group %d: a TimelineJS timeline may have at most %d groups (each a lane)", format.Quote(g), maxGroups+1, maxGroups)
			return 0, false
		}
		i = len(b.groups)
		b.groups = append(b.groups, strings.Clone(g))
		b.plainOf[b.groups[i]] = i
	}
	b.groupOf[strings.Clone(raw)] = i
	return i, true
}

// parse parses a date, once for each date written alike.
func (b *builder) parse(d dateIn) parsed {
	key := dateIn{year: d.year, month: d.month, day: d.day, hasMonth: d.hasMonth, hasDay: d.hasDay}
	if p, ok := b.dates[key]; ok {
		return p
	}
	var p parsed
	p.date, p.err = chrono.Parse(d.edtf())
	if p.err == nil {
		p.text = p.date.String()
	}
	if len(b.dates) < 1<<14 {
		b.dates[key] = p
	}
	return p
}

// checkDates parses a slide's dates, reporting their problems; end is the zero parsed when
// the slide has none. ok is false after a problem.
func (b *builder) checkDates(s slide) (start, end parsed, ok bool) {
	ok = true
	switch {
	case s.start.bad:
		ok = false
	default:
		start = b.parse(s.start)
		if start.err != nil {
			b.ps.atSpot(s.start.where, s.start.field, "%v", start.err)
			ok = false
		}
	}
	if s.end.present && !s.end.bad {
		d := b.parse(s.end)
		switch {
		case d.err != nil:
			b.ps.atSpot(s.end.where, s.end.field, "%v", d.err)
			ok = false
		case ok && d.date.Latest() < start.date.Earliest():
			b.ps.atSpot(s.end.where, s.end.field, "ends (%s) before it starts (%s)", d.text, start.text)
			ok = false
		default:
			end = d
		}
	} else if s.era && !s.end.present {
		b.ps.atSpot(s.where, s.end.field, "missing (an era needs an end date)")
		ok = false
	}
	return start, end, ok
}

// finish returns the dataset (nil when the file has a problem): its lanes (the eras lane
// first, then the groups in order of first use) and the events' ids.
func (b *builder) finish(ctx context.Context, path, title string) *timeline.Dataset {
	if len(b.ps.list) > 0 || b.refused || ctx.Err() != nil {
		return nil
	}
	d := &timeline.Dataset{
		Format:  timeline.FormatV1,
		Title:   strings.Clone(PlainText(title)),
		Lanes:   []timeline.Lane{},
		Sources: []timeline.Source{},
		Path:    path,
		Events:  append(b.events, b.eras...), // the slice was made for both ("start_date" counted)
	}
	if d.Title == "" {
		base := filepath.Base(path)
		d.Title = strings.TrimSuffix(base, filepath.Ext(base))
	}
	if d.Events == nil {
		d.Events = []timeline.Event{}
	}
	usedIDs := map[string]bool{}
	addLane := func(id, title string) {
		base := id
		for n := 2; usedIDs[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		usedIDs[id] = true
		d.Lanes = append(d.Lanes, timeline.Lane{ID: id, Title: title})
	}
	first := 0 // the lane index of groups[0]
	if len(b.eras) > 0 {
		addLane(ErasLane, "Eras")
		first = 1
	}
	groupNo := 0
	for _, g := range b.groups {
		if g == "" {
			addLane(DefaultLane, "Events")
			continue
		}
		groupNo++
		id := slug(g)
		if id == "" {
			id = "group-" + strconv.Itoa(groupNo)
		}
		addLane(id, g)
	}
	b.eventIDs(d.Events)
	for i := range d.Events {
		if i&4095 == 0 && ctx.Err() != nil {
			return nil
		}
		e := &d.Events[i]
		if e.LaneIndex < 0 {
			e.LaneIndex = 0
		} else {
			e.LaneIndex += first
		}
		e.Lane = d.Lanes[e.LaneIndex].ID
	}
	return d
}

const missingStart = "missing (a start date with at least a year is required)"

// eventIDs gives each event its id: its unique_id (in ID) when given and not repeated, else
// event-N / era-N, N counting the events or the eras, which no unique_id of the file takes.
// An era's LaneIndex is still -1.
func (b *builder) eventIDs(events []timeline.Event) {
	taken := map[string]bool{}
	for i := range events {
		if id := events[i].ID; id != "" {
			taken[id] = true
		}
	}
	seen := map[string]bool{}
	nEvent, nEra := 0, 0
	var num []byte
	for i := range events {
		e := &events[i]
		prefix := "event-"
		n := &nEvent
		if e.LaneIndex < 0 {
			prefix, n = "era-", &nEra
		}
		*n++
		id := e.ID
		if id == "" || seen[id] {
			num = strconv.AppendInt(append(num[:0], prefix...), int64(*n), 10)
			id = b.text.keepBytes(num)
			for k := 2; taken[id] || seen[id]; k++ {
				id = prefix + strconv.Itoa(*n) + "-" + strconv.Itoa(k)
			}
		}
		if len(taken) > 0 {
			seen[id] = true // without unique_ids, event-N and era-N cannot meet
		}
		e.ID = id
	}
}

// arena keeps the texts of the events made, packed in blocks of 64 KiB: one allocation per
// text, and the record of the file it was cut from kept alive, took more memory than the text.
type arena struct{ block []byte }

func (a *arena) keep(s string) string {
	if s == "" {
		return ""
	}
	if len(s) > 1024 {
		return strings.Clone(s)
	}
	if cap(a.block)-len(a.block) < len(s) {
		a.block = make([]byte, 0, 64<<10)
	}
	n := len(a.block)
	a.block = append(a.block, s...) // within the block's capacity: earlier texts stay put
	return unsafe.String(&a.block[n], len(s))
}

func (a *arena) keepBytes(b []byte) string { return a.keep(unsafe.String(unsafe.SliceData(b), len(b))) }

// slug makes a lane id ([a-z0-9-]+) from a group name: ASCII letters and digits are kept
// (lower-cased), every other run of characters becomes one '-'.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	out := b.String()
	if len(out) > 40 {
		out = strings.TrimRight(out[:40], "-")
	}
	return out
}
