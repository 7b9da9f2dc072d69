// Package search finds a dataset's events by the words of a query, ignoring case and
// accents, and says why each one matched: the field and a snippet of it with the match
// marked. It is Fyne-free: the app shows its results, tests run it headless.
//
// An event matches when every word of the query is in its searchable text: its titles,
// place and description (every language) and the quotes of its excerpts. Events whose
// titles hold every word come first (a title says what the event is; a quote may mention
// a word in passing), each group in date order.
package search

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"trotskytimeline/timeline"
)

// Fold returns s for matching that ignores case and accents: NFD, combining marks dropped,
// lower-cased. Fold("Città del Messico") == Fold("Citta del MESSICO").
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Field says where a result matched.
type Field uint8

const (
	Title       Field = iota // one of the event's titles
	Place                    // its place
	Description              // its description
	Quote                    // the quote of one of its excerpts
)

// Result is one matching event and why it matched: a snippet of the field that holds the
// query's first word, cut to about SnippetLen characters around it, the match between
// Before and After.
type Result struct {
	Event int   // index in Dataset.Events
	Field Field // where the snippet comes from
	// Excerpt is the index of the quoted excerpt when Field is Quote.
	Excerpt              int
	Before, Match, After string
}

// Snippet is Before+Match+After.
func (r Result) Snippet() string { return r.Before + r.Match + r.After }

// SnippetLen is about how many characters of context a snippet keeps.
const SnippetLen = 90

// Index is a dataset's folded searchable text, in date order. Build it with New; it is
// safe for concurrent Find calls once built.
type Index struct {
	ds *timeline.Dataset
	// order is the event indices by earliest day (ties in dataset order), and text(k) the
	// folded searchable text of event order[k]: its titles, then "\x00", then its place,
	// description and quotes, fields separated by "\n". titleEnd[k] is where the titles end.
	// The texts are laid end to end in all, text k ending at end[k] (an offset a text, not
	// a string header: 4 bytes an event, not 16), so a query reads memory front to back.
	order    []int32
	all      string
	end      []int32
	titleEnd []int32
}

// text is the folded searchable text of event order[k].
func (ix *Index) text(k int) string {
	start := int32(0)
	if k > 0 {
		start = ix.end[k-1]
	}
	return ix.all[start:ix.end[k]]
}

// New indexes ds. At a million events it takes about half a second; the app builds it in
// the background.
func New(ds *timeline.Dataset) *Index {
	ix := &Index{ds: ds}
	// Date order: each event's earliest day (within ±5.8 million years, biased to be
	// unsigned, order kept) above its index in one uint64, so a plain sort of numbers
	// keeps ties in dataset order.
	keys := make([]uint64, len(ds.Events))
	for i := range ds.Events {
		a, _ := ds.Events[i].Span()
		d := int32(max(math.MinInt32, min(math.MaxInt32, int64(a))))
		keys[i] = uint64(uint32(d)^1<<31)<<32 | uint64(i)
	}
	slices.Sort(keys)
	ix.order = make([]int32, len(ds.Events))
	for k, key := range keys {
		ix.order[k] = int32(uint32(key))
	}
	// Fold in dataset order (reading the events front to back), then lay the texts out in
	// date order in one string, so that a query reads memory front to back too.
	folded := make([]string, len(ds.Events))
	tend := make([]int32, len(ds.Events))
	total := 0
	var b strings.Builder
	for i := range ds.Events {
		e := &ds.Events[i]
		b.Reset()
		b.WriteString(e.Title)
		for _, t := range sortedValues(e.Titles()) {
			b.WriteString("\n")
			b.WriteString(t)
		}
		titles := Fold(b.String())
		b.Reset()
		b.WriteString(titles)
		b.WriteString("\x00")
		b.WriteString(e.Place())
		for _, p := range sortedValues(e.PlaceNames()) {
			b.WriteString("\n")
			b.WriteString(p)
		}
		b.WriteString("\n")
		b.WriteString(e.Description())
		for _, d := range sortedValues(e.Descriptions()) {
			b.WriteString("\n")
			b.WriteString(d)
		}
		for _, x := range e.Excerpts() {
			b.WriteString("\n")
			b.WriteString(x.Quote)
		}
		folded[i] = titles + "\x00" + Fold(b.String()[len(titles)+1:])
		tend[i] = int32(len(titles))
		total += len(folded[i])
	}
	b.Reset()
	b.Grow(total)
	for _, i := range ix.order {
		b.WriteString(folded[i])
	}
	ix.all = b.String()
	ix.end = make([]int32, len(ds.Events))
	ix.titleEnd = make([]int32, len(ds.Events))
	off := 0
	for k, i := range ix.order {
		off += len(folded[i])
		ix.end[k] = int32(off)
		ix.titleEnd[k] = tend[i]
	}
	return ix
}

// sortedValues is m's values in key order (a map's order is random; results must not be).
func sortedValues(m map[string]string) []string {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// Words is the query's folded words; a query without any matches nothing.
func Words(q string) []string { return strings.Fields(Fold(q)) }

// Find returns the events matching every word of q: those whose titles hold every word
// first, then the others, each group in date order, at most limit in all (0: no limit).
// It stops as soon as limit title matches are found: a one-letter query that matches a
// million events costs no sort per keystroke.
func (ix *Index) Find(q string, limit int) []int {
	words := Words(q)
	if len(words) == 0 {
		return nil
	}
	var titled, other []int
	for k := range ix.end {
		t := ix.text(k)
		if !containsAll(t, words) {
			continue
		}
		ev := int(ix.order[k])
		if containsAll(t[:ix.titleEnd[k]], words) {
			titled = append(titled, ev)
			if limit > 0 && len(titled) == limit {
				break
			}
		} else if limit <= 0 || len(other) < limit {
			other = append(other, ev)
		}
	}
	out := append(titled, other...)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

func containsAll(t string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(t, w) {
			return false
		}
	}
	return true
}

// Explain says why event ev matched q: the first field, in the order title (lang's first,
// then the others), place, description, quotes, that holds q's first word, with a snippet
// of it around the match. ok is false when no field holds it.
func (ix *Index) Explain(ev int, q, lang string) (Result, bool) {
	words := Words(q)
	if len(words) == 0 || ev < 0 || ev >= len(ix.ds.Events) {
		return Result{}, false
	}
	e := &ix.ds.Events[ev]
	// The field holding the most words wins; ties go to the earlier field.
	best, bestN := Result{}, 0
	try := func(f Field, x int, s string) {
		if s == "" {
			return
		}
		fs, offs := foldMap(s)
		n, at, end := 0, -1, -1
		for _, w := range words {
			if i := strings.Index(fs, w); i >= 0 {
				if n == 0 {
					at, end = i, i+len(w)
				}
				n++
			}
		}
		if n > bestN {
			a, b := offs[at], offs[end]
			best, bestN = cut(s, a, b), n
			best.Event, best.Field, best.Excerpt = ev, f, x
		}
	}
	try(Title, -1, e.TitleIn(lang))
	try(Title, -1, e.Title)
	for _, t := range sortedValues(e.Titles()) {
		try(Title, -1, t)
	}
	try(Place, -1, e.PlaceIn(lang))
	try(Place, -1, e.Place())
	for _, p := range sortedValues(e.PlaceNames()) {
		try(Place, -1, p)
	}
	try(Description, -1, e.DescriptionIn(lang))
	try(Description, -1, e.Description())
	for _, d := range sortedValues(e.Descriptions()) {
		try(Description, -1, d)
	}
	for i := range e.Excerpts() {
		try(Quote, i, e.Excerpts()[i].Quote)
	}
	return best, bestN > 0
}

// foldMap folds s rune by rune and returns the folded text and, for each of its byte
// offsets (and its end), the byte offset in s of the rune it came from.
func foldMap(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int, 0, len(s)+1)
	for i, r := range s {
		f := Fold(string(r))
		b.WriteString(f)
		for range len(f) {
			offs = append(offs, i)
		}
	}
	offs = append(offs, len(s))
	return b.String(), offs
}

// cut is s's match [a, b) with up to SnippetLen characters of context around it, cut at
// spaces where it can be, "…" where text was left out, on one line.
func cut(s string, a, b int) Result {
	// The match's end falls on a rune boundary of s: the folded match ends where a rune
	// of s ends, since folding works rune by rune. Extend b to the end of that rune.
	for b < len(s) && !utf8.RuneStart(s[b]) {
		b++
	}
	room := max(SnippetLen-utf8.RuneCountInString(s[a:b]), 20)
	before, after := s[:a], s[b:]
	lead := room / 3
	if n := utf8.RuneCountInString(before); n > lead {
		before = "…" + trimLeft(before, lead)
	}
	if n := utf8.RuneCountInString(after); n > room-lead {
		after = trimRight(after, room-lead) + "…"
	}
	flat := strings.NewReplacer("\n", " ", "\r", " ", "\t", " ")
	return Result{Before: flat.Replace(before), Match: flat.Replace(s[a:b]), After: flat.Replace(after)}
}

// trimLeft keeps the last n runes of s, starting after a space when one is near.
func trimLeft(s string, n int) string {
	r := []rune(s)
	r = r[len(r)-n:]
	for i := 0; i < len(r) && i < 15; i++ {
		if r[i] == ' ' {
			return string(r[i+1:])
		}
	}
	return string(r)
}

// trimRight keeps the first n runes of s, ending before a space when one is near.
func trimRight(s string, n int) string {
	r := []rune(s)[:n]
	for i := len(r) - 1; i >= 0 && i > len(r)-15; i-- {
		if r[i] == ' ' {
			return string(r[:i])
		}
	}
	return string(r)
}
