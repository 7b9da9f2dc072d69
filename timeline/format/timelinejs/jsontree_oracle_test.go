package timelinejs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"testing"
	"unicode/utf8"
)

// checkTree fails unless parseTree reads data as oracleTree does: the same tree, or both
// an error; and unless treeParser finds a syntax error where encoding/json's validator
// finds its first (the place parseTree then says, with its message; oracleTree's offsets
// are those of Decoder.Token, one byte off at times, and past a key at others). Only UTF-8
// is compared (the importer refuses anything else first).
func checkTree(t *testing.T, data []byte) {
	if !utf8.Valid(data) {
		return
	}
	ctx := context.Background()
	got, _, gotErr := parseTree(ctx, data, nil)
	want, _, wantErr := oracleTree(ctx, data, nil, nil)
	if (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("%q: error %v, encoding/json's %v", data, gotErr, wantErr)
	}
	// Pruned, as the importer reads (no list streamed here): the same error, or the tree
	// of only the members the importer reads.
	pruned, prunedOff, prunedErr := parseTree(ctx, data, func(string) func(int, *node) { return nil })
	_, gotOff, _ := parseTree(ctx, data, nil)
	if (prunedErr == nil) != (gotErr == nil) || gotErr != nil && (prunedOff != gotOff || prunedErr.Error() != gotErr.Error()) {
		t.Fatalf("%q: pruned %v at %d, whole %v at %d", data, prunedErr, prunedOff, gotErr, gotOff)
	}
	if gotErr == nil {
		if path, ok := sameTree(got, want, "$"); !ok {
			t.Fatalf("%q: trees differ at %s", data, path)
		}
		if path, ok := samePruned(pruned, got, "$"); !ok {
			t.Fatalf("%q: pruned tree differs at %s", data, path)
		}
		return
	}
	p := treeParser{ctx: ctx, s: string(data)}
	if _, ok := p.value(0, nil); ok || p.err != nil {
		return // trailing data, or nested too deep: said by parseTree itself
	}
	err := json.Unmarshal(data, new(any))
	var se *json.SyntaxError
	switch {
	case !errors.As(err, &se):
		t.Fatalf("%q: syntax error at %d, encoding/json: %v", data, p.i, err)
	case p.i >= len(data): // the end came too soon: for encoding/json too (it reads a space past the end)
		if int(se.Offset) < len(data) {
			t.Fatalf("%q: unexpected end, encoding/json at %d: %v", data, se.Offset-1, err)
		}
	case int(se.Offset)-1 != p.i:
		t.Fatalf("%q: syntax error at %d, encoding/json at %d: %v", data, p.i, se.Offset-1, err)
	}
}

// samePruned reports whether p is whole pruned: of each object the last member of each name
// in keptKeys, and of an array no element.
func samePruned(p, whole *node, path string) (string, bool) {
	if p.kind != whole.kind || p.at != whole.at || p.str != whole.str {
		return fmt.Sprintf("%s: %c@%d %q, want %c@%d %q", path, p.kind, p.at, p.str, whole.kind, whole.at, whole.str), false
	}
	switch p.kind {
	case 'a':
		if len(p.kids()) != 0 {
			return path + ": elements kept", false
		}
	case 'o':
		n := 0
		seen := map[string]bool{}
		for _, k := range whole.keys() {
			if keptKeys[k] && !seen[k] {
				seen[k] = true
				n++
				if p.get(k) == nil {
					return path + "." + k + ": dropped", false
				}
				if at, ok := samePruned(p.get(k), whole.get(k), path+"."+k); !ok {
					return at, false
				}
			}
		}
		if len(p.keys()) != n {
			return fmt.Sprintf("%s: %d members kept, want %d", path, len(p.keys()), n), false
		}
	}
	return "", true
}

func sameTree(a, b *node, path string) (string, bool) {
	if a.kind != b.kind || a.at != b.at || a.str != b.str || len(a.keys()) != len(b.keys()) || len(a.kids()) != len(b.kids()) {
		return fmt.Sprintf("%s: %c@%d %q (%d members), want %c@%d %q (%d)", path, a.kind, a.at, a.str, len(a.kids()), b.kind, b.at, b.str, len(b.kids())), false
	}
	for i, k := range a.keys() {
		if k != b.keys()[i] {
			return fmt.Sprintf("%s: key %d %q, want %q", path, i, k, b.keys()[i]), false
		}
	}
	for i := range a.kids() {
		if p, ok := sameTree(a.kids()[i], b.kids()[i], fmt.Sprintf("%s[%d]", path, i)); !ok {
			return p, false
		}
	}
	return "", true
}

func TestTreeAsEncodingJSON(t *testing.T) {
	for _, s := range []string{
		`{}`, `[]`, ` {"a": [1, -2.5e+3, "x\u00e9\ud83d\ude00\ud800z", true, false, null, {}]} `,
		`{"a":1,"a":2}`, `"\ud800\u0041"`, `0`, `-0.0E-0`, `[1,]`, `[01]`, `{"a" 1}`, `{,}`, `[1 2]`,
		`{"a":1`, `"abc`, `"a\x"`, `"\u12"`, `"\u12g4"`, "\"a\tb\"", `tru`, `nul`, `[true false]`,
		`-`, `1.`, `1e`, `1e+`, `.5`, `+1`, `{"a":}`, `{"events": [{}, 1, []]}`, `{"a":1} x`, `[1] ]`,
		`{"x": [1, {"text": 2}], "text": {"a": [3], "text": "t", "text": "u"}, "events": 4, "y": {"events": [5]}}`,
		"", " ", "[\n1,\n\n,]", `{"a":[1,2}`, `{"a":{"b":1]}`, `[[[[`, `[1,2,3`,
	} {
		checkTree(t, []byte(s))
	}
}

// oracleTree is parseTree as it was, on encoding/json's Decoder.Token: the reader
// FuzzParseJSON checks treeParser against. It parses data as one JSON value. On a syntax error it returns the byte offset of
// the error.
//
// When events is not nil, the elements of a top-level "events" array are handed to it as
// they are read, instead of being kept in the tree: an event's tree is dropped once it is
// made a slide (10 MB of "{}," made 3.5 million nodes). start is called when such an array
// begins (a key may repeat: the last one counts).
func oracleTree(ctx context.Context, data []byte, start func(), events func(i int, n *node)) (*node, int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := oracleParser{ctx: ctx, dec: dec, data: data, start: start, events: events}
	n, err := p.value(0, nil)
	if err == nil {
		off := int(dec.InputOffset()) // at the first byte that is not white space (not past ',' and ':', as skipSpace)
		for off < len(data) && bytes.IndexByte([]byte(" \t\r\n"), data[off]) >= 0 {
			off++
		}
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

type oracleParser struct {
	ctx    context.Context // checked every 4096 values
	count  int
	dec    *json.Decoder
	data   []byte
	start  func()
	events func(i int, n *node) // see parseTree
}

// skipSpace moves off past white space and the separators ':' and ','.
func (p *oracleParser) skipSpace(off int) int {
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
func (p *oracleParser) value(depth int, each func(i int, n *node)) (*node, error) {
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
