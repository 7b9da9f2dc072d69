package app

import (
	"image/color"

	"fyne.io/fyne/v2"
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
// variant ("light", "dark") or a high-contrast palette ("contrast").
type appTheme struct {
	name string // "", "light", "dark", "contrast"
}

var _ fyne.Theme = (*appTheme)(nil)

func newAppTheme(name string) *appTheme { return &appTheme{name: name} }

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
		case theme.ColorNamePrimary, theme.ColorNameFocus, theme.ColorNameHyperlink:
			return color.NRGBA{R: 0xff, G: 0xd7, B: 0x00, A: 0xff}
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

// Size returns the default theme's sizes.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// isDark reports whether the theme paints dark backgrounds under the current settings.
func (t *appTheme) isDark() bool {
	v := theme.VariantLight
	if a := fyne.CurrentApp(); a != nil {
		v = a.Settings().ThemeVariant()
	}
	return t.variant(v) == theme.VariantDark
}
