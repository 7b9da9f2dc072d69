package data

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"trotskytimeline/data/internal/assemble"
)

// The test decodes the document with its own types (not the timeline package) so
// that the data can be checked independently of the loader.
type testDoc struct {
	Format  string       `json:"format"`
	Title   string       `json:"title"`
	Lanes   []testLane   `json:"lanes"`
	Sources []testSource `json:"sources"`
	Events  []testEvent  `json:"events"`
	Tour    []string     `json:"tour"`
	// The places and gazetteers are checked by the format's loader (places_test.go).
	Places     []json.RawMessage `json:"places"`
	Gazetteers []json.RawMessage `json:"gazetteers"`
}

type testLane struct {
	ID     string            `json:"id"`
	Title  string            `json:"title"`
	Titles map[string]string `json:"titles"`
	Color  string            `json:"color"`
	// Whereabouts marks the lane whose places make the map's path.
	Whereabouts bool `json:"whereabouts"`
}

type testSource struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Lang      string `json:"lang"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	Author    string `json:"author"`
	Date      string `json:"date"`
	File      string `json:"file"`
	Text      string `json:"text"`
}

type testEvent struct {
	ID          string            `json:"id"`
	Lane        string            `json:"lane"`
	Title       string            `json:"title"`
	Titles      map[string]string `json:"titles"`
	Start       string            `json:"start"`
	End         string            `json:"end"`
	Calendar    string            `json:"calendar"`
	Place       string            `json:"place"`
	PlaceNames  map[string]string `json:"placeNames"`
	Places      []string          `json:"places"`
	Whereabouts string            `json:"whereabouts"`
	Tags        []string          `json:"tags"`
	Description string            `json:"description"`
	// Descriptions and PlaceNames are assembled from parts/i18n/.
	Descriptions map[string]string `json:"descriptions"`
	Excerpts     []struct {
		Source string `json:"source"`
		Quote  string `json:"quote"`
		Date   string `json:"date"`
		End    string `json:"end"`
	} `json:"excerpts"`
	Media []struct {
		File    string `json:"file"`
		URL     string `json:"url"`
		Caption string `json:"caption"`
		Credit  string `json:"credit"`
	} `json:"media"`
}

func loadDoc(t *testing.T) (*testDoc, map[string]string) {
	t.Helper()
	raw, err := fs.ReadFile(FS, Name)
	if err != nil {
		t.Fatalf("reading embedded %s: %v", Name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var d testDoc
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("decoding %s: %v", Name, err)
	}
	texts := map[string]string{}
	for _, s := range d.Sources {
		if s.File == "" {
			texts[s.ID] = s.Text
			continue
		}
		b, err := fs.ReadFile(FS, s.File)
		if err != nil {
			t.Fatalf("source %q: reading %s: %v", s.ID, s.File, err)
		}
		texts[s.ID] = string(b)
	}
	return &d, texts
}

var (
	idRE    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	colorRE = regexp.MustCompile(`^#[0-9a-f]{6}$`)
	edtfRE  = regexp.MustCompile(`^([0-9]{4}|[0-9]{3}X|[0-9]{2}XX)(-(2[1-4]|[0-9]{2}|XX)(-([0-9]{2}|XX))?)?[?~%]?$`)
)

// validEDTF reports whether d is a date of the EDTF subset the format allows, with a
// real month and day when they are specified.
func validEDTF(d string) bool {
	if !edtfRE.MatchString(d) {
		return false
	}
	parts := strings.Split(strings.TrimRight(d, "?~%"), "-")
	if len(parts) >= 2 && parts[1] >= "21" && parts[1] <= "24" {
		return len(parts) == 2 && !strings.Contains(parts[0], "X") // a season: no day, a whole year
	}
	if len(parts) >= 2 && parts[1] != "XX" {
		m, _ := strconv.Atoi(parts[1])
		if m < 1 || m > 12 {
			return false
		}
		if len(parts) == 3 && parts[2] != "XX" {
			day, _ := strconv.Atoi(parts[2])
			y, err := strconv.Atoi(parts[0])
			if err != nil {
				return day >= 1 && day <= 31
			}
			return day >= 1 && day <= daysIn(y, m)
		}
	} else if len(parts) == 3 && parts[2] != "XX" {
		return false // a day in an unspecified month
	}
	return true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func TestDataset(t *testing.T) {
	d, texts := loadDoc(t)
	lanes := map[string]bool{}
	sources := map[string]bool{}

	t.Run("header", func(t *testing.T) {
		if d.Format != "timeline/1" {
			t.Errorf("format = %q, want timeline/1", d.Format)
		}
		if d.Title != "Leon Trotsky, 1879–1940" {
			t.Errorf("title = %q", d.Title)
		}
		wantLanes := []string{"posts", "exile", "trials", "events", "writings", "life", "posthumous"}
		if len(d.Lanes) != len(wantLanes) {
			t.Fatalf("%d lanes, want %d", len(d.Lanes), len(wantLanes))
		}
		colors := map[string]bool{}
		for i, l := range d.Lanes {
			if l.ID != wantLanes[i] {
				t.Errorf("lanes[%d].id = %q, want %q", i, l.ID, wantLanes[i])
			}
			if l.Title == "" || !colorRE.MatchString(l.Color) || colors[l.Color] {
				t.Errorf("lanes[%d]: title %q, colour %q: want a title and a distinct #rrggbb colour", i, l.Title, l.Color)
			}
			colors[l.Color] = true
		}
	})
	for _, l := range d.Lanes {
		lanes[l.ID] = true
	}
	for _, s := range d.Sources {
		sources[s.ID] = true
	}

	t.Run("sources", func(t *testing.T) {
		seen := map[string]bool{}
		for i, s := range d.Sources {
			if !idRE.MatchString(s.ID) || seen[s.ID] {
				t.Errorf("sources[%d].id %q: not a unique kebab-case id", i, s.ID)
			}
			seen[s.ID] = true
			if s.Title == "" || s.Lang == "" {
				t.Errorf("sources[%d] %q: missing title or lang", i, s.ID)
			}
			if s.File != "sources/"+s.ID+".txt" {
				t.Errorf("sources[%d] %q: file %q, want sources/%s.txt", i, s.ID, s.File, s.ID)
			}
			if strings.TrimSpace(texts[s.ID]) == "" {
				t.Errorf("sources[%d] %q: empty text", i, s.ID)
			}
			if s.Date != "" && !validEDTF(s.Date) {
				t.Errorf("sources[%d] %q: date %q is not EDTF", i, s.ID, s.Date)
			}
		}
		files, err := fs.Glob(FS, "sources/*")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			id := strings.TrimSuffix(strings.TrimPrefix(f, "sources/"), ".txt")
			if !seen[id] {
				t.Errorf("%s: embedded but not a source of the dataset", f)
			}
		}
	})

	t.Run("events", func(t *testing.T) {
		ids := map[string]bool{}
		for i, e := range d.Events {
			where := "events[" + strconv.Itoa(i) + "] " + strconv.Quote(e.ID)
			if !idRE.MatchString(e.ID) {
				t.Errorf("%s: id is not kebab-case", where)
			}
			if ids[e.ID] {
				t.Errorf("%s: duplicate id", where)
			}
			ids[e.ID] = true
			if !lanes[e.Lane] {
				t.Errorf("%s: unknown lane %q", where, e.Lane)
			}
			if strings.TrimSpace(e.Title) == "" {
				t.Errorf("%s: no English title", where)
			}
			for _, lang := range []string{"it", "pt"} {
				if strings.TrimSpace(e.Titles[lang]) == "" {
					t.Errorf("%s: no %s title", where, lang)
				}
			}
			if e.Calendar != "" && e.Calendar != "julian" && e.Calendar != "julian?" && e.Calendar != "gregorian" {
				t.Errorf("%s: calendar %q: want julian, julian? or gregorian", where, e.Calendar)
			}
			if !validEDTF(e.Start) {
				t.Errorf("%s: start %q is not EDTF", where, e.Start)
			}
			if e.End != "" && e.End != ".." {
				if !validEDTF(e.End) {
					t.Errorf("%s: end %q is not EDTF", where, e.End)
				} else if _, hi := days(t, e.End); hi < first(t, e.Start) {
					t.Errorf("%s: end %q before start %q", where, e.End, e.Start)
				}
			}
			if len(e.Excerpts) == 0 {
				t.Errorf("%s: no excerpt", where)
			}
			for j, x := range e.Excerpts {
				if !sources[x.Source] {
					t.Errorf("%s: excerpts[%d]: unknown source %q", where, j, x.Source)
					continue
				}
				if len([]rune(x.Quote)) < 12 {
					t.Errorf("%s: excerpts[%d]: quote %q too short to attest anything", where, j, x.Quote)
				}
				if !strings.Contains(texts[x.Source], x.Quote) {
					t.Errorf("%s: excerpts[%d]: quote not found verbatim in source %q: %q", where, j, x.Source, x.Quote)
				}
				if x.Date != "" && !validEDTF(x.Date) {
					t.Errorf("%s: excerpts[%d]: date %q is not EDTF", where, j, x.Date)
				}
				if x.End != "" && !validEDTF(x.End) {
					t.Errorf("%s: excerpts[%d]: end %q is not EDTF", where, j, x.End)
				}
			}
		}
		for i, id := range d.Tour {
			if !ids[id] {
				t.Errorf("tour[%d]: unknown event %q", i, id)
			}
		}
	})

	t.Run("every lane and source used", func(t *testing.T) {
		usedLane, usedSource := map[string]bool{}, map[string]bool{}
		for _, e := range d.Events {
			usedLane[e.Lane] = true
			for _, x := range e.Excerpts {
				usedSource[x.Source] = true
			}
		}
		for _, l := range d.Lanes {
			if !usedLane[l.ID] {
				t.Errorf("lane %q has no event", l.ID)
			}
		}
		for _, s := range d.Sources {
			if !usedSource[s.ID] {
				t.Errorf("source %q is quoted by no event", s.ID)
			}
		}
	})

	t.Run("at least 150 events", func(t *testing.T) {
		if len(d.Events) < 150 {
			t.Errorf("%d events, want at least 150", len(d.Events))
		}
	})

	t.Run("assembled from parts", func(t *testing.T) {
		want, err := assemble.Assemble(os.DirFS("parts"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := fs.ReadFile(FS, Name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run `go generate ./data/`", Name)
		}
	})
}

func TestValidEDTF(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"year", "1898", true},
		{"month", "1921-03", true},
		{"day", "1940-08-20", true},
		{"uncertain", "1917?", true},
		{"approximate month", "1921-03~", true},
		{"both", "1905%", true},
		{"decade", "192X", true},
		{"unspecified month", "1918-XX", true},
		{"leap day", "1904-02-29", true},
		{"no leap day", "1905-02-29", false},
		{"month 13", "1921-13", false},
		{"day 31 of April", "1921-04-31", false},
		{"old style slash", "1879-10-26/11-07", false},
		{"empty", "", false},
		{"words", "spring 1918", false},
		{"season", "1919-24", true},
		{"season with a day", "1919-24-01", false},
		{"month 25", "1919-25", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := validEDTF(tc.in); got != tc.want {
				t.Errorf("validEDTF(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}
