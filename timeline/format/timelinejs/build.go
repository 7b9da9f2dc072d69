package timelinejs

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

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
	line, col        int    // where the date is
	field            string // how to name it in messages
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
	line, col  int
	field      string // "events[3]", "eras[0]", or "" for a spreadsheet row
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

// build maps the slides onto a dataset. It reports problems to ps and returns nil if there
// are any (including problems the readers reported before).
func build(ps *problems, path, title string, slides []slide) *timeline.Dataset {
	d := &timeline.Dataset{
		Format:  timeline.FormatV1,
		Title:   PlainText(title),
		Lanes:   []timeline.Lane{},
		Sources: []timeline.Source{},
		Path:    path,
	}
	if d.Title == "" {
		base := filepath.Base(path)
		d.Title = strings.TrimSuffix(base, filepath.Ext(base))
	}

	// Lanes: eras first, then groups in order of first use.
	laneOf := map[string]int{} // group name (or a reserved key) -> lane index
	usedIDs := map[string]bool{}
	addLane := func(key, id, title string) int {
		if i, ok := laneOf[key]; ok {
			return i
		}
		base := id
		for n := 2; usedIDs[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		usedIDs[id] = true
		d.Lanes = append(d.Lanes, timeline.Lane{ID: id, Title: title})
		laneOf[key] = len(d.Lanes) - 1
		return len(d.Lanes) - 1
	}
	for _, s := range slides {
		if s.era {
			addLane("\x00eras", ErasLane, "Eras")
			break
		}
	}
	groupNo := 0
	for _, s := range slides {
		if s.era {
			continue
		}
		g := strings.TrimSpace(PlainText(s.group))
		if g == "" {
			addLane("\x00default", DefaultLane, "Events")
			continue
		}
		if _, ok := laneOf[g]; !ok {
			groupNo++
			id := slug(g)
			if id == "" {
				id = "group-" + strconv.Itoa(groupNo)
			}
			addLane(g, id, g)
		}
	}

	// The dates first, for their problems: a file with any problem is refused, and no
	// event is made (a 2 MB file of empty events made 700,000 events of 424 bytes, only to
	// drop them). A file without problems has its dates parsed twice (a few ms for 100,000).
	for _, s := range slides {
		checkDates(ps, s)
	}
	if len(ps.list) > 0 {
		return nil
	}
	ids := eventIDs(slides)
	d.Events = make([]timeline.Event, 0, len(slides))
	for i, s := range slides {
		e := timeline.Event{
			ID:    ids[i],
			Title: PlainText(s.headline),
		}
		if desc, display := PlainText(s.text), PlainText(s.display); desc != "" || display != "" {
			e.More = &timeline.EventMore{Description: desc, DisplayDate: display}
		}
		if e.Title == "" {
			e.Title = "(untitled)"
		}
		if s.era {
			e.LaneIndex = laneOf["\x00eras"]
		} else if g := strings.TrimSpace(PlainText(s.group)); g != "" {
			e.LaneIndex = laneOf[g]
		} else {
			e.LaneIndex = laneOf["\x00default"]
		}
		e.Lane = d.Lanes[e.LaneIndex].ID
		if s.media != nil {
			e.WithMore().Media = []timeline.Media{*s.media}
		}
		e.StartDate, e.EndDate, _ = checkDates(nil, s)
		e.Start = e.StartDate.String()
		if e.EndDate != (chrono.Date{}) {
			e.End = e.EndDate.String()
		}
		d.Events = append(d.Events, e)
	}
	if len(ps.list) > 0 {
		return nil
	}
	return d
}

// keepSlide appends s to slides while the file may still be imported: once
// format.MaxProblems problems are found it is refused for sure, and the rest of its slides
// are read only to count their problems (the count is then "at least"). A slide without a
// start date is a problem said here, not when the events are made, so that a file of
// thousands of empty events fills the problems' list and stops being kept early.
func keepSlide(ps *problems, slides []slide, s slide) []slide {
	if !s.start.present {
		ps.atLine(s.line, s.col, s.start.field, missingStart)
		return slides
	}
	if len(ps.list) >= format.MaxProblems {
		ps.dropped = true
		return slides
	}
	if len(slides) == cap(slides) {
		// Doubled by hand: append grows a large slice by a quarter at a time, which
		// copied the slides (272 bytes each) five times over.
		grown := make([]slide, len(slides), max(2*cap(slides), 64))
		copy(grown, slides)
		slides = grown
	}
	return append(slides, s)
}

const missingStart = "missing (a start date with at least a year is required)"

// checkDates parses a slide's dates, reporting their problems to ps (nil: not reported).
// end is the zero Date when the slide has none; ok is false after a problem.
func checkDates(ps *problems, s slide) (start, end chrono.Date, ok bool) {
	report := func(line, col int, field, f string, args ...any) {
		if ps != nil {
			ps.atLine(line, col, field, f, args...)
		}
		ok = false
	}
	ok = true
	switch {
	case !s.start.present:
		report(s.line, s.col, s.start.field, missingStart)
	case s.start.bad:
		ok = false
	default:
		d, err := chrono.Parse(s.start.edtf())
		if err != nil {
			report(s.start.line, s.start.col, s.start.field, "%v", err)
		}
		start = d
	}
	if s.end.present && !s.end.bad {
		d, err := chrono.Parse(s.end.edtf())
		switch {
		case err != nil:
			report(s.end.line, s.end.col, s.end.field, "%v", err)
		case ok && d.Latest() < start.Earliest():
			report(s.end.line, s.end.col, s.end.field, "ends (%s) before it starts (%s)", d.String(), start.String())
		default:
			end = d
		}
	} else if s.era && !s.end.present {
		report(s.line, s.col, s.end.field, "missing (an era needs an end date)")
	}
	return start, end, ok
}

// eventIDs gives each slide its event id: unique_id when given and not repeated, else
// event-N / era-N.
func eventIDs(slides []slide) []string {
	taken := map[string]bool{}
	for _, s := range slides {
		if id := strings.TrimSpace(s.uniqueID); id != "" {
			taken[id] = true
		}
	}
	ids := make([]string, len(slides))
	seen := map[string]bool{}
	nEvent, nEra := 0, 0
	for i, s := range slides {
		prefix := "event-"
		n := &nEvent
		if s.era {
			prefix, n = "era-", &nEra
		}
		*n++
		id := strings.TrimSpace(s.uniqueID)
		if id == "" || seen[id] {
			id = prefix + strconv.Itoa(*n)
			for k := 2; taken[id] || seen[id]; k++ {
				id = prefix + strconv.Itoa(*n) + "-" + strconv.Itoa(k)
			}
		}
		seen[id] = true
		ids[i] = id
	}
	return ids
}

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
