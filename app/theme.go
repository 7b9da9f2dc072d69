package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"trotskytimeline/assets"
)

// Noto Sans as Fyne resources: the whole interface uses the font the scene measures with,
// so labels in panels and on the timeline look alike.
var (
	notoRegular = fyne.NewStaticResource("NotoSans-Regular.ttf", assets.NotoSansRegular)
	notoBold    = fyne.NewStaticResource("NotoSans-Bold.ttf", assets.NotoSansBold)
)

// appTheme is Fyne's default theme with Noto Sans and, when the user chose one, a fixed
// variant ("light", "dark") or a high-contrast palette ("contrast"), its text sizes scaled
// by the text-size setting.
type appTheme struct {
	name  string  // "", "light", "dark", "contrast"
	scale float32 // text scale (textSizes); 0 means 1
}

var _ fyne.Theme = (*appTheme)(nil)

func newAppTheme(name string) *appTheme { return &appTheme{name: name, scale: 1} }

// themeNames are the themes a user can choose, "" following the system's light or dark.
var themeNames = []string{"", "light", "dark", "contrast"}

// validTheme reports whether name is one of themeNames.
func validTheme(name string) bool {
	for _, n := range themeNames {
		if n == name {
			return true
		}
	}
	return false
}

// textSizes are the text-size settings and how much each scales the interface's text and
// the timeline's labels and rows.
var textSizes = []struct {
	Name  string
	Scale float32
}{
	{"small", 0.85},
	{"normal", 1},
	{"large", 1.25},
	{"xlarge", 1.5},
}

// textScale is the scale of a text-size setting (1 for an unknown one).
func textScale(name string) float32 {
	for _, s := range textSizes {
		if s.Name == name {
			return s.Scale
		}
	}
	return 1
}

// validTextSize reports whether name is one of textSizes.
func validTextSize(name string) bool {
	for _, s := range textSizes {
		if s.Name == name {
			return true
		}
	}
	return false
}

// variant is the variant the theme forces, or v when it follows the system.
func (t *appTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.name {
	case "light":
		return theme.VariantLight
	case "dark", "contrast":
		return theme.VariantDark
	}
	return v
}

// Color returns the default theme's colours, with a black and white palette for "contrast".
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.name == "contrast" {
		switch n {
		case theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground,
			theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground:
			return color.Black
		case theme.ColorNameForeground:
			return color.White
		case theme.ColorNamePrimary, theme.ColorNameHyperlink:
			return color.NRGBA{R: 0xff, G: 0xd7, B: 0x00, A: 0xff}
		case theme.ColorNameFocus:
			// The active menu item's background under white text (6.0:1), and focus rings
			// against black (3.5:1); yellow under white text was 1.4:1.
			return color.NRGBA{R: 0x20, G: 0x60, B: 0xc0, A: 0xff}
		case theme.ColorNameSeparator, theme.ColorNameInputBorder:
			return color.White
		case theme.ColorNameDisabled, theme.ColorNamePlaceHolder:
			return color.NRGBA{R: 0xcc, G: 0xcc, B: 0xcc, A: 0xff}
		case theme.ColorNameHover, theme.ColorNameSelection:
			return color.NRGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xff}
		case theme.ColorNameForegroundOnPrimary:
			return color.Black
		}
	}
	return theme.DefaultTheme().Color(n, t.variant(v))
}

// Font returns Noto Sans (bold for bold text); monospace text keeps Fyne's own face.
func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	if s.Bold {
		return notoBold
	}
	return notoRegular
}

// Icon returns the default theme's icons.
func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size returns the default theme's sizes, text (and the icons inline with it) scaled.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	v := theme.DefaultTheme().Size(n)
	if t.scale <= 0 || t.scale == 1 {
		return v
	}
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return float32(math.Round(float64(v * t.scale)))
	}
	return v
}

// isDark reports whether the theme paints dark backgrounds under the current settings.
func (t *appTheme) isDark() bool {
	v := theme.VariantLight
	if a := fyne.CurrentApp(); a != nil {
		v = a.Settings().ThemeVariant()
	}
	return t.variant(v) == theme.VariantDark
}

// contrastMenu, in the high-contrast theme, writes each menu item's shortcut into its label
// ("Export… (Ctrl+E)") instead of beside it: Fyne draws shortcuts at a fifth of the text's
// opacity (1.6:1 on black), under WCAG AA's 4.5:1. The ui registers the shortcuts on the
// canvas itself (installShortcuts, wire), so they work without the menu's.
func (u *ui) contrastMenu(m *fyne.MainMenu) *fyne.MainMenu {
	if u.set.Theme != "contrast" {
		return m
	}
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if sc, ok := it.Shortcut.(*desktop.CustomShortcut); ok {
				it.Label += " (" + shortcutLabel(sc) + ")"
				it.Shortcut = nil
			}
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
		}
	}
	for _, menu := range m.Items {
		walk(menu.Items)
	}
	return m
}

// shortcutLabel is how a shortcut is written: "Ctrl+E".
func shortcutLabel(sc *desktop.CustomShortcut) string {
	s := ""
	if sc.Modifier&fyne.KeyModifierShortcutDefault != 0 {
		s = "Ctrl+"
		if fyne.KeyModifierShortcutDefault == fyne.KeyModifierSuper {
			s = "Cmd+"
		}
	}
	if sc.Modifier&fyne.KeyModifierShift != 0 {
		s += "Shift+"
	}
	return s + string(sc.KeyName)
}
