package format

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"
	"unsafe"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/fileutil"
)

// MaxFileSize is the largest dataset file, and the most a dataset may read in all: its
// file and its source text files together, 1 GiB. A source file named by several sources is
// read once and counted once. Load checks sizes before reading.
const MaxFileSize = 1 << 30

// maxTotalRead is MaxFileSize, as a variable that tests lower.
var maxTotalRead int64 = MaxFileSize

// MaxDepth is how deeply a dataset's JSON may nest objects and arrays. The format itself
// needs 5 levels (document, events, event, excerpts, excerpt); unknown fields are refused
// anyway, but their content is read up to this depth to report the problems after them.
const MaxDepth = 32

// Load reads, parses and validates the dataset file at path. Source files named by its
// "file" fields are read from path's folder through an os.Root, so that neither "..",
// an absolute path nor a symbolic link can reach outside it. A dataset with any problem
// is refused whole: Load returns nil and a *ErrorList naming every problem; an unreadable
// or oversized file gives another error.
func Load(name string) (*timeline.Dataset, error) { return LoadContext(context.Background(), name) }

// LoadContext is Load, stopped when ctx is done: it then returns ctx's error, within
// milliseconds, whatever the size of the file.
func LoadContext(ctx context.Context, name string) (*timeline.Dataset, error) {
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
	data, err := fileutil.ReadAll(ctx, f, fi.Size(), MaxFileSize)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, tooBig(name, int64(len(data)))
	}
	root, err := os.OpenRoot(filepath.Dir(name))
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return parse(ctx, name, ownedString(data), root.FS())
}

// LoadFS reads the dataset name from fsys, resolving its "file" fields relative to
// name's folder in fsys. The built-in dataset is LoadFS(data.FS, data.Name).
// fsys is trusted to keep reads inside it; LoadFS also refuses paths with "..", absolute
// paths and symbolic links that lead out of the folder (when fsys can read links).
func LoadFS(fsys fs.FS, name string) (*timeline.Dataset, error) {
	return LoadFSContext(context.Background(), fsys, name)
}

// LoadFSContext is LoadFS, stopped when ctx is done (see LoadContext).
func LoadFSContext(ctx context.Context, fsys fs.FS, name string) (*timeline.Dataset, error) {
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
	return parse(ctx, name, ownedString(data), sub)
}

// Parse parses and validates a dataset held in memory; name is used in messages and as
// Dataset.Path. fsys resolves "file" fields (relative to the dataset's folder); with a nil
// fsys a source with a "file" is a problem. See Load for what is refused.
func Parse(name string, data []byte, fsys fs.FS) (*timeline.Dataset, error) {
	return ParseContext(context.Background(), name, data, fsys)
}

// ParseContext is Parse, stopped when ctx is done (see LoadContext).
func ParseContext(ctx context.Context, name string, data []byte, fsys fs.FS) (*timeline.Dataset, error) {
	if len(data) > MaxFileSize {
		return nil, tooBig(name, int64(len(data)))
	}
	return parse(ctx, name, string(data), fsys)
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

func parse(ctx context.Context, name, src string, fsys fs.FS) (*timeline.Dataset, error) {
	ds := &timeline.Dataset{Path: name}
	d := &decoder{s: src, ctx: ctx}
	ok := d.decode(ds)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
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
		if err := d.check(ds, fsys); err != nil {
			return nil, err
		}
	}
	if len(d.probs) > 0 {
		l := finish(name, src, d.probs, d.more)
		l.AtLeast = d.dropped
		return nil, l
	}
	ds.BuildSpans()
	return ds, nil
}

// decode reads the document; ok is false after a syntax error.
func (d *decoder) decode(ds *timeline.Dataset) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			switch r.(type) {
			case syntaxError, canceled:
			default:
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
func (d *decoder) check(ds *timeline.Dataset, fsys fs.FS) error {
	lanes := make(map[string]int, len(ds.Lanes))
	for i, l := range ds.Lanes {
		if l.ID == "" {
			continue
		}
		if j, dup := lanes[l.ID]; dup {
			d.late(fmt.Sprintf("duplicate lane id %s (also lanes[%d])", Quote(l.ID), j), k("lanes"), ix(i), k("id"))
			continue
		}
		lanes[l.ID] = i
	}
	sources := make(map[string]int, len(ds.Sources))
	texts := &textReader{fsys: fsys, left: maxTotalRead - int64(len(d.s))}
	for i := range ds.Sources {
		s := &ds.Sources[i]
		if s.ID != "" {
			if j, dup := sources[s.ID]; dup {
				d.late(fmt.Sprintf("duplicate source id %s (also sources[%d])", Quote(s.ID), j), k("sources"), ix(i), k("id"))
			} else {
				sources[s.ID] = i
			}
		}
		if s.File != "" && s.Text == "" && checkRelPath(s.File) == "" {
			text, msg := texts.read(d.ctx, s.File)
			if err := d.ctx.Err(); err != nil {
				return err
			}
			if msg != "" {
				d.late(msg, k("sources"), ix(i), k("file"))
			}
			s.Text = text
		}
	}
	// The excerpts that quote each source, found all at once after this loop.
	type ref struct{ ev, x int32 }
	quoting := make([][]ref, len(ds.Sources))
	events := newIDSet(len(ds.Events), func(i int) string { return ds.Events[i].ID })
	for i := range ds.Events {
		if i&4095 == 0 && d.ctx.Err() != nil {
			return d.ctx.Err()
		}
		e := &ds.Events[i]
		if e.ID != "" {
			if j := events.firstOf(i); j >= 0 {
				d.late(fmt.Sprintf("duplicate event id %s (also events[%d])", Quote(e.ID), j), k("events"), ix(i), k("id"))
			}
		}
		if e.Lane != "" {
			if li, ok := lanes[e.Lane]; ok {
				e.LaneIndex = li
			} else {
				d.late("no lane "+Quote(e.Lane), k("events"), ix(i), k("lane"))
			}
		}
		for j := range e.Excerpts() {
			x := &e.Excerpts()[j]
			if x.Source == "" {
				continue
			}
			si, ok := sources[x.Source]
			if !ok {
				d.late("no source "+Quote(x.Source), k("events"), ix(i), k("excerpts"), ix(j), k("source"))
				continue
			}
			if x.Quote == "" || ds.Sources[si].Text == "" {
				continue // reported already: an empty quote, or a source without text
			}
			quoting[si] = append(quoting[si], ref{int32(i), int32(j)})
		}
		for j, m := range e.Media() {
			if m.File != "" && checkRelPath(m.File) == "" && fsys != nil {
				if msg := checkLinks(fsys, path.Clean(m.File)); msg != "" {
					d.late(msg, k("events"), ix(i), k("media"), ix(j), k("file"))
				}
			}
		}
	}
	for i, st := range ds.Tour {
		if id := st.Event; id != "" && events.find(id) < 0 {
			d.late("no event "+Quote(id), k("tour"), ix(i))
		}
	}
	for si, refs := range quoting {
		if len(refs) == 0 {
			continue
		}
		quotes := make([]string, len(refs))
		for n, r := range refs {
			quotes[n] = ds.Events[r.ev].Excerpts()[r.x].Quote
		}
		offs, err := findQuotes(d.ctx, ds.Sources[si].Text, quotes)
		if err != nil {
			return err
		}
		for n, r := range refs {
			x := &ds.Events[r.ev].Excerpts()[r.x]
			if x.Offset = offs[n]; x.Offset < 0 {
				x.Offset = 0
				d.late("not found in source "+Quote(x.Source), k("events"), ix(int(r.ev)), k("excerpts"), ix(int(r.x)), k("quote"))
			}
		}
	}
	d.checkPlaces(ds)
	return nil
}

// checkPlaces resolves the events' place ids (Event.PlaceIndex) and refuses duplicate
// ids, unknown places and gazetteers, and places and gazetteers nothing uses.
func (d *decoder) checkPlaces(ds *timeline.Dataset) {
	if len(ds.Places) == 0 && len(ds.Gazetteers) == 0 {
		for i := range ds.Events {
			if len(ds.Events[i].Places()) > 0 {
				d.late("no place "+Quote(ds.Events[i].Places()[0])+" (the dataset has no places)", k("events"), ix(i), k("places"), ix(0))
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
				d.late("no gazetteer "+Quote(p.Gazetteer)+": say where the coordinates come from in \"gazetteers\"", k("places"), ix(i), k("gazetteer"))
			}
		}
	}
	used := make([]bool, len(ds.Places))
	for i := range ds.Events {
		e := &ds.Events[i]
		if e.More != nil {
			e.More.PlaceIndex = nil
		}
		for j, id := range e.Places() {
			if id == "" {
				continue
			}
			p, ok := places[id]
			if !ok {
				d.late("no place "+Quote(id), k("events"), ix(i), k("places"), ix(j))
				continue
			}
			used[p] = true
			e.More.PlaceIndex = append(e.More.PlaceIndex, int32(p))
		}
	}
	for i, u := range used {
		if !u && ds.Places[i].ID != "" && !dupPlace[i] {
			d.late("place "+Quote(ds.Places[i].ID)+" is not used by any event", k("places"), ix(i), k("id"))
		}
	}
	for i, u := range gazUsed {
		if !u && ds.Gazetteers[i].ID != "" {
			d.late("gazetteer "+Quote(ds.Gazetteers[i].ID)+" is not used by any place", k("gazetteers"), ix(i), k("id"))
		}
	}
}

// textReader reads the source files of one dataset: each file once, however many sources
// name it, and no more than left bytes in all (MaxFileSize less the dataset's own file):
// a 410-byte dataset whose sources all named one 900 MB file read it four times.
type textReader struct {
	fsys fs.FS
	left int64
	done map[string][2]string // clean path -> text, problem
}

// read returns the text of the source file p, or a problem message.
func (t *textReader) read(ctx context.Context, p string) (string, string) {
	c := path.Clean(p)
	if r, ok := t.done[c]; ok {
		return r[0], r[1]
	}
	text, msg := readText(ctx, t.fsys, p, t.left)
	t.left -= int64(len(text))
	if t.done == nil {
		t.done = map[string][2]string{}
	}
	t.done[c] = [2]string{text, msg}
	return text, msg
}

// readText reads a source's text file, at most left bytes, returning a problem message
// instead when it cannot be used.
func readText(ctx context.Context, fsys fs.FS, p string, left int64) (string, string) {
	if fsys == nil {
		return "", "cannot read " + Quote(p) + ": the dataset was not loaded from a folder"
	}
	c := path.Clean(p)
	if msg := checkLinks(fsys, c); msg != "" {
		return "", msg
	}
	fi, err := fs.Stat(fsys, c)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", "file " + Quote(p) + " not found"
	case err != nil && strings.Contains(err.Error(), "escapes"):
		return "", Quote(p) + " escapes the dataset's folder (a symbolic link)"
	case err != nil:
		return "", "cannot read " + Quote(p) + ": " + errText(err)
	case !fi.Mode().IsRegular():
		return "", Quote(p) + " is not a regular file"
	case fi.Size() > MaxFileSize:
		return "", fmt.Sprintf("%s is %d bytes; the limit is %d (1 GiB)", Quote(p), fi.Size(), int64(MaxFileSize))
	case fi.Size() > left:
		return "", fmt.Sprintf("%s is %d bytes, more than the %d left of the limit of %d (1 GiB) on what one dataset reads (its file and its source files together)",
			Quote(p), fi.Size(), max(left, 0), int64(MaxFileSize))
	}
	f, err := fsys.Open(c)
	if err != nil {
		return "", "cannot read " + Quote(p) + ": " + errText(err)
	}
	defer f.Close()
	data, err := fileutil.ReadAll(ctx, f, fi.Size(), left)
	switch {
	case ctx.Err() != nil:
		return "", "" // the caller returns ctx's error
	case err != nil:
		return "", "cannot read " + Quote(p) + ": " + errText(err)
	case int64(len(data)) > left: // it grew since Stat
		return "", fmt.Sprintf("%s is more than the %d bytes left of the limit of %d (1 GiB) on what one dataset reads", Quote(p), max(left, 0), int64(MaxFileSize))
	}
	if !utf8.Valid(data) {
		return "", Quote(p) + " is not UTF-8 text"
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
				return Quote(p) + " escapes the dataset's folder (a symbolic link)"
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
			return Quote(p) + " escapes the dataset's folder (a symbolic link)"
		}
	}
	return ""
}

var validFSPath = fs.ValidPath
