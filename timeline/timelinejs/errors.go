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
// Every problem in a file is reported at once, in the *timeline.ErrorList that timeline.Load
// also returns (each `FILE:LINE:COL: field: message`), and a file with any problem yields no
// dataset.
package timelinejs

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"

	"trotskytimeline/timeline"
)

// MaxSize is the largest file the importers read, in bytes.
const MaxSize = 32 << 20

// maxProblems caps how many problems one file reports.
const maxProblems = 200

// problems collects the problems of one file.
type problems struct {
	file  string
	data  []byte
	list  []*timeline.Error
	extra int // problems beyond maxProblems
}

// at records a problem at a byte offset of the file (negative: position unknown).
func (ps *problems) at(off int, field, format string, args ...any) {
	line, col := 0, 0
	if off >= 0 {
		line, col = lineCol(ps.data, off)
	}
	ps.atLine(line, col, field, format, args...)
}

// atLine records a problem at a line and byte column (0: only the line is known, and the
// message points at its start; line 0: the file as a whole).
func (ps *problems) atLine(line, col int, field, format string, args ...any) {
	if len(ps.list) >= maxProblems {
		ps.extra++
		return
	}
	if line > 0 {
		col = max(col, 1) // FILE:LINE:COL always has a column
	}
	off := max(byteOffset(ps.data, line, col), 0)
	col = charCol(ps.data, line, col)
	ps.list = append(ps.list, &timeline.Error{File: ps.file, Line: line, Col: col, Offset: off, Path: field, Msg: fmt.Sprintf(format, args...)})
}

// err returns the problems as a *timeline.ErrorList sorted by position, or nil.
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
	if ps.extra > 0 {
		ps.list = append(ps.list, &timeline.Error{File: ps.file, Msg: fmt.Sprintf("%d more problems not shown", ps.extra)})
	}
	return &timeline.ErrorList{Errors: ps.list}
}

// lineCol converts a byte offset into a 1-based line and byte column.
func lineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return bytes.Count(data[:off], []byte{'\n'}) + 1, off - start + 1
}

// lineStart returns the byte offset where a 1-based line starts, or -1.
func lineStart(data []byte, line int) int {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return -1
		}
		start += i + 1
	}
	return start
}

// byteOffset converts a line and byte column into a byte offset, or -1 when unknown.
func byteOffset(data []byte, line, col int) int {
	if line <= 0 {
		return -1
	}
	start := lineStart(data, line)
	if start < 0 {
		return -1
	}
	return min(start+max(col, 1)-1, len(data))
}

// charCol converts a 1-based byte column of a line into a column counted in characters.
func charCol(data []byte, line, col int) int {
	if line <= 0 || col <= 1 {
		return col
	}
	start := lineStart(data, line)
	if start < 0 {
		return col
	}
	end := min(start+col-1, len(data))
	return utf8.RuneCount(data[start:end]) + 1
}

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
