package app

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold returns s for matching that ignores case and accents: NFD, combining marks dropped,
// lower-cased. fold("Città del Messico") == fold("Citta del MESSICO").
func fold(s string) string {
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
