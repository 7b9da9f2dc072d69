//go:build windows || darwin

package app

import "fyne.io/fyne/v2/lang"

// On Windows and macOS the language is the user's setting in the system (Fyne's lang reads it
// with GetUserDefaultLocaleName and NSLocale), not $LANG or $LANGUAGE: a program started from
// Explorer or the Finder has none of them, and Fyne's localizer ignores them there. So the
// system language comes from the system, and tr takes our words from our own tables, since
// setLanguage cannot steer Fyne's localizer away from the system's language. Fyne's own
// words (its dialogs' buttons) stay in the system's language on these systems.

// fyneFollowsEnv reports whether Fyne's localizer follows $LANGUAGE (see setLanguage).
const fyneFollowsEnv = false

// osLocale is the user's locale as the system gives it ("it-IT").
func osLocale() string { return lang.SystemLocale().String() }
