// Package timelinejs imports timelines made for Knight Lab's TimelineJS: its JSON format
// (title, events and eras, each with start_date/end_date objects) and its Google spreadsheet
// template saved as CSV (columns Year, Month, Day, Time, End Year, …, Headline, Text, Media,
// Media Credit, Media Caption, Media Thumbnail, Type, Group, Background).
//
// The mapping onto the timeline/1 model: groups become lanes in order of first use (ungrouped
// events go to a lane "events" titled "Events", eras to a lane "eras"); the headline becomes the
// title and the text the description, both as plain text (HTML tags removed, entities decoded);
// dates become EDTF at the precision given (a year alone is "1917", negative years are
// astronomical as in JavaScript: -500 is "-0500"); times of day are dropped; media keep url,
// caption and credit. Event ids come from unique_id, else "event-1", "event-2", … in file order.
// Imported timelines have no sources and no excerpts.
//
// Every problem in a file is reported at once, in the *format.ErrorList that format.Load
// also returns (each `FILE:LINE:COL: field: message`), and a file with any problem yields no
// dataset.
package timelinejs

import (
	"fmt"
	"sort"
	"unicode/utf8"
	"unsafe"

	"trotskytimeline/timeline/format"
)

// MaxSize is the largest file the importers read, in bytes.
const MaxSize = 32 << 20

// problems collects the problems of one file.
type problems struct {
	file  string
	data  []byte
	lines *format.Lines // positions in data
	list  []*format.Error
	extra int // problems beyond format.MaxProblems
	// dropped: once the file was refused for sure, parts of it were no longer kept for
	// the checks that look at all of them, so extra is a lower bound.
	dropped bool
}

// setData sets the bytes positions refer to (the file after its byte order mark).
func (ps *problems) setData(data []byte) { ps.data, ps.lines = data, nil }

// pos returns the positions of the data, made on first use.
func (ps *problems) pos() *format.Lines {
	if ps.lines == nil {
		ps.lines = format.NewLines(unsafe.String(unsafe.SliceData(ps.data), len(ps.data)))
	}
	return ps.lines
}

// full counts one more problem and reports whether the list has no room for it.
func (ps *problems) full() bool {
	if len(ps.list) >= format.MaxProblems {
		ps.extra++
		return true
	}
	return false
}

// at records a problem at a byte offset of the file (negative: position unknown).
func (ps *problems) at(off int, field, msgFormat string, args ...any) {
	if ps.full() {
		return
	}
	line, col := 0, 0
	if off >= 0 {
		line, col = ps.lineCol(off)
	}
	ps.add(line, col, field, msgFormat, args...)
}

// atLine records a problem at a line and byte column (0: only the line is known, and the
// message points at its start; line 0: the file as a whole).
func (ps *problems) atLine(line, col int, field, msgFormat string, args ...any) {
	if ps.full() {
		return
	}
	ps.add(line, col, field, msgFormat, args...)
}

func (ps *problems) add(line, col int, field, msgFormat string, args ...any) {
	if line > 0 {
		col = max(col, 1) // FILE:LINE:COL always has a column
	}
	off := 0
	if o := ps.pos().Offset(line, col); o >= 0 {
		off = o
		_, col = ps.pos().Pos(off) // a column of characters, as everywhere
	}
	ps.list = append(ps.list, &format.Error{File: ps.file, Line: line, Col: col, Offset: off, Path: field, Msg: fmt.Sprintf(msgFormat, args...)})
}

// err returns the problems as a *format.ErrorList sorted by position, or nil.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	sort.SliceStable(ps.list, func(i, j int) bool {
		a, b := ps.list[i], ps.list[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return &format.ErrorList{Errors: ps.list, More: ps.extra, File: ps.file, AtLeast: ps.dropped && ps.extra > 0}
}

// lineCol converts a byte offset into a 1-based line and byte column (as encoding/csv
// gives them, and as slides keep them until a problem is reported).
func (ps *problems) lineCol(off int) (line, col int) {
	off = min(max(off, 0), len(ps.data))
	line, _ = ps.pos().Pos(off)
	return line, off - ps.pos().LineStart(line) + 1
}

// lineStart returns the byte offset where a 1-based line starts, or -1.
func (ps *problems) lineStart(line int) int { return ps.pos().LineStart(line) }

// checkInput refuses files that are too large or not UTF-8, and strips a byte order mark.
func checkInput(ps *problems, data []byte) ([]byte, bool) {
	if len(data) > MaxSize {
		ps.atLine(0, 0, "", "file is %d bytes; the limit is %d", len(data), MaxSize)
		return nil, false
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		ps.at(off, "", "invalid UTF-8 (save the file as UTF-8)")
		return nil, false
	}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		data = data[3:] // columns on line 1 then count from after the mark
	}
	return data, true
}
