package app

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trotskytimeline/timeline/scene"
)

// luminance is WCAG 2's relative luminance of an opaque colour.
func luminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// over composites c on the opaque colour bg.
func over(c color.Color, bg color.NRGBA) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	a := float64(n.A) / 255
	mix := func(f, b uint8) uint8 { return uint8(math.Round(float64(f)*a + float64(b)*(1-a))) }
	return color.NRGBA{mix(n.R, bg.R), mix(n.G, bg.G), mix(n.B, bg.B), 255}
}

// contrast is WCAG 2's contrast ratio of text colour fg on background bg (bg composited on
// base first, fg on the result), from 1 to 21.
func contrast(fg, bg color.Color, base color.NRGBA) float64 {
	b := over(bg, base)
	f := over(fg, b)
	l1, l2 := luminance(f), luminance(b)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
}

func TestContrastRatioKnownValues(t *testing.T) {
	black, white := color.NRGBA{0, 0, 0, 255}, color.NRGBA{255, 255, 255, 255}
	if c := contrast(white, black, black); math.Abs(c-21) > 0.01 {
		t.Errorf("white on black %.2f, want 21", c)
	}
	// #767676 on white is the classic just-passing grey: 4.54:1.
	if c := contrast(color.NRGBA{0x76, 0x76, 0x76, 255}, white, white); math.Abs(c-4.54) > 0.01 {
		t.Errorf("#767676 on white %.2f, want 4.54", c)
	}
}

// TestThemeContrast computes the contrast of every text colour of each theme on each
// background it is drawn on, hovered and selected menu items and list rows included. The
// high-contrast theme must meet WCAG AA (4.5:1) for all of them; the others are logged.
func TestThemeContrast(t *testing.T) {
	type pair struct {
		what   string
		fg, bg fyne.ThemeColorName
		under  fyne.ThemeColorName // what bg is drawn over ("" : the window's background)
	}
	pairs := []pair{
		{"text", theme.ColorNameForeground, theme.ColorNameBackground, ""},
		{"menu item", theme.ColorNameForeground, theme.ColorNameMenuBackground, ""},
		{"active (hovered) menu item", theme.ColorNameForeground, theme.ColorNameFocus, theme.ColorNameMenuBackground},
		{"hovered menu bar item, list row", theme.ColorNameForeground, theme.ColorNameHover, theme.ColorNameBackground},
		{"selected list row", theme.ColorNameForeground, theme.ColorNameSelection, theme.ColorNameBackground},
		{"disabled menu item", theme.ColorNameDisabled, theme.ColorNameMenuBackground, ""},
		{"dialog text", theme.ColorNameForeground, theme.ColorNameOverlayBackground, ""},
		{"entry text", theme.ColorNameForeground, theme.ColorNameInputBackground, theme.ColorNameBackground},
		{"entry placeholder", theme.ColorNamePlaceHolder, theme.ColorNameInputBackground, theme.ColorNameBackground},
		{"button", theme.ColorNameForeground, theme.ColorNameButton, theme.ColorNameBackground},
		{"hovered button", theme.ColorNameForeground, theme.ColorNameHover, theme.ColorNameButton},
		{"primary button", theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary, theme.ColorNameBackground},
		{"link", theme.ColorNameHyperlink, theme.ColorNameBackground, ""},
		{"highlighted passage", theme.ColorNamePrimary, theme.ColorNameBackground, ""},
	}
	test.NewTempApp(t)
	for _, name := range []string{"light", "dark", "contrast"} {
		th := newAppTheme(name)
		v := th.variant(theme.VariantLight)
		base := over(th.Color(theme.ColorNameBackground, v), color.NRGBA{255, 255, 255, 255})
		var report []string
		for _, p := range pairs {
			under := base
			if p.under != "" {
				under = over(th.Color(p.under, v), base)
			}
			bg := th.Color(p.bg, v)
			if p.what == "highlighted passage" { // details.go's highlight(): primary at alpha 48
				n := color.NRGBAModel.Convert(th.Color(theme.ColorNamePrimary, v)).(color.NRGBA)
				n.A = 48
				bg = n
			}
			c := contrast(th.Color(p.fg, v), bg, under)
			report = append(report, fmt.Sprintf("%s %.2f", p.what, c))
			if name == "contrast" && c < 4.5 {
				t.Errorf("contrast theme: %s is %.2f:1, under WCAG AA's 4.5:1", p.what, c)
			}
		}
		t.Logf("%s: %s", name, strings.Join(report, ", "))
	}
	// The timeline's own texts in the high-contrast scene theme.
	st, _ := scene.ThemeByName("contrast")
	for _, p := range []struct {
		what   string
		fg, bg color.NRGBA
	}{
		{"labels", st.Text, st.Background},
		{"labels on the second band", st.Text, st.BandFill[1]},
		{"minor ticks", st.TextMuted, st.AxisBg},
		{"context ticks", st.AxisText, st.AxisBg},
		{"lane titles", st.Text, st.TitleBg},
		{"cluster counts", st.ClusterTxt, st.Cluster},
	} {
		if c := contrast(p.fg, p.bg, st.Background); c < 4.5 {
			t.Errorf("contrast scene theme: %s %.2f:1, under 4.5:1", p.what, c)
		}
	}
}

// In the high-contrast theme the menus write their shortcuts into the labels, at full
// contrast, instead of beside them at a fifth of the opacity.
func TestContrastMenuShortcutsInLabels(t *testing.T) {
	u, _ := newTestUI(t, 1000, 600)
	u.setTheme("contrast")
	m := u.menu()
	var exp *fyne.MenuItem
	for _, it := range m.Items[0].Items {
		if strings.HasPrefix(it.Label, tr("en", "export")) {
			exp = it
		}
	}
	if exp == nil || exp.Shortcut != nil || !strings.HasSuffix(exp.Label, "(Ctrl+E)") {
		t.Fatalf("contrast theme's Export item: %+v, want the shortcut in its label", exp)
	}
	u.setTheme("light")
	for _, it := range u.menu().Items[0].Items {
		if strings.Contains(it.Label, "(Ctrl+") {
			t.Errorf("light theme's item %q has the shortcut in its label", it.Label)
		}
	}
}

// A file with problems named on the command line: the window opens on the built-in
// timeline with the problems dialog.
func TestOpenErrorAtStartShowsDialog(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	err := fmt.Errorf("bad.json:3:5: lanes[0].id: must match")
	u.wire(Options{OpenError: err, OpenErrorPath: "bad.json"})
	if win.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog")
	}
	if !strings.Contains(u.openErrText, "bad.json:3:5") {
		t.Errorf("dialog text %q", u.openErrText)
	}
	if len(u.ds.Events) == 0 {
		t.Error("no timeline under the dialog")
	}
	pressKey(win.Canvas(), fyne.KeyEscape)
	if win.Canvas().Overlays().Top() != nil {
		t.Error("Esc left the problems dialog open")
	}
}
