package app

import (
	"embed"
	"encoding/json"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// The interface's words live in translations/: en.json, it.json and pt.json map the same keys
// to English, Italian and Portuguese (a test checks that every key tr is called with exists in
// all three, and that no file has a key the others lack). fyne.it.json translates Fyne's own
// words (dialog buttons, the file dialog), which Fyne ships in Portuguese but not in Italian.
//
//go:embed translations/*.json
var translationsFS embed.FS

// uiLanguages are the interface's languages, by tag, each named in its own language.
var uiLanguages = []struct{ Tag, Name string }{
	{"en", "English"},
	{"it", "Italiano"},
	{"pt", "Português"},
}

var (
	langMu      sync.Mutex
	currentLang string // the language Fyne's localizer is set to ("" before setLanguage)
	langTables  map[string]map[string]string
	langOnce    sync.Once
	// fyneHasTables: translations/ was given to Fyne's lang package (by setLanguage).
	fyneHasTables bool
	sysLangOnce   sync.Once
	sysLang       string
)

// loadTables registers translations/ with Fyne's lang package and keeps each of our three
// files as a plain table too, for the English fallback and for a language that is not the
// current one.
func loadTables() {
	langTables = map[string]map[string]string{}
	for _, l := range uiLanguages {
		b, err := translationsFS.ReadFile("translations/" + l.Tag + ".json")
		if err != nil {
			fyne.LogError("app: reading translations/"+l.Tag+".json", err)
			continue
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			fyne.LogError("app: translations/"+l.Tag+".json", err)
		}
		langTables[l.Tag] = m
	}
}

// normLang maps a language tag or locale ("pt_BR.UTF-8", "it-IT") to "en", "it" or "pt".
func normLang(l string) string {
	l = strings.ToLower(l)
	for _, u := range uiLanguages {
		if strings.HasPrefix(l, u.Tag) && (len(l) == 2 || !isLetter(l[2])) {
			return u.Tag
		}
	}
	return "en"
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// setLanguage makes l ("en", "it", "pt") the language of tr and of Fyne's own words (the
// buttons of its dialogs) and returns it. Fyne's lang package picks its language from the
// environment's locale when translations are added and has no setter, so setLanguage puts l
// first in $LANGUAGE (and, when the locale is unset or "C", in $LC_MESSAGES, which $LANGUAGE
// needs) and adds translations again, which makes Fyne choose anew. Widgets already drawn keep
// their words until they are rebuilt: the ui rebuilds its menus and panels after a switch.
func setLanguage(l string) string {
	l = normLang(l)
	systemLang() // read the system's choice before changing the environment
	langMu.Lock()
	defer langMu.Unlock()
	langOnce.Do(loadTables)
	// Fyne gets our translations once, at the first setLanguage: tr may have loaded the
	// tables before (a figure's problems in a language not yet chosen), which must not keep
	// them from Fyne.
	first := !fyneHasTables
	fyneHasTables = true
	if l == currentLang && !first {
		return l
	}
	loc := fyneLocale(l)
	os.Setenv("LANGUAGE", strings.ReplaceAll(loc, "-", "_"))
	if v := localeEnv(); v == "" || v == "C" || v == "POSIX" {
		if os.Getenv("LC_ALL") != "" {
			os.Setenv("LC_ALL", l)
		} else {
			os.Setenv("LC_MESSAGES", l)
		}
	}
	if first {
		if err := lang.AddTranslationsFS(translationsFS, "translations"); err != nil {
			fyne.LogError("app: loading translations", err)
		}
	}
	// Adding translations makes Fyne read the environment again; ours for the locale Fyne
	// will pick, since its localizer looks a key up in that one language only.
	if b, err := translationsFS.ReadFile("translations/" + l + ".json"); err == nil && loc != l {
		if err := lang.AddTranslationsForLocale(b, fyne.Locale(loc)); err != nil {
			fyne.LogError("app: loading translations for "+loc, err)
		}
	} else if !first {
		if err := lang.AddTranslationsForLocale([]byte("{}"), fyne.Locale(l)); err != nil {
			fyne.LogError("app: choosing "+l, err)
		}
	}
	currentLang = l
	return l
}

// fyneLocale is the locale Fyne's own words are taken in for language l: Brazilian
// Portuguese for "pt" (our Portuguese is Brazilian: "Arquivo", not Fyne's European
// "Ficheiro"), the language itself otherwise.
func fyneLocale(l string) string {
	if l == "pt" {
		return "pt-BR"
	}
	return l
}

// localeEnv is the first of $LC_ALL, $LC_MESSAGES and $LANG that is set, as gettext (and
// Fyne's locale lookup) reads them.
func localeEnv() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// tr returns the interface text for key in l ("en", "it", "pt"): through Fyne's lang.X when
// l is the current language (setLanguage) and Fyne's localizer follows it, from our tables
// otherwise; English when the language lacks the key, the key itself when no file has it.
func tr(l, key string) string {
	langMu.Lock()
	langOnce.Do(loadTables)
	cur := currentLang
	langMu.Unlock()
	en, ok := langTables["en"][key]
	if !ok {
		en = key
	}
	l = normLang(l)
	if l == cur && fyneFollowsEnv {
		return lang.X(key, en)
	}
	if v, ok := langTables[l][key]; ok {
		return v
	}
	return en
}

// systemLang picks "en", "it" or "pt" from the environment's locale as the program found it
// ($LANGUAGE's first entry when the locale is set and not "C", else $LC_ALL, $LC_MESSAGES,
// $LANG), defaulting to English. It is read once, before setLanguage changes the environment.
// On Windows and macOS, where programs get no $LANG, it is the user's locale as the system
// gives it (osLocale).
func systemLang() string {
	sysLangOnce.Do(func() {
		if loc := osLocale(); loc != "" {
			sysLang = normLang(loc)
			return
		}
		loc := localeEnv()
		if loc == "" || loc == "C" || loc == "POSIX" {
			sysLang = "en"
			return
		}
		if l := os.Getenv("LANGUAGE"); l != "" {
			loc = strings.Split(l, ":")[0]
		}
		sysLang = normLang(loc)
	})
	return sysLang
}
