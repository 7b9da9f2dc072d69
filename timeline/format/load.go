package format

import (
	"bytes"
	"errors"
	"fmt"
	"index/suffixarray"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"trotskytimeline/timeline"
)

// MaxFileSize is the largest dataset file, and the largest source text file, a reader
// accepts: 1 GiB. Load checks the size before reading.
const MaxFileSize = 1 << 30

// MaxDepth is how deeply a dataset's JSON may nest objects and arrays. The format itself
// needs 5 levels (document, events, event, excerpts, excerpt); unknown fields are refused
// anyway, but their content is read up to this depth to report the problems after them.
const MaxDepth = 32

// Load reads, parses and validates the dataset file at path. Source files named by its
// "file" fields are read from path's folder through an os.Root, so that neither "..",
// an absolute path nor a symbolic link can reach outside it. A dataset with any problem
// is refused whole: Load returns nil and a *ErrorList naming every problem; an unreadable
// or oversized file gives another error.
func Load(name string) (*timeline.Dataset, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a folder, not a dataset file", name)
	}
	if fi.Size() > MaxFileSize {
		return nil, tooBig(name, fi.Size())
	}
	var buf bytes.Buffer
	buf.Grow(int(fi.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if buf.Len() > MaxFileSize {
		return nil, tooBig(name, int64(buf.Len()))
	}
	root, err := os.OpenRoot(filepath.Dir(name))
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return parse(name, ownedString(buf.Bytes()), root.FS())
}

// LoadFS reads the dataset name from fsys, resolving its "file" fields relative to
// name's folder in fsys. The built-in dataset is LoadFS(data.FS, data.Name).
// fsys is trusted to keep reads inside it; LoadFS also refuses paths with "..", absolute
// paths and symbolic links that lead out of the folder (when fsys can read links).
func LoadFS(fsys fs.FS, name string) (*timeline.Dataset, error) {
	if fi, err := fs.Stat(fsys, name); err != nil {
		return nil, err
	} else if fi.Size() > MaxFileSize {
		return nil, tooBig(name, fi.Size())
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	sub := fsys
	if dir := path.Dir(name); dir != "." {
		if sub, err = fs.Sub(fsys, dir); err != nil {
			return nil, err
		}
	}
	return parse(name, ownedString(data), sub)
}

// Parse parses and validates a dataset held in memory; name is used in messages and as
// Dataset.Path. fsys resolves "file" fields (relative to the dataset's folder); with a nil
// fsys a source with a "file" is a problem. See Load for what is refused.
func Parse(name string, data []byte, fsys fs.FS) (*timeline.Dataset, error) {
	if len(data) > MaxFileSize {
		return nil, tooBig(name, int64(len(data)))
	}
	return parse(name, string(data), fsys)
}

func tooBig(name string, size int64) error {
	return &ErrorList{File: name, Errors: []*Error{{File: name, Msg: fmt.Sprintf(
		"the file is %d bytes; the limit is %d (1 GiB)", size, int64(MaxFileSize))}}}
}

// ownedString views b, which the caller owns and never changes again, as a string
// without copying it (a 1M-event file is 150 MB).
func ownedString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func parse(name, src string, fsys fs.FS) (*timeline.Dataset, error) {
	ds := &timeline.Dataset{Path: name}
	d := &decoder{s: src}
	ok := d.decode(ds)
	if d.newer {
		// A newer format is not ours to judge: its other "problems" would be noise.
		var keep []problem
		for _, p := range d.probs {
			if len(p.path) == 1 && p.path[0].key == "format" {
				keep = append(keep, p)
			}
		}
		d.probs, d.more = keep, 0
	} else if ok {
		d.check(ds, fsys)
	}
	if len(d.probs) > 0 {
		return nil, finish(name, src, d.probs, d.more)
	}
	ds.ResolveOpenEnds()
	return ds, nil
}

// decode reads the document; ok is false after a syntax error.
func (d *decoder) decode(ds *timeline.Dataset) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(syntaxError); !is {
				panic(r)
			}
			ok = false
		}
	}()
	d.document(ds)
	return true
}

// late records a problem found after decoding, to be located by its path.
func (d *decoder) late(msg string, path ...seg) {
	if len(d.probs) >= MaxProblems {
		d.more++
		return
	}
	d.probs = append(d.probs, problem{off: -1, path: path, msg: msg})
}

func k(key string) seg { return seg{key: key} }
func ix(n int) seg     { return seg{idx: n} }

// check validates what decoding alone cannot: unique ids, references, source files and
// quotes. It reads the source files and sets LaneIndex and Excerpt.Offset.
func (d *decoder) check(ds *timeline.Dataset, fsys fs.FS) {
	lanes := make(map[string]int, len(ds.Lanes))
	for i, l := range ds.Lanes {
		if l.ID == "" {
			continue
		}
		if j, dup := lanes[l.ID]; dup {
			d.late(fmt.Sprintf("duplicate lane id %q (also lanes[%d])", l.ID, j), k("lanes"), ix(i), k("id"))
			continue
		}
		lanes[l.ID] = i
	}
	sources := make(map[string]int, len(ds.Sources))
	for i := range ds.Sources {
		s := &ds.Sources[i]
		if s.ID != "" {
			if j, dup := sources[s.ID]; dup {
				d.late(fmt.Sprintf("duplicate source id %q (also sources[%d])", s.ID, j), k("sources"), ix(i), k("id"))
			} else {
				sources[s.ID] = i
			}
		}
		if s.File != "" && s.Text == "" && checkRelPath(s.File) == "" {
			text, msg := readText(fsys, s.File)
			if msg != "" {
				d.late(msg, k("sources"), ix(i), k("file"))
			}
			s.Text = text
		}
	}
	finders := make([]quoteFinder, len(ds.Sources))
	for i := range finders {
		finders[i].text = ds.Sources[i].Text
	}
	events := newIDSet(len(ds.Events), func(i int) string { return ds.Events[i].ID })
	for i := range ds.Events {
		e := &ds.Events[i]
		if e.ID != "" {
			if j := events.add(e.ID, i); j >= 0 {
				d.late(fmt.Sprintf("duplicate event id %q (also events[%d])", e.ID, j), k("events"), ix(i), k("id"))
			}
		}
		if e.Lane != "" {
			if li, ok := lanes[e.Lane]; ok {
				e.LaneIndex = li
			} else {
				d.late("no lane "+strconv.Quote(e.Lane), k("events"), ix(i), k("lane"))
			}
		}
		for j := range e.Excerpts {
			x := &e.Excerpts[j]
			if x.Source == "" {
				continue
			}
			si, ok := sources[x.Source]
			if !ok {
				d.late("no source "+strconv.Quote(x.Source), k("events"), ix(i), k("excerpts"), ix(j), k("source"))
				continue
			}
			if x.Quote == "" || ds.Sources[si].Text == "" {
				continue // reported already: an empty quote, or a source without text
			}
			if x.Offset = finders[si].find(x.Quote); x.Offset < 0 {
				x.Offset = 0
				d.late("not found in source "+strconv.Quote(x.Source), k("events"), ix(i), k("excerpts"), ix(j), k("quote"))
			}
		}
		for j, m := range e.Media {
			if m.File != "" && checkRelPath(m.File) == "" && fsys != nil {
				if msg := checkLinks(fsys, path.Clean(m.File)); msg != "" {
					d.late(msg, k("events"), ix(i), k("media"), ix(j), k("file"))
				}
			}
		}
	}
	for i, id := range ds.Tour {
		if id != "" && events.find(id) < 0 {
			d.late("no event "+strconv.Quote(id), k("tour"), ix(i))
		}
	}
	d.checkPlaces(ds)
}

// checkPlaces resolves the events' place ids (Event.PlaceIndex) and refuses duplicate
// ids, unknown places and gazetteers, and places and gazetteers nothing uses.
func (d *decoder) checkPlaces(ds *timeline.Dataset) {
	if len(ds.Places) == 0 && len(ds.Gazetteers) == 0 {
		for i := range ds.Events {
			if len(ds.Events[i].Places) > 0 {
				d.late("no place "+strconv.Quote(ds.Events[i].Places[0])+" (the dataset has no places)", k("events"), ix(i), k("places"), ix(0))
			}
		}
		return
	}
	gaz := make(map[string]int, len(ds.Gazetteers))
	for i, g := range ds.Gazetteers {
		if g.ID == "" {
			continue
		}
		if j, dup := gaz[g.ID]; dup {
			d.late(fmt.Sprintf("duplicate gazetteer id %q (also gazetteers[%d])", g.ID, j), k("gazetteers"), ix(i), k("id"))
		} else {
			gaz[g.ID] = i
		}
	}
	gazUsed := make([]bool, len(ds.Gazetteers))
	places := make(map[string]int, len(ds.Places))
	dupPlace := make([]bool, len(ds.Places))
	for i, p := range ds.Places {
		if p.ID != "" {
			if j, dup := places[p.ID]; dup {
				d.late(fmt.Sprintf("duplicate place id %q (also places[%d])", p.ID, j), k("places"), ix(i), k("id"))
				dupPlace[i] = true
			} else {
				places[p.ID] = i
			}
		}
		if p.Gazetteer != "" {
			if j, ok := gaz[p.Gazetteer]; ok {
				gazUsed[j] = true
			} else {
				d.late("no gazetteer "+strconv.Quote(p.Gazetteer)+": say where the coordinates come from in \"gazetteers\"", k("places"), ix(i), k("gazetteer"))
			}
		}
	}
	used := make([]bool, len(ds.Places))
	for i := range ds.Events {
		e := &ds.Events[i]
		e.PlaceIndex = nil
		for j, id := range e.Places {
			if id == "" {
				continue
			}
			p, ok := places[id]
			if !ok {
				d.late("no place "+strconv.Quote(id), k("events"), ix(i), k("places"), ix(j))
				continue
			}
			used[p] = true
			e.PlaceIndex = append(e.PlaceIndex, int32(p))
		}
	}
	for i, u := range used {
		if !u && ds.Places[i].ID != "" && !dupPlace[i] {
			d.late("place "+strconv.Quote(ds.Places[i].ID)+" is not used by any event", k("places"), ix(i), k("id"))
		}
	}
	for i, u := range gazUsed {
		if !u && ds.Gazetteers[i].ID != "" {
			d.late("gazetteer "+strconv.Quote(ds.Gazetteers[i].ID)+" is not used by any place", k("gazetteers"), ix(i), k("id"))
		}
	}
}

// readText reads a source's text file, returning a problem message instead when it
// cannot be used.
func readText(fsys fs.FS, p string) (string, string) {
	if fsys == nil {
		return "", "cannot read " + strconv.Quote(p) + ": the dataset was not loaded from a folder"
	}
	c := path.Clean(p)
	if msg := checkLinks(fsys, c); msg != "" {
		return "", msg
	}
	fi, err := fs.Stat(fsys, c)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", "file " + strconv.Quote(p) + " not found"
	case err != nil && strings.Contains(err.Error(), "escapes"):
		return "", strconv.Quote(p) + " escapes the dataset's folder (a symbolic link)"
	case err != nil:
		return "", "cannot read " + strconv.Quote(p) + ": " + errText(err)
	case !fi.Mode().IsRegular():
		return "", strconv.Quote(p) + " is not a regular file"
	case fi.Size() > MaxFileSize:
		return "", fmt.Sprintf("%q is %d bytes; the limit is %d (1 GiB)", p, fi.Size(), int64(MaxFileSize))
	}
	data, err := fs.ReadFile(fsys, c)
	if err != nil {
		return "", "cannot read " + strconv.Quote(p) + ": " + errText(err)
	}
	if !utf8.Valid(data) {
		return "", strconv.Quote(p) + " is not UTF-8 text"
	}
	return ownedString(data), ""
}

// errText drops the path an fs error repeats.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// checkLinks refuses a path one of whose components is a symbolic link leading out of
// the dataset's folder (absolute, or up past the folder), when fsys can read links.
// Load's os.Root refuses those too; this covers an os.DirFS given to LoadFS.
func checkLinks(fsys fs.FS, p string) string {
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return ""
	}
	parts := strings.Split(p, "/")
	for i := range parts {
		sub := strings.Join(parts[:i+1], "/")
		fi, err := rl.Lstat(sub)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return ""
			}
			if strings.Contains(err.Error(), "escapes") {
				return strconv.Quote(p) + " escapes the dataset's folder (a symbolic link)"
			}
			return ""
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		target, err := rl.ReadLink(sub)
		if err != nil {
			return ""
		}
		t := path.Join(path.Dir(sub), target)
		if strings.HasPrefix(target, "/") || t == ".." || strings.HasPrefix(t, "../") {
			return strconv.Quote(p) + " escapes the dataset's folder (a symbolic link)"
		}
	}
	return ""
}

var validFSPath = fs.ValidPath

// quoteFinder finds quotes in one source's text: by strings.Index (about 4 GB/s here)
// until the scanning done equals what a suffix array of the text would cost to build
// (about 150 ns a byte, so 256 scans of the text, quotes matching
// at half the text on average), then through the suffix array (ski
// rental: never more than twice the better choice). Many quotes into a long source, as
// 100k events quoting 1 MB of text, would otherwise take half a minute.
type quoteFinder struct {
	text    string
	scanned int // bytes Index has scanned so far
	sa      *suffixarray.Index
}

// suffixArrayCost is the cost of building a suffix array, in bytes of Index scanning per
// byte of text.
const suffixArrayCost = 256

// find returns the byte offset of the first occurrence of q in the text, or -1.
func (f *quoteFinder) find(q string) int {
	if f.sa == nil {
		if f.scanned < suffixArrayCost*len(f.text) {
			i := strings.Index(f.text, q)
			if i < 0 {
				f.scanned += len(f.text)
			} else {
				f.scanned += i + len(q)
			}
			return i
		}
		f.sa = suffixarray.New(unsafe.Slice(unsafe.StringData(f.text), len(f.text)))
	}
	offs := f.sa.Lookup(unsafe.Slice(unsafe.StringData(q), len(q)), -1)
	if len(offs) == 0 {
		return -1
	}
	return slices.Min(offs)
}
