package format

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// The decoder is a single-pass JSON reader written for this format (see decode.go): it
// lexes the document once, straight into the model's structs, with the byte offset of
// every token at hand. Problems found while reading (syntax, types, unknown or duplicated
// fields, bad dates, ids, colours) are recorded with their offset on the spot; problems
// found afterwards (references, duplicate ids, quotes) carry their field path and are
// located by a second, targeted walk (locate) that runs only when there are such problems.
// Line and column are computed from offsets only when the dataset is refused.
//
// Why not encoding/json: it stops at the first error, cannot name the position of a
// semantic problem, and DisallowUnknownFields reports one unknown field; a fast path with
// encoding/json plus a positional slow path would mean two decoders to keep in step.
// This one loads the 1M-event benchmark file (100 MB) in 0.53-1.3 s on the 2-core
// machine shared with other work (BenchmarkLoad in load_bench_test.go has the numbers),
// with 24 allocations in all: the cost is the reading itself, the 312-byte Event structs
// and the duplicate-id table, not the positions.
//
// Strings without escapes are substrings of the document, not copies: a loaded dataset
// keeps its file's text alive, which costs nothing extra for datasets whose bytes are
// mostly strings and saves an allocation per field.

// syntaxError is panicked by fail and recovered by decode: the document cannot be read
// past a syntax error.
type syntaxError struct{}

// canceled is panicked when the decoder's context is done, and recovered by decode.
type canceled struct{}

type decoder struct {
	ctx     context.Context // checked every 4096 objects
	objs    int
	s       string
	i       int
	depth   int
	path    []seg
	probs   []problem // at most MaxProblems
	more    int       // problems beyond MaxProblems, counted only
	dropped bool      // elements were read into a spare, not kept: their late problems are not counted
	newer   bool      // the "format" is a newer major version of ours
	buf     []byte
	seen    [MaxDepth + 1]seen // decodeObject's record of the object at each depth

	// The text the dataset keeps is copied out of the file (keep, intern), so that the
	// file's bytes are not kept alive by the strings that point into them: arena is the
	// block being filled, arenaNext the size of the next, and names the interned strings.
	arena     []byte
	arenaNext int
	names     [256]string
}

// keep returns a copy of s, a string of the file the dataset keeps, packed with the others
// in blocks of up to 1 MiB (a string each would cost an allocation's header; the file itself
// is three times the text kept: 97 MB for a million events). Once the file is refused
// nothing is kept, and s is returned as it is.
func (d *decoder) keep(s string) string {
	const alone = 4 << 10 // longer strings get an allocation of their own
	switch {
	case s == "":
		return "" // not s, whose pointer may still be into the file
	case d.refused():
		return s
	case len(s) > alone:
		return strings.Clone(s)
	}
	if cap(d.arena)-len(d.arena) < len(s) {
		d.arenaNext = min(max(2*d.arenaNext, 4<<10), 1<<20)
		d.arena = make([]byte, 0, d.arenaNext)
	}
	n := len(d.arena)
	d.arena = append(d.arena, s...) // within the block's capacity: earlier strings stay put
	return unsafe.String(&d.arena[n], len(s))
}

// intern is keep for a string that many objects repeat from a small set (an event's lane,
// calendar or place, a source's id in an excerpt, a language tag, a place id, a tag): the
// same text is kept once, found again through a direct-mapped table of 256 strings (4 KB,
// which stays in the cache) by hash; a miss only keeps a second copy. Dates are kept with
// keep: a million events have tens of thousands of them, which a table this small would
// miss and a table large enough made loading slower (a cache miss a date) for 10 bytes each.
func (d *decoder) intern(s string) string {
	if s == "" || len(s) > 64 || d.refused() {
		return d.keep(s)
	}
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	slot := &d.names[h%uint32(len(d.names))]
	if *slot != s {
		*slot = d.keep(s)
	}
	return *slot
}

// refused reports whether the file has as many problems as are listed: it will be refused,
// and what is read from now on is only checked, not kept.
func (d *decoder) refused() bool { return len(d.probs) >= MaxProblems }

// full counts a problem past the cap and reports true, or reports false when the problem
// will be kept: call sites check it before building a message.
func (d *decoder) full() bool {
	if d.refused() {
		d.more++
		return true
	}
	return false
}

// errAt records a problem at byte offset off for the current path.
func (d *decoder) errAt(off int, msg string) {
	if len(d.probs) >= MaxProblems {
		d.more++
		return
	}
	d.probs = append(d.probs, problem{off: off, path: append([]seg(nil), d.path...), msg: msg})
}

// formatProblem records a problem with the "format" value, past the cap if need be: when
// the format is a newer one of ours, it is the only problem reported.
func (d *decoder) formatProblem(off int, msg string, newer bool) {
	d.probs = append(d.probs, problem{off: off, path: append([]seg(nil), d.path...), msg: msg})
	d.newer = d.newer || newer
}

// fail records a syntax error at off and abandons the document.
func (d *decoder) fail(off int, msg string) {
	// Past the cap too: it says why the rest of the file was not read.
	d.probs = append(d.probs, problem{off: off, path: append([]seg(nil), d.path...), msg: msg})
	panic(syntaxError{})
}

func (d *decoder) push(key string) { d.path = append(d.path, seg{key: key}) }
func (d *decoder) pushIdx(n int)   { d.path = append(d.path, seg{idx: n}) }
func (d *decoder) pop()            { d.path = d.path[:len(d.path)-1] }

func (d *decoder) ws() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\n', '\t', '\r':
			d.i++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, 0 at the end.
func (d *decoder) peek() byte {
	d.ws()
	if d.i >= len(d.s) {
		return 0
	}
	return d.s[d.i]
}

// enter consumes the '{' or '[' at d.i, refusing documents nested deeper than MaxDepth.
func (d *decoder) enter() {
	d.depth++
	if d.depth > MaxDepth {
		d.fail(d.i, "nested deeper than "+strconv.Itoa(MaxDepth)+" levels")
	}
	d.i++
}

// nextKey reads the next field name of an object whose '{' was consumed, and the colon
// after it; ok is false at the closing '}' (consumed). keyOff is the name's offset.
func (d *decoder) nextKey(first *bool) (key string, keyOff int, ok bool) {
	c := d.peek()
	if *first {
		*first = false
		if c == '}' {
			d.i++
			return "", 0, false
		}
	} else {
		switch c {
		case '}':
			d.i++
			return "", 0, false
		case ',':
			d.i++
			c = d.peek()
		default:
			d.fail(d.i, "expected , or } after a field, found "+d.describe())
		}
	}
	if c != '"' {
		d.fail(d.i, "expected a field name, found "+d.describe())
	}
	keyOff = d.i
	key = d.str()
	if d.peek() != ':' {
		d.fail(d.i, "expected : after a field name, found "+d.describe())
	}
	d.i++
	d.ws()
	return key, keyOff, true
}

// nextElem moves to the next element of an array whose '[' was consumed; false at the
// closing ']' (consumed).
func (d *decoder) nextElem(first *bool) bool {
	c := d.peek()
	if *first {
		*first = false
		if c == ']' {
			d.i++
			return false
		}
		return true
	}
	switch c {
	case ']':
		d.i++
		return false
	case ',':
		d.i++
		if d.peek() == ']' {
			d.fail(d.i, "expected a value after ',', found ]")
		}
		return true
	}
	d.fail(d.i, "expected , or ] after an element, found "+d.describe())
	return false
}

// describe names the token at d.i for a message.
func (d *decoder) describe() string {
	if d.i >= len(d.s) {
		return "the end of the file"
	}
	switch c := d.s[d.i]; {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || c >= '0' && c <= '9':
		return "a number"
	case c < utf8.RuneSelf:
		return strconv.QuoteRune(rune(c))
	default:
		r, size := utf8.DecodeRuneInString(d.s[d.i:])
		if r == utf8.RuneError && size <= 1 {
			return "invalid UTF-8"
		}
		return strconv.QuoteRune(r)
	}
}

// plain marks the bytes a string can hold without a closer look.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads the string at d.i (which is '"'). Invalid UTF-8 is recorded, not fatal.
func (d *decoder) str() string {
	start := d.i + 1
	j := start
	s := d.s
	bad := false
	for {
		for j < len(s) && plain[s[j]] {
			j++
		}
		if j >= len(s) {
			d.fail(d.i, "unterminated string")
		}
		switch c := s[j]; {
		case c == '"':
			d.i = j + 1
			return s[start:j]
		case c == '\\':
			return d.strSlow(start, j)
		case c < 0x20:
			d.fail(j, "control character "+strconv.QuoteRune(rune(c))+" in a string (escape it)")
		default:
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError && size <= 1 && !bad {
				bad = true
				d.errAt(j, "invalid UTF-8 in a string")
			}
			j += size
		}
	}
}

// strSlow finishes a string that has escapes; j is the first backslash.
func (d *decoder) strSlow(start, j int) string {
	s := d.s
	b := append(d.buf[:0], s[start:j]...)
	bad := false
	for {
		if j >= len(s) {
			d.fail(d.i, "unterminated string")
		}
		c := s[j]
		switch {
		case c == '"':
			d.i = j + 1
			d.buf = b
			return string(b)
		case c == '\\':
			if j+1 >= len(s) {
				d.fail(d.i, "unterminated string")
			}
			e := s[j+1]
			j += 2
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := d.hex4(j)
				if !ok {
					d.fail(j-2, `invalid \u escape`)
				}
				j += 4
				if r >= 0xD800 && r < 0xDC00 {
					if j+6 <= len(s) && s[j] == '\\' && s[j+1] == 'u' {
						if r2, ok := d.hex4(j + 2); ok && r2 >= 0xDC00 && r2 < 0xE000 {
							r = 0x10000 + (r-0xD800)<<10 + (r2 - 0xDC00)
							j += 6
							b = utf8.AppendRune(b, r)
							continue
						}
					}
					d.errAt(j-6, `\u escape of a lone surrogate`)
					r = utf8.RuneError
				} else if r >= 0xDC00 && r < 0xE000 {
					d.errAt(j-6, `\u escape of a lone surrogate`)
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
			default:
				d.fail(j-2, "invalid escape "+s[j-2:j]+" in a string")
			}
		case c < 0x20:
			d.fail(j, "control character "+strconv.QuoteRune(rune(c))+" in a string (escape it)")
		case c < utf8.RuneSelf:
			b = append(b, c)
			j++
		default:
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError && size <= 1 && !bad {
				bad = true
				d.errAt(j, "invalid UTF-8 in a string")
			}
			b = append(b, s[j:j+size]...)
			j += size
		}
	}
}

func (d *decoder) hex4(j int) (rune, bool) {
	if j+4 > len(d.s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(d.s[j : j+4]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// skip reads and discards the value at d.i.
func (d *decoder) skip() {
	switch c := d.peek(); {
	case c == '{':
		d.enter()
		first := true
		for {
			if _, _, ok := d.nextKey(&first); !ok {
				break
			}
			d.skip()
		}
		d.depth--
	case c == '[':
		d.enter()
		first := true
		for d.nextElem(&first) {
			d.skip()
		}
		d.depth--
	case c == '"':
		d.str()
	case c == 't':
		d.literal("true")
	case c == 'f':
		d.literal("false")
	case c == 'n':
		d.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		d.number()
	default:
		d.fail(d.i, "expected a value, found "+d.describe())
	}
}

func (d *decoder) literal(lit string) {
	if len(d.s)-d.i < len(lit) || d.s[d.i:d.i+len(lit)] != lit {
		d.fail(d.i, "invalid literal (expected "+lit+")")
	}
	d.i += len(lit)
}

// number reads a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *decoder) number() {
	s, j := d.s, d.i
	digits := func() bool {
		k := j
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j > k
	}
	if j < len(s) && s[j] == '-' {
		j++
	}
	switch {
	case j < len(s) && s[j] == '0':
		j++
	case !digits():
		d.fail(d.i, "invalid number")
	}
	if j < len(s) && s[j] == '.' {
		j++
		if !digits() {
			d.fail(d.i, "invalid number")
		}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		j++
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if !digits() {
			d.fail(d.i, "invalid number")
		}
	}
	d.i = j
}

// wantString reads a string value; for another kind it records a type error, skips the
// value and returns ok false.
func (d *decoder) wantString() (s string, off int, ok bool) {
	off = d.i
	if d.peek() == '"' {
		return d.str(), off, true
	}
	if !d.full() { // no message built past the cap
		d.errAt(off, "expected a string, found "+d.describe())
	}
	d.skip()
	return "", off, false
}

// wantOpen consumes '{' or '[' (open) when present; for another kind it records a type
// error, skips the value and returns false.
func (d *decoder) wantOpen(open byte) bool {
	if d.peek() == open {
		d.enter()
		return true
	}
	what := "an object"
	if open == '[' {
		what = "an array"
	}
	if !d.full() { // no message built past the cap
		d.errAt(d.i, "expected "+what+", found "+d.describe())
	}
	d.skip()
	return false
}
