package timelinejs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
// When events is not nil, the elements of a top-level "events" array are handed to it as
// they are read, instead of being kept in the tree: an event's tree is dropped once it is
// made a slide (10 MB of "{}," made 3.5 million nodes). start is called when such an array
// begins (a key may repeat: the last one counts).
func parseTree(ctx context.Context, data []byte, start func(), events func(i int, n *node)) (*node, int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := treeParser{ctx: ctx, dec: dec, data: data, start: start, events: events}
	n, err := p.value(0, nil)
	if err == nil {
		off := p.skipSpace(int(dec.InputOffset()))
		if _, err2 := dec.Token(); err2 != io.EOF {
			return nil, off, errors.New("unexpected data after the top-level value")
		}
		return n, 0, nil
	}
	off := int(dec.InputOffset())
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = int(se.Offset)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF {
		err = errors.New("unexpected end of file")
		off = len(data)
	}
	return nil, off, err
}

type treeParser struct {
	ctx    context.Context // checked every 4096 values
	count  int
	dec    *json.Decoder
	data   []byte
	start  func()
	events func(i int, n *node) // see parseTree
}

// skipSpace moves off past white space and the separators ':' and ','.
func (p *treeParser) skipSpace(off int) int {
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
		default:
			return off
		}
	}
	return off
}

// value reads one value; each, when not nil, is given an array's elements instead of the
// node keeping them.
func (p *treeParser) value(depth int, each func(i int, n *node)) (*node, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("nested deeper than %d levels", maxDepth)
	}
	if p.count++; p.count&4095 == 0 && p.ctx.Err() != nil {
		return nil, p.ctx.Err()
	}
	off := p.skipSpace(int(p.dec.InputOffset()))
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	n := &node{at: int32(off)}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind = 'o'
			for p.dec.More() {
				kt, err := p.dec.Token()
				if err != nil {
					return nil, err
				}
				k, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("object key is not a string")
				}
				var elems func(int, *node)
				if depth == 0 && k == "events" && p.events != nil {
					elems = p.events
				}
				v, err := p.value(depth+1, elems)
				if err != nil {
					return nil, err
				}
				if n.c == nil {
					n.c = new(members)
				}
				n.c.keys = append(n.c.keys, k)
				n.c.kids = append(n.c.kids, v)
			}
		case '[':
			n.kind = 'a'
			if each != nil && p.start != nil {
				p.start()
			}
			for i := 0; p.dec.More(); i++ {
				v, err := p.value(depth+1, nil)
				if err != nil {
					return nil, err
				}
				if each != nil {
					each(i, v)
					continue
				}
				if n.c == nil {
					n.c = new(members)
				}
				n.c.kids = append(n.c.kids, v)
			}
		default:
			return nil, fmt.Errorf("unexpected %q", t)
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		n.kind, n.str = 's', t
	case json.Number:
		n.kind, n.str = 'n', string(t)
	case bool:
		n.kind = 'f'
		if t {
			n.kind = 't'
		}
	case nil:
		n.kind = 'z'
	}
	return n, nil
}
