package format

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is one problem found in a dataset file.
type Error struct {
	File string // the dataset's name as given to Parse or Load
	// Line and Col are 1-based; Col counts Unicode characters (not bytes) from the start
	// of the line, a tab counting as one. Both are 0 for a problem with the file as a
	// whole (too big, unreadable).
	Line, Col int
	Offset    int    // byte offset of the offending value in the file
	Path      string // the field, as in events[41].excerpts[0].quote; "" for the document
	Msg       string
}

// Error returns the problem as FILE:LINE:COL: field.path: message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Col))
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is the problems found in a dataset, in file order: at most MaxProblems of
// them, and More counts the rest. Parse, Load and LoadFS return it (as a *ErrorList)
// whenever a dataset is refused for its content, and so do the TimelineJS importers
// (package timelinejs).
type ErrorList struct {
	Errors []*Error
	More   int // problems found beyond Errors, not listed
	// AtLeast: More counts only some of the rest (past the cap, a loader may stop
	// looking for the problems between parts of the file: references, duplicates).
	AtLeast bool
	File    string // the file, for the line about More
}

// Lines returns one message per problem, then "FILE: N more problems not shown" when
// some were not kept.
func (l *ErrorList) Lines() []string {
	out := make([]string, 0, len(l.Errors)+1)
	for _, e := range l.Errors {
		out = append(out, e.Error())
	}
	if l.More > 0 {
		file := l.File
		if file == "" && len(l.Errors) > 0 {
			file = l.Errors[0].File
		}
		out = append(out, moreText(file, l.More, l.AtLeast))
	}
	return out
}

func moreText(file string, n int, atLeast bool) string {
	what := "problems"
	if n == 1 {
		what = "problem"
	}
	count := strconv.Itoa(n)
	if atLeast {
		count = "at least " + count
	}
	return file + ": " + count + " more " + what + " not shown"
}

// Error returns one problem per line (Lines).
func (l *ErrorList) Error() string { return strings.Join(l.Lines(), "\n") }

// Unwrap returns the problems, for errors.As and errors.Is.
func (l *ErrorList) Unwrap() []error {
	errs := make([]error, len(l.Errors))
	for i, e := range l.Errors {
		errs[i] = e
	}
	return errs
}

// seg is one step of a field path: a key, or an index when key is "".
type seg struct {
	key string
	idx int
}

func formatPath(p []seg) string {
	var b strings.Builder
	for i, s := range p {
		if s.key == "" {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.idx))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

// problem is an Error before its position is known: off < 0 means "find the value at
// path" (a problem found after decoding, see locate).
type problem struct {
	off  int
	path []seg
	msg  string
}

// Quote quotes a value for a message, as strconv.Quote, cut to its first 64 bytes (at a
// character boundary) followed by "…" when longer: a refused million-digit year or a 1 MB
// field name is not echoed in full.
func Quote(s string) string {
	const keep = 64
	if len(s) <= keep {
		return strconv.Quote(s)
	}
	cut := keep
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "…"
}

// MaxProblems is how many problems a refused file reports, in file order; the rest are
// counted (ErrorList.More). A file of a million bad events would otherwise keep and print
// millions of messages: a 4 MB one took 2.3 GB.
const MaxProblems = 200

// finish turns problems into an ErrorList sorted by position, with each line and column
// from one table of line positions (Lines). more counts problems beyond those kept.
func finish(name, src string, probs []problem, more int) *ErrorList {
	var unresolved []int
	for i := range probs {
		if probs[i].off < 0 {
			unresolved = append(unresolved, i)
		}
	}
	if len(unresolved) > 0 {
		locate(src, probs, unresolved)
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].off < probs[j].off })
	if len(probs) > MaxProblems {
		more += len(probs) - MaxProblems
		probs = probs[:MaxProblems]
	}
	l := &ErrorList{Errors: make([]*Error, len(probs)), More: more}
	lines := NewLines(src)
	for i, p := range probs {
		off := min(max(p.off, 0), len(src))
		line, col := lines.Pos(off)
		l.Errors[i] = &Error{
			File: name, Line: line, Col: col,
			Offset: off, Path: formatPath(p.path), Msg: p.msg,
		}
	}
	return l
}

// trie is a set of paths to locate, keyed by step.
type trie struct {
	kids map[seg]*trie
	want []int // indexes of problems whose path ends here
}

// locate finds the byte offset of the value at each unresolved problem's path by walking
// the (already validated) document again, descending only into the branches some path
// needs. The first occurrence of a duplicated key wins, as in decoding.
func locate(src string, probs []problem, idx []int) {
	root := &trie{}
	for _, i := range idx {
		t := root
		for _, s := range probs[i].path {
			if t.kids == nil {
				t.kids = map[seg]*trie{}
			}
			k := t.kids[s]
			if k == nil {
				k = &trie{}
				t.kids[s] = k
			}
			t = k
		}
		t.want = append(t.want, i)
		probs[i].off = 0
	}
	d := &decoder{s: src}
	defer func() { recover() }() // the document decoded once already; be safe regardless
	d.ws()
	d.walk(root, probs)
}

func (d *decoder) walk(t *trie, probs []problem) {
	for _, i := range t.want {
		probs[i].off = d.i
	}
	if len(t.kids) == 0 {
		d.skip()
		return
	}
	switch d.peek() {
	case '{':
		first := true
		d.i++
		d.depth++
		for {
			key, _, ok := d.nextKey(&first)
			if !ok {
				break
			}
			if k := t.kids[seg{key: key}]; k != nil {
				delete(t.kids, seg{key: key}) // the first occurrence only, as in decoding
				d.walk(k, probs)
			} else {
				d.skip()
			}
		}
		d.depth--
	case '[':
		first := true
		d.i++
		d.depth++
		for n := 0; d.nextElem(&first); n++ {
			if k := t.kids[seg{idx: n}]; k != nil {
				d.walk(k, probs)
			} else {
				d.skip()
			}
		}
		d.depth--
	default:
		d.skip()
	}
}
