package app

import (
	"os"
	"strings"
)

// uiText holds the interface's words in English, Italian and Portuguese, by key.
var uiText = map[string][3]string{
	"file":        {"File", "File", "Arquivo"},
	"open":        {"Open…", "Apri…", "Abrir…"},
	"export":      {"Export…", "Esporta…", "Exportar…"},
	"quit":        {"Quit", "Esci", "Sair"},
	"view":        {"View", "Vista", "Ver"},
	"fit":         {"Fit all", "Mostra tutto", "Ajustar tudo"},
	"zoomin":      {"Zoom in", "Ingrandisci", "Ampliar"},
	"zoomout":     {"Zoom out", "Riduci", "Reduzir"},
	"help":        {"Help", "Aiuto", "Ajuda"},
	"about":       {"About", "Informazioni", "Sobre"},
	"keys":        {"Keyboard shortcuts", "Scorciatoie da tastiera", "Atalhos de teclado"},
	"search":      {"Search titles, places, quotes…", "Cerca titoli, luoghi, citazioni…", "Pesquisar títulos, lugares, citações…"},
	"lanes":       {"Lanes", "Corsie", "Faixas"},
	"dates":       {"Dates", "Date", "Datas"},
	"oldstyle":    {"Old Style", "Calendario giuliano", "Calendário juliano"},
	"place":       {"Place", "Luogo", "Lugar"},
	"lane":        {"Lane", "Corsia", "Faixa"},
	"sources":     {"Sources", "Fonti", "Fontes"},
	"contested":   {"The sources disagree on the date", "Le fonti non concordano sulla data", "As fontes discordam sobre a data"},
	"source":      {"Source", "Fonte", "Fonte"},
	"date":        {"Date", "Data", "Data"},
	"showsource":  {"Show in source", "Mostra nella fonte", "Mostrar na fonte"},
	"close":       {"Close", "Chiudi", "Fechar"},
	"noselection": {"Click an event to see its sources.", "Fai clic su un evento per vederne le fonti.", "Clique num evento para ver as fontes."},
	"noresults":   {"No matches", "Nessun risultato", "Nenhum resultado"},
	"nevents":     {"%s events", "%s eventi", "%s eventos"},
	"manyevents":  {"Many events", "Molti eventi", "Muitos eventos"},
	"language":    {"language", "lingua", "idioma"},
	"nodate":      {"no date given", "nessuna data", "sem data"},
	"openerr":     {"Could not open the timeline", "Impossibile aprire la cronologia", "Não foi possível abrir a cronologia"},
}

// langIndex maps a UI language to its column in uiText.
func langIndex(lang string) int {
	switch lang {
	case "it":
		return 1
	case "pt":
		return 2
	}
	return 0
}

// tr returns the interface text for key in lang (English when unknown).
func tr(lang, key string) string {
	if v, ok := uiText[key]; ok {
		return v[langIndex(lang)]
	}
	return key
}

// systemLang picks "en", "it" or "pt" from the environment's locale (LC_ALL, LC_MESSAGES,
// LANG), defaulting to English.
func systemLang() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := strings.ToLower(os.Getenv(k))
		if v == "" {
			continue
		}
		switch {
		case strings.HasPrefix(v, "it"):
			return "it"
		case strings.HasPrefix(v, "pt"):
			return "pt"
		}
		return "en"
	}
	return "en"
}
