package format

import "strings"

// Lines turns byte offsets of one file into 1-based lines and columns, the one place the
// program does so (the timeline/1 decoder and the TimelineJS importers both use it).
//
// A column counts characters from the start of the line: every byte that does not
// continue a UTF-8 sequence is one (so a valid file's columns count runes, a tab counts as
// one, and an invalid byte counts as one). The table holds the line and column at every
// 1 KiB of the file, computed once, in one pass, as far as the largest offset asked for;
// a position costs at most 1 KiB of counting from the mark before it. Counting from the
// line's start instead made a minified (one-line) file with many problems quadratic:
// 40,000 problems on a 120 KB line took 16-31 s.
type Lines struct {
	src   string
	marks []mark // marks[b] is the position of byte b*lineBlock
	next  int    // bytes before next have their marks
	line  int32  // position at next
	col   int32
}

type mark struct{ line, col int32 } // col counts characters before the byte, 0-based

const lineBlock = 1024

// NewLines returns the positions of src. It costs nothing until a position is asked for.
func NewLines(src string) *Lines { return &Lines{src: src, line: 1} }

// chars counts the characters of s: the bytes that do not continue a UTF-8 sequence.
func chars(s string) int32 {
	n := int32(len(s))
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// extend makes the marks of every block up to and including block b (or the end).
func (l *Lines) extend(b int) {
	for len(l.marks) <= b && l.next <= len(l.src) {
		l.marks = append(l.marks, mark{l.line, l.col})
		end := min(l.next+lineBlock, len(l.src))
		chunk := l.src[l.next:end]
		if k := strings.Count(chunk, "\n"); k > 0 {
			l.line += int32(k)
			l.col = chars(chunk[strings.LastIndexByte(chunk, '\n')+1:])
		} else {
			l.col += chars(chunk)
		}
		l.next += lineBlock
	}
}

// Pos returns the 1-based line and column of byte offset off (clamped to the text).
func (l *Lines) Pos(off int) (line, col int) {
	off = min(max(off, 0), len(l.src))
	b := off / lineBlock
	l.extend(b)
	m := l.marks[b]
	chunk := l.src[b*lineBlock : off]
	if k := strings.Count(chunk, "\n"); k > 0 {
		return int(m.line) + k, int(chars(chunk[strings.LastIndexByte(chunk, '\n')+1:])) + 1
	}
	return int(m.line), int(m.col+chars(chunk)) + 1
}

// LineStart returns the byte offset where 1-based line starts, or -1 when the text has
// no such line.
func (l *Lines) LineStart(line int) int {
	if line < 1 {
		return -1
	}
	if line == 1 {
		return 0
	}
	// The last block starting on an earlier line holds the line's start.
	for (len(l.marks) == 0 || int(l.marks[len(l.marks)-1].line) < line) && l.next <= len(l.src) {
		l.extend(len(l.marks))
	}
	lo, hi := 0, len(l.marks) // find the first block whose mark is on line or later
	for lo < hi {
		mid := (lo + hi) / 2
		if int(l.marks[mid].line) < line {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	b := lo - 1 // marks[b].line < line
	off := b * lineBlock
	for n := line - int(l.marks[b].line); n > 0; n-- {
		j := strings.IndexByte(l.src[off:], '\n')
		if j < 0 {
			return -1
		}
		off += j + 1
	}
	return off
}

// Offset returns the byte offset of a 1-based line and byte column (as encoding/csv
// reports them), clamped to the text; -1 when the text has no such line.
func (l *Lines) Offset(line, byteCol int) int {
	start := l.LineStart(line)
	if start < 0 {
		return -1
	}
	return min(start+max(byteCol, 1)-1, len(l.src))
}
