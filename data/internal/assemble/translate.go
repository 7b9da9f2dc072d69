package assemble

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
)

// TranslationsDir is the folder of the parts that hold translations, one file per
// language: i18n/it.json, i18n/pt.json.
const TranslationsDir = "i18n"

// Translations is one language's file in parts/i18n/, named after its language tag
// (it.json holds Italian). The event parts stay English (plus each event's own "titles",
// written with the event); the translations of lane titles, descriptions and places live
// apart so that a translator and the people editing events do not edit the same files,
// and so that a translation says which English it translates:
//
//	{
//	  "lanes":        {"posts": {"en": "Party and state posts", "it": "Cariche di partito e di Stato"}},
//	  "places":       {"Mexico City": "Città del Messico"},
//	  "descriptions": {"alma-ata": {"en": "The sources disagree ...", "it": "Le fonti non concordano ..."}}
//	}
//
// A lane title or description is translated only while its "en" is the English of the
// parts word for word: when the English changes, the old translation is left out (the
// string falls back to English) and a note names it, so a changed fact never stays in a
// stale translation. Places are translated by their English text, wherever it occurs.
type Translations struct {
	Lanes        map[string]map[string]string `json:"lanes,omitempty"`
	Places       map[string]string            `json:"places,omitempty"`
	Descriptions map[string]map[string]string `json:"descriptions,omitempty"`
}

var langFileRE = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*\.json$`)

// translate applies every i18n/*.json of fsys to the lanes (adding "titles" to their
// JSON) and events, and returns notes on the translations left out.
func translate(fsys fs.FS, lanes []json.RawMessage, events []Event) ([]string, error) {
	names, err := fs.Glob(fsys, TranslationsDir+"/*.json")
	if err != nil {
		return nil, fmt.Errorf("assemble: listing %s: %w", TranslationsDir, err)
	}
	sort.Strings(names)
	var notes []string
	laneTitles := make([]map[string]string, len(lanes))
	laneIdx := map[string]int{}
	laneEN := make([]string, len(lanes))
	for i, raw := range lanes {
		var l struct {
			ID     string          `json:"id"`
			Title  string          `json:"title"`
			Titles json.RawMessage `json:"titles"`
		}
		if err := json.Unmarshal(raw, &l); err != nil {
			return nil, fmt.Errorf("assemble: %s: lanes[%d]: %w", HeaderName, i, err)
		}
		if l.Titles != nil {
			return nil, fmt.Errorf("assemble: %s: lanes[%d]: lane titles are translated in %s/, not in the header", HeaderName, i, TranslationsDir)
		}
		laneIdx[l.ID], laneEN[i] = i, l.Title
	}
	evIdx := make(map[string]int, len(events))
	for i := range events {
		evIdx[events[i].ID] = i
	}
	for _, name := range names {
		base := path.Base(name)
		if !langFileRE.MatchString(base) {
			return nil, fmt.Errorf("assemble: %s: the file name must be a language tag (it.json, pt-BR.json)", name)
		}
		lang := strings.TrimSuffix(base, ".json")
		if lang == "en" {
			return nil, fmt.Errorf("assemble: %s: English is the parts' own language", name)
		}
		var tr Translations
		if err := decodeFile(fsys, name, &tr); err != nil {
			return nil, err
		}
		pair := func(what string, p map[string]string) (en, text string, err error) {
			for k := range p {
				if k != "en" && k != lang {
					return "", "", fmt.Errorf("assemble: %s: %s: unknown key %q (want \"en\" and %q)", name, what, k, lang)
				}
			}
			if strings.TrimSpace(p[lang]) == "" {
				return "", "", fmt.Errorf("assemble: %s: %s: no %q text", name, what, lang)
			}
			return p["en"], p[lang], nil
		}
		for _, id := range sortedKeys(tr.Lanes) {
			en, text, err := pair("lanes."+id, tr.Lanes[id])
			if err != nil {
				return nil, err
			}
			i, ok := laneIdx[id]
			switch {
			case !ok:
				notes = append(notes, fmt.Sprintf("%s: lanes.%s: no such lane; left out", name, id))
			case en != laneEN[i]:
				notes = append(notes, fmt.Sprintf("%s: lanes.%s: the English title is now %q; left out until translated again", name, id, laneEN[i]))
			default:
				if laneTitles[i] == nil {
					laneTitles[i] = map[string]string{}
				}
				laneTitles[i][lang] = text
			}
		}
		for _, id := range sortedKeys(tr.Descriptions) {
			en, text, err := pair("descriptions."+id, tr.Descriptions[id])
			if err != nil {
				return nil, err
			}
			i, ok := evIdx[id]
			switch {
			case !ok:
				notes = append(notes, fmt.Sprintf("%s: descriptions.%s: no such event; left out", name, id))
			case events[i].Description == "":
				notes = append(notes, fmt.Sprintf("%s: descriptions.%s: the event has no description now; left out", name, id))
			case en != events[i].Description:
				notes = append(notes, fmt.Sprintf("%s: descriptions.%s: the English description changed; left out until translated again", name, id))
			default:
				setLang(&events[i].Descriptions, lang, text)
			}
		}
		used := map[string]bool{}
		for i := range events {
			if p := events[i].Place; p != "" {
				if text, ok := tr.Places[p]; ok {
					if strings.TrimSpace(text) == "" {
						return nil, fmt.Errorf("assemble: %s: places[%q]: empty", name, p)
					}
					setLang(&events[i].PlaceNames, lang, text)
					used[p] = true
				}
			}
		}
		for _, p := range sortedKeys(tr.Places) {
			if !used[p] {
				notes = append(notes, fmt.Sprintf("%s: places[%q]: no event has this place", name, p))
			}
		}
	}
	for i, m := range laneTitles {
		if m == nil {
			continue
		}
		t, err := json.Marshal(m)
		if err != nil {
			return nil, err
		}
		raw := bytes.TrimRight(lanes[i], " \t\r\n")
		raw = bytes.TrimSuffix(raw, []byte("}"))
		lanes[i] = append(append(append(raw[:len(raw):len(raw)], `, "titles": `...), t...), '}')
	}
	return notes, nil
}

func setLang(m *map[string]string, lang, text string) {
	if *m == nil {
		*m = map[string]string{}
	}
	(*m)[lang] = text
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
