//go:build !windows && !darwin

package app

// On Linux and the BSDs the locale is the environment's ($LANGUAGE, $LC_ALL, $LC_MESSAGES,
// $LANG), which Fyne's localizer reads too: setLanguage steers it through $LANGUAGE, so tr
// can take the current language's words through Fyne's lang.X (see i18n_oslocale.go for
// Windows and macOS).

// fyneFollowsEnv reports whether Fyne's localizer follows $LANGUAGE (see setLanguage).
const fyneFollowsEnv = true

// osLocale is "": the locale comes from the environment (systemLang).
func osLocale() string { return "" }
