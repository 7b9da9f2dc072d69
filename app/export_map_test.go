package app

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/timeline/geo"
	"trotskytimeline/timeline/scene"
)

// bodyChoice is the export dialog's radio group offering the figure's body (timeline, map,
// both), or nil when the dialog shows none.
func bodyChoice(win fyne.Window) *widget.RadioGroup {
	var found *widget.RadioGroup
	exportObjects(win, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok && slices.Contains(r.Options, tr("en", "export.body.map")) && r.Visible() {
			found = r
		}
	})
	return found
}

// The export dialog offers the map, alone or below the timeline, when the dataset has
// places, as `export --view` does; the choice reaches the figure and is remembered. A
// dataset without places is offered no map, as its window shows none.
func TestExportDialogMapChoice(t *testing.T) {
	t.Run("no places", func(t *testing.T) {
		_, win, f, _ := newExportTest(t, nil)
		f.show()
		if f.body != nil || bodyChoice(win) != nil {
			t.Fatal("the dialog offers a map for a dataset without places")
		}
		if o, _, _ := f.options(); o.View != "" {
			t.Errorf("view %q, want the default (the timeline)", o.View)
		}
	})

	a := test.NewTempApp(t)
	a.Settings().SetTheme(newAppTheme("light"))
	win := a.NewWindow("")
	ds := placesDataset(t)
	u := newUI(win, ds, Options{Lang: "en", Theme: "light"})
	win.Resize(fyne.NewSize(1400, 900))
	win.Canvas().Capture()
	t.Cleanup(win.Close)

	f := newExportForm(u, win, ds, exportFirst, exportLast, nil)
	dir := t.TempDir()
	f.setDir(dir)
	done := doneChan(f)
	f.show()
	body := bodyChoice(win)
	if body == nil {
		t.Fatal("the dialog offers no map for a dataset with places")
	}
	want := []string{tr("en", "export.body.timeline"), tr("en", "export.body.map"), tr("en", "export.body.both")}
	if !slices.Equal(body.Options, want) || body.Selected != want[0] {
		t.Fatalf("choice %q selected %q, want %q, the timeline selected", body.Options, body.Selected, want)
	}
	for i, v := range []string{"timeline", "map", "both"} {
		body.SetSelected(want[i])
		if o, _, problems := f.check(); o.View != v || len(problems) > 0 {
			t.Errorf("%q chosen: view %q (problems %q), want %q", want[i], o.View, problems, v)
		}
	}

	// The map alone, written: a figure mostly of the map's water and land.
	body.SetSelected(want[1])
	f.what.SetSelected(tr("en", "export.whole"))
	f.preset.SetSelected(sizeLabel(1280, 720))
	test.Tap(overlayButton(win, tr("en", "export.do")))
	if err := waitDone(t, done); err != nil {
		t.Fatalf("export: %v", err)
	}
	r, err := os.Open(filepath.Join(dir, "trotsky-timeline.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	img, err := png.Decode(r)
	if err != nil {
		t.Fatal(err)
	}
	th, _ := scene.ThemeByName("light")
	water, land, _ := geo.MapColors(&th)
	n, mapPx := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			n++
			if near3(img, x, y, water) || near3(img, x, y, land) {
				mapPx++
			}
		}
	}
	if b.Dx() != 1280 || b.Dy() != 720 || mapPx < n/3 {
		t.Errorf("the map figure is %v with %d of %d sampled pixels water or land, want 1280×720 mostly map", b, mapPx, n)
	}

	// The next dialog starts on the map.
	g := newExportForm(u, win, ds, exportFirst, exportLast, nil)
	if o, _, _ := g.options(); o.View != "map" {
		t.Errorf("the next export's view %q, want the map remembered", o.View)
	}
}

// near3 reports whether img's pixel at x, y is within 3 levels of c in each channel.
func near3(img image.Image, x, y int, c interface{ RGBA() (r, g, b, a uint32) }) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	cr, cg, cb, _ := c.RGBA()
	d := func(a, b uint32) bool { return a>>8 <= b>>8+3 && b>>8 <= a>>8+3 }
	return d(r, cr) && d(g, cg) && d(b, cb)
}
