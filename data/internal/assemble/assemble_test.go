package assemble

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"
)

const header = `{"format": "timeline/1", "title": "T", "lanes": [{"id": "a", "title": "A"}], "sources": [{"id": "s", "title": "S", "lang": "en", "text": "x"}]}`

func TestAssemble(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		wantIDs []string // event ids in output order
		wantErr string   // substring of the error, "" for success
	}{
		{
			name:    "header only",
			files:   map[string]string{"header.json": header},
			wantIDs: []string{},
		},
		{
			name: "two parts sorted by start then id",
			files: map[string]string{
				"header.json": header,
				"a.json":      `[{"id": "z", "lane": "a", "title": "Z", "start": "1905"}, {"id": "late", "lane": "a", "title": "L", "start": "1940-08-20"}]`,
				"b.json":      `[{"id": "y", "lane": "a", "title": "Y", "start": "1905"}, {"id": "early", "lane": "a", "title": "E", "start": "1879-11-07"}]`,
			},
			wantIDs: []string{"early", "y", "z", "late"},
		},
		{
			name: "year before a day of that year, qualifiers ignored",
			files: map[string]string{
				"header.json": header,
				"a.json":      `[{"id": "d", "lane": "a", "title": "D", "start": "1917-11-07"}, {"id": "m", "lane": "a", "title": "M", "start": "1917-04~"}, {"id": "y", "lane": "a", "title": "Y", "start": "1917?"}, {"id": "x", "lane": "a", "title": "X", "start": "191X"}]`,
			},
			wantIDs: []string{"x", "y", "m", "d"},
		},
		{
			name: "duplicate id across parts",
			files: map[string]string{
				"header.json": header,
				"a.json":      `[{"id": "e", "lane": "a", "title": "E", "start": "1905"}]`,
				"b.json":      `[{"id": "e", "lane": "a", "title": "E", "start": "1906"}]`,
			},
			wantErr: `b.json: event[0]: id "e" already defined in a.json`,
		},
		{
			name: "unknown field",
			files: map[string]string{
				"header.json": header,
				"a.json":      "[\n{\"id\": \"e\", \"lane\": \"a\", \"title\": \"E\", \"start\": \"1905\", \"stat\": \"x\"}]",
			},
			wantErr: `a.json: line 2`,
		},
		{
			name:    "invalid JSON",
			files:   map[string]string{"header.json": header, "a.json": `[{"id": }]`},
			wantErr: "a.json: line 1 col",
		},
		{
			name:    "missing header",
			files:   map[string]string{"a.json": `[]`},
			wantErr: "reading header.json",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, text := range tc.files {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			out, err := Assemble(fsys)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Assemble() error = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Assemble(): %v", err)
			}
			var doc struct {
				Format string `json:"format"`
				Events []struct {
					ID string `json:"id"`
				} `json:"events"`
			}
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out)
			}
			if doc.Format != "timeline/1" {
				t.Errorf("format = %q", doc.Format)
			}
			got := []string{}
			for _, e := range doc.Events {
				got = append(got, e.ID)
			}
			if strings.Join(got, ",") != strings.Join(tc.wantIDs, ",") {
				t.Errorf("event order = %v, want %v", got, tc.wantIDs)
			}
			again, err := Assemble(fsys)
			if err != nil || string(again) != string(out) {
				t.Errorf("second run differs (err %v): output is not deterministic", err)
			}
		})
	}
}

func TestAssembleKeepsCharacters(t *testing.T) {
	quote := `He said “<Do not kill him>” & left — ’`
	fsys := fstest.MapFS{
		"header.json": {Data: []byte(header)},
		"a.json":      {Data: []byte(`[{"id": "e", "lane": "a", "title": "E", "start": "1940", "excerpts": [{"source": "s", "quote": ` + mustJSON(t, quote) + `}]}]`)},
	}
	out, err := Assemble(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), quote) {
		t.Errorf("output does not contain %q verbatim (HTML-escaped?):\n%s", quote, out)
	}
}

func mustJSON(t *testing.T, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSortKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"day", "1940-08-20", "1940-08-20"},
		{"uncertain year", "1917?", "1917"},
		{"approximate month", "1917-04~", "1917-04"},
		{"both", "1905%", "1905"},
		{"decade", "193X", "1930"},
		{"unspecified month", "1918-XX", "1918-00"},
		{"open", "..", "9999"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SortKey(tc.in); got != tc.want {
				t.Errorf("SortKey(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
