package data

import (
	"strings"
	"testing"
)

// TestTranslations checks the translations the assembler merged from parts/i18n/: every
// lane title is in Italian and Portuguese, no translation is empty, and none stands
// without the English it translates (a place or description the event does not have).
// Translations that are missing fall back to English and are counted by `validate`.
func TestTranslations(t *testing.T) {
	d, _ := loadDoc(t)
	for _, l := range d.Lanes {
		for _, lang := range []string{"it", "pt"} {
			if strings.TrimSpace(l.Titles[lang]) == "" {
				t.Errorf("lane %q: no %s title", l.ID, lang)
			}
		}
	}
	for _, e := range d.Events {
		for what, m := range map[string]map[string]string{"placeNames": e.PlaceNames, "descriptions": e.Descriptions} {
			for lang, text := range m {
				if strings.TrimSpace(text) == "" {
					t.Errorf("event %q: %s[%s] is empty", e.ID, what, lang)
				}
			}
		}
		if len(e.PlaceNames) > 0 && e.Place == "" {
			t.Errorf("event %q: placeNames without a place", e.ID)
		}
		if len(e.Descriptions) > 0 && e.Description == "" {
			t.Errorf("event %q: descriptions without a description", e.ID)
		}
	}
}
