package app

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
)

// readTranslations parses translations/<tag>.json.
func readTranslations(t *testing.T, tag string) map[string]string {
	t.Helper()
	b, err := translationsFS.ReadFile("translations/" + tag + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("translations/%s.json: %v", tag, err)
	}
	return m
}

// usedKeys are the translation keys the package asks for: every tr call with a literal key
// in the package's non-test files, plus the keys the menus and key help build by name.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	keys := map[string]string{} // key -> where
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 2 {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "tr" {
				return true
			}
			if lit, ok := call.Args[1].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				k, _ := strconv.Unquote(lit.Value)
				keys[k] = fset.Position(lit.Pos()).String()
			}
			return true
		})
	}
	for _, k := range keyHelp {
		keys["keyhelp."+k], keys["keyhelp."+k+".do"] = "keyHelp", "keyHelp"
	}
	for _, th := range themeNames {
		if th == "" {
			th = "system"
		}
		keys["theme."+th] = "menu"
	}
	for _, s := range textSizes {
		keys["textsize."+s.Name] = "menu"
	}
	return keys
}

func TestTranslationFiles(t *testing.T) {
	files := map[string]map[string]string{}
	for _, l := range uiLanguages {
		files[l.Tag] = readTranslations(t, l.Tag)
	}
	used := usedKeys(t)
	if len(used) < 40 {
		t.Fatalf("found only %d keys in tr calls: the scan is broken", len(used))
	}
	t.Run("every key used exists in every language", func(t *testing.T) {
		for k, where := range used {
			for tag, m := range files {
				if strings.TrimSpace(m[k]) == "" {
					t.Errorf("%s: key %q missing or empty in translations/%s.json", where, k, tag)
				}
			}
		}
	})
	t.Run("no file has keys the others lack", func(t *testing.T) {
		for tag, m := range files {
			for k := range m {
				for other, om := range files {
					if _, ok := om[k]; !ok {
						t.Errorf("translations/%s.json has %q, translations/%s.json does not", tag, k, other)
					}
				}
			}
		}
	})
	t.Run("same format verbs in every language", func(t *testing.T) {
		for k, en := range files["en"] {
			for tag, m := range files {
				if verbs(m[k]) != verbs(en) {
					t.Errorf("%s %q: verbs %q, English has %q", tag, k, verbs(m[k]), verbs(en))
				}
			}
		}
	})
}

// verbs is the printf verbs of s in order ("%s%d").
func verbs(s string) string {
	var b strings.Builder
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '%' {
			b.WriteString(s[i : i+2])
			i++
		}
	}
	return b.String()
}

func TestTr(t *testing.T) {
	setLanguage("en")
	tests := []struct{ name, lang, key, want string }{
		{"current language through Fyne", "en", "view", "View"},
		{"another language from the table", "it", "view", "Vista"},
		{"portuguese", "pt", "file", "Arquivo"},
		{"locale form", "pt_BR.UTF-8", "quit", "Sair"},
		{"unknown language is English", "de", "quit", "Quit"},
		{"unknown key is itself", "it", "no-such-key", "no-such-key"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tr(tc.lang, tc.key); got != tc.want {
				t.Errorf("tr(%q, %q) = %q, want %q", tc.lang, tc.key, got, tc.want)
			}
		})
	}
}

func TestNormLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"it", "it"}, {"it_IT.UTF-8", "it"}, {"pt-BR", "pt"}, {"PT_pt", "pt"}, {"en_GB", "en"},
		{"C", "en"}, {"", "en"}, {"de_DE", "en"}, {"ita", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := normLang(tc.in); got != tc.want {
				t.Errorf("normLang(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestFyneWordsFollowLanguage checks that Fyne's own words (its dialogs' buttons) switch with
// the interface: Italian from our fyne.it.json, Portuguese from Fyne's.
func TestFyneWordsFollowLanguage(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_MESSAGES", "")
	t.Cleanup(func() { setLanguage("en") })
	tests := []struct{ lang, cancel, file string }{
		{"it", "Annulla", "File"},
		{"pt", "Cancelar", "Arquivo"}, // Brazilian, as our Portuguese, not Fyne's European "Ficheiro"
		{"en", "Cancel", "File"},
		{"it", "Annulla", "File"}, // and back
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			setLanguage(tc.lang)
			if got := lang.L("Cancel"); got != tc.cancel {
				t.Errorf("lang.L(Cancel) = %q, want %q", got, tc.cancel)
			}
			if got := lang.L("File"); got != tc.file {
				t.Errorf("lang.L(File) = %q, want %q", got, tc.file)
			}
			if got, want := lang.X("view", "?"), tr(tc.lang, "view"); got != want || got == "?" {
				t.Errorf("lang.X(view) = %q, want %q", got, want)
			}
		})
	}
}

// menuLabels is the labels of a main menu's menus and of the View menu's items.
func menuLabels(m *fyne.MainMenu) string {
	var s []string
	for _, mm := range m.Items {
		s = append(s, mm.Label)
	}
	for _, it := range m.Items[1].Items {
		s = append(s, it.Label)
		if it.ChildMenu != nil {
			for _, c := range it.ChildMenu.Items {
				if c.Checked {
					s = append(s, "["+c.Label+"]")
				}
			}
		}
	}
	return strings.Join(s, "|")
}

func TestLanguageSwitchRebuilds(t *testing.T) {
	a := test.NewTempApp(t)
	win := a.NewWindow("")
	t.Cleanup(func() { setLanguage("en") })
	u := newUI(win, testDataset(t), Options{Lang: "en", Theme: "light"})
	win.Resize(fyne.NewSize(1000, 600))
	win.Canvas().Capture()
	u.tl.ShowRange(-20000, -10000)
	u.openDetails(0)
	view := u.tl.View()

	u.setLang("it")
	win.Canvas().Capture()
	for _, want := range []string{"File|Vista|Aiuto|Mostra tutto|Ingrandisci|Riduci|", "|Lingua|[Italiano]|Tema|[Chiaro]|Dimensione del testo|[Normale]"} {
		if got := menuLabels(win.MainMenu()); !strings.Contains(got, want) {
			t.Errorf("Italian menu\n got %s\nwant %s in it", got, want)
		}
	}
	if got := u.search.PlaceHolder; got != "Cerca titoli, luoghi, citazioni…" {
		t.Errorf("search placeholder %q", got)
	}
	if !u.open || u.tl.Selected() != 0 || !strings.Contains(labelsText(u.det.box), "Commissario del popolo alla guerra") {
		t.Errorf("details not kept open on the Italian title: open %v, selected %d:\n%s", u.open, u.tl.Selected(), labelsText(u.det.box))
	}
	if v := u.tl.View(); !near(v.Start, view.Start, 0.5) || !near(v.End, view.End, 0.5) {
		t.Errorf("view moved on a language switch: %v -> %v", view, v)
	}
	if u.eng.Config().Lang != "it" {
		t.Errorf("scene language %q, want it (axis labels)", u.eng.Config().Lang)
	}
	if got := a.Preferences().String(prefLang); got != "it" {
		t.Errorf("remembered language %q", got)
	}

	u.setLang("pt")
	if got := win.MainMenu().Items[0].Label; got != "Arquivo" {
		t.Errorf("Portuguese File menu %q", got)
	}
	if got := lang.L("Cancel"); got != "Cancelar" {
		t.Errorf("Fyne's Cancel in Portuguese: %q", got)
	}
}
