package timelinejs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// node is one JSON value with the byte offset where it starts, so that problems can name
// their line and column.
//
// A node is 32 bytes, and an object or array with members has a second part (it was 112
// bytes with both inline): a file of empty objects, 3 bytes each, makes one node per 3 bytes.
type node struct {
	at   int32    // byte offset (files are at most MaxSize)
	kind byte     // 'o' object, 'a' array, 's' string, 'n' number, 't' true, 'f' false, 'z' null
	str  string   // string value, or the number's text
	c    *members // an object's or array's members; nil when it has none
}

// members are an object's names and values, or an array's elements.
type members struct {
	keys []string // an object's member names
	kids []*node  // an object's member values, parallel to keys, or an array's elements
}

// keptKeys are the members the importer reads, of the top-level object, a slide, a date, a
// text and a media object; when parseTree prunes, no other member is kept.
var keptKeys = map[string]bool{
	"events": true, "eras": true, "title": true, "scale": true,
	"start_date": true, "end_date": true, "text": true, "group": true, "unique_id": true,
	"display_date": true, "media": true, "year": true, "month": true, "day": true,
	"headline": true, "url": true, "caption": true, "credit": true,
}

// add adds a member; with once (when pruning) only the last member of a name is kept, in
// the place of the first: the one get finds.
func (m *members) add(k string, v *node, once bool) {
	if once {
		for i, have := range m.keys {
			if have == k {
				m.kids[i] = v
				return
			}
		}
	}
	m.keys = append(m.keys, k)
	m.kids = append(m.kids, v)
}

// off is the byte offset where the value starts.
func (n *node) off() int { return int(n.at) }

// keys are an object's member names.
func (n *node) keys() []string {
	if n.c == nil {
		return nil
	}
	return n.c.keys
}

// kids are an object's member values or an array's elements.
func (n *node) kids() []*node {
	if n.c == nil {
		return nil
	}
	return n.c.kids
}

// get returns the member named key of an object (the last one if repeated), or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != 'o' {
		return nil
	}
	var v *node
	for i, k := range n.keys() {
		if k == key {
			v = n.c.kids[i]
		}
	}
	return v
}

// kindName names a JSON kind for messages.
func kindName(k byte) string {
	switch k {
	case 'o':
		return "an object"
	case 'a':
		return "an array"
	case 's':
		return "a string"
	case 'n':
		return "a number"
	case 't', 'f':
		return "true or false"
	}
	return "null"
}

// maxDepth bounds nesting, so that hostile input cannot exhaust the stack.
const maxDepth = 200

// parseTree parses data as one JSON value. On a syntax error it returns the byte offset of
// the error.
//
// When lists is not nil, it is asked for each member of the top-level object whether the
// member's array is streamed: its elements are then handed to the function it returns as
// they are read, instead of being kept in the tree, each element's tree being dropped
// once handed over (10 MB of "{}," made 3.5 million nodes); the function is called with
// i = -1 when such an array begins (a key may repeat: the last one counts). And then only
// what the importer reads is kept (prune): the members named in keptKeys, of an object
// the last of each name, and no element of an array but a streamed one's; the rest is
// read for its syntax only (10 MB of "0," in an array, or of unknown members, took
// 230-450 MB of nodes).
//
// The document is read by treeParser, which follows the JSON grammar (RFC 8259) as
// encoding/json does; encoding/json's Decoder.Token, which it replaces, allocated for
// every token and took 2.6 s of CPU for 10 MB of "{},". A file that is not JSON is then
// given to encoding/json for the message of its first error (syntaxError), so that both
// say the same; FuzzParseJSON checks that both read every input alike (checkTree).
func parseTree(ctx context.Context, data []byte, lists func(key string) func(i int, n *node)) (*node, int, error) {
	p := treeParser{ctx: ctx, s: string(data), lists: lists, prune: lists != nil}
	n, ok := p.value(0, nil)
	if ok {
		p.ws()
		if p.i < len(p.s) {
			return nil, p.i, errors.New("unexpected data after the top-level value")
		}
		return n, 0, nil
	}
	if p.err != nil { // canceled, or nested too deep
		return nil, p.i, p.err
	}
	off, err := syntaxError(data, p.i)
	return nil, off, err
}

// syntaxError returns where and what the first syntax error of data is, as encoding/json
// says it, the error treeParser found at off.
func syntaxError(data []byte, off int) (int, error) {
	err := json.Unmarshal(data, new(struct{})) // the document is checked whole before anything is decoded
	var se *json.SyntaxError
	switch {
	case off >= len(data), errors.Is(err, io.ErrUnexpectedEOF):
		return len(data), errors.New("unexpected end of file")
	case errors.As(err, &se) && se.Offset > 0 && int(se.Offset) <= len(data):
		return int(se.Offset) - 1, se // Offset counts the byte in error
	}
	return off, fmt.Errorf("invalid character %q", data[off])
}

// treeParser reads a JSON document into nodes. A method that returns false found a syntax
// error at p.i, or set err (canceled, nested too deep).
type treeParser struct {
	ctx   context.Context // checked every 4096 values
	count int
	s     string // the document
	i     int
	err   error
	lists func(key string) func(i int, n *node) // see parseTree
	// prune: keep only what the importer reads (see parseTree); skipping: the value being
	// read is not kept, and its nodes are scratch.
	prune, skipping bool
	scratch         node
	// The nodes of an element handed to a list are used again for the next (inEvent): an
	// event's tree made garbage took 390 bytes an event, and 10 MB of the smallest events
	// 270 MB of memory. used and usedM count the nodes and members in use.
	inEvent     bool
	nodes       []*node
	mems        []*members
	used, usedM int
}

// node returns a node for a value at offset at.
func (p *treeParser) node(at int) *node {
	if p.skipping {
		p.scratch = node{at: int32(at)}
		return &p.scratch
	}
	if !p.inEvent {
		return &node{at: int32(at)}
	}
	if p.used == len(p.nodes) {
		p.nodes = append(p.nodes, new(node))
	}
	n := p.nodes[p.used]
	p.used++
	*n = node{at: int32(at)}
	return n
}

// members returns the members of an object or array, empty.
func (p *treeParser) members() *members {
	if !p.inEvent {
		return new(members)
	}
	if p.usedM == len(p.mems) {
		p.mems = append(p.mems, new(members))
	}
	m := p.mems[p.usedM]
	p.usedM++
	m.keys, m.kids = m.keys[:0], m.kids[:0]
	return m
}

// ws skips white space.
func (p *treeParser) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

// value reads one value; each, when not nil, is given an array's elements instead of the
// node keeping them.
func (p *treeParser) value(depth int, each func(i int, n *node)) (*node, bool) {
	p.ws()
	if depth > maxDepth {
		p.err = fmt.Errorf("nested deeper than %d levels", maxDepth)
		return nil, false
	}
	if p.count++; p.count&4095 == 0 && p.ctx.Err() != nil {
		p.err = p.ctx.Err()
		return nil, false
	}
	if p.i >= len(p.s) {
		return nil, false
	}
	n := p.node(p.i)
	switch c := p.s[p.i]; c {
	case '{':
		n.kind = 'o'
		p.i++
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			return n, true
		}
		for {
			p.ws()
			k, ok := p.str()
			if !ok {
				return nil, false
			}
			p.ws()
			if p.i >= len(p.s) || p.s[p.i] != ':' {
				return nil, false
			}
			p.i++
			var elems func(int, *node)
			if depth == 0 && p.lists != nil && !p.skipping {
				elems = p.lists(k)
			}
			skip := p.prune && !p.skipping && !keptKeys[k]
			p.skipping = p.skipping || skip
			v, ok := p.value(depth+1, elems)
			if !ok {
				return nil, false
			}
			if skip {
				p.skipping = false
			} else if !p.skipping {
				if n.c == nil {
					n.c = p.members()
				}
				n.c.add(k, v, p.prune)
			}
			if more, ok := p.next('}'); !more {
				return n, ok
			}
		}
	case '[':
		n.kind = 'a'
		p.i++
		if each != nil {
			each(-1, nil)
		}
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			return n, true
		}
		skip := p.prune && !p.skipping && each == nil // no element is read
		p.skipping = p.skipping || skip
		for i := 0; ; i++ {
			if each != nil {
				p.inEvent = true
			}
			v, ok := p.value(depth+1, nil)
			if !ok {
				return nil, false
			}
			if each != nil {
				each(i, v)
				p.inEvent, p.used, p.usedM = false, 0, 0 // v is not used after
			} else if !p.skipping {
				if n.c == nil {
					n.c = p.members()
				}
				n.c.kids = append(n.c.kids, v)
			}
			if more, ok := p.next(']'); !more {
				if skip {
					p.skipping = false
				}
				return n, ok
			}
		}
	case '"':
		n.kind = 's'
		var ok bool
		if n.str, ok = p.str(); !ok {
			return nil, false
		}
	case 't':
		n.kind = 't'
		return n, p.literal("true")
	case 'f':
		n.kind = 'f'
		return n, p.literal("false")
	case 'n':
		n.kind = 'z'
		return n, p.literal("null")
	default:
		if c != '-' && (c < '0' || c > '9') {
			return nil, false
		}
		n.kind = 'n'
		start := p.i
		if !p.number() {
			return nil, false
		}
		n.str = p.s[start:p.i]
	}
	return n, true
}

// next reads what follows a member or an element: a comma (more: another follows) or
// close; ok is false at anything else, p.i at it.
func (p *treeParser) next(close byte) (more, ok bool) {
	p.ws()
	if p.i < len(p.s) {
		switch p.s[p.i] {
		case ',':
			p.i++
			return true, true
		case close:
			p.i++
			return false, true
		}
	}
	return false, false
}

// literal reads true, false or null.
func (p *treeParser) literal(lit string) bool {
	if !strings.HasPrefix(p.s[p.i:], lit) {
		for j := 0; j < len(lit) && p.i < len(p.s) && p.s[p.i] == lit[j]; j++ {
			p.i++
		}
		return false
	}
	p.i += len(lit)
	return true
}

// number reads a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *treeParser) number() bool {
	s := p.s
	if p.i < len(s) && s[p.i] == '-' {
		p.i++
	}
	digits := func() bool {
		start := p.i
		for p.i < len(s) && s[p.i] >= '0' && s[p.i] <= '9' {
			p.i++
		}
		return p.i > start
	}
	switch {
	case p.i < len(s) && s[p.i] == '0':
		p.i++
	case !digits():
		return false
	}
	if p.i < len(s) && s[p.i] == '.' {
		p.i++
		if !digits() {
			return false
		}
	}
	if p.i < len(s) && (s[p.i] == 'e' || s[p.i] == 'E') {
		p.i++
		if p.i < len(s) && (s[p.i] == '+' || s[p.i] == '-') {
			p.i++
		}
		if !digits() {
			return false
		}
	}
	return true
}

// str reads a string; without escapes it is a substring of the document.
func (p *treeParser) str() (string, bool) {
	s := p.s
	if p.i >= len(s) || s[p.i] != '"' {
		return "", false
	}
	start := p.i + 1
	for j := start; j < len(s); j++ {
		switch c := s[j]; {
		case c == '"':
			p.i = j + 1
			return s[start:j], true
		case c == '\\':
			return p.strSlow(start, j)
		case c < 0x20:
			p.i = j
			return "", false
		}
	}
	p.i = len(s)
	return "", false
}

// strSlow reads the rest of a string with escapes, from its first backslash at j; they are
// decoded as encoding/json does (a lone surrogate is U+FFFD).
func (p *treeParser) strSlow(start, j int) (string, bool) {
	s := p.s
	b := []byte(s[start:j])
	for j < len(s) {
		c := s[j]
		switch {
		case c == '"':
			p.i = j + 1
			return string(b), true
		case c < 0x20:
			p.i = j
			return "", false
		case c != '\\':
			b = append(b, c)
			j++
			continue
		}
		if j+1 >= len(s) {
			p.i = len(s)
			return "", false
		}
		switch e := s[j+1]; e {
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
			r, ok := hex4(s, j+2)
			if !ok {
				p.i = j + 2
				for p.i < len(s) && p.i < j+6 && isHex(s[p.i]) {
					p.i++
				}
				return "", false
			}
			j += 6
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(s, j+2); ok && j+1 < len(s) && s[j] == '\\' && s[j+1] == 'u' {
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						b = utf8.AppendRune(b, d)
						j += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			b = utf8.AppendRune(b, r)
			continue
		default:
			p.i = j + 1
			return "", false
		}
		j += 2
	}
	p.i = len(s)
	return "", false
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// hex4 reads the four hexadecimal digits at s[i:].
func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	return r, true
}
