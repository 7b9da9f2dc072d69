package app

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/fileutil"
	"trotskytimeline/timeline/render"
)

// exportOptions are the figure options for what the window shows: the days in view, the
// lanes shown, the UI language, and PNG or SVG by the file name's extension.
func exportOptions(path string, ds *timeline.Dataset, first, last float64, lanes []string, lang, themeName string) render.Options {
	o := render.Options{Format: render.PNG, Lang: lang, Lanes: lanes, HasRange: true,
		From: chrono.Day(math.Floor(first)), To: chrono.Day(math.Ceil(last) - 1)}
	if strings.EqualFold(filepath.Ext(path), ".svg") {
		o.Format = render.SVG
	}
	if themeName == "dark" {
		o.Theme = "dark"
	}
	if len(lanes) == len(ds.Lanes) {
		o.Lanes = nil
	}
	return o
}

// exportFigure asks for a file name and writes a figure of the current view there (PNG or SVG
// by extension), atomically; the render runs off the UI goroutine.
func (u *ui) exportFigure(w fyne.Window, ds *timeline.Dataset, first, last float64, lanes []string) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if wc == nil {
			return // cancelled
		}
		path := wc.URI().Path()
		wc.Close() // the dialog created the file; WriteAtomic replaces it whole
		o := exportOptions(path, ds, first, last, lanes, u.lang, u.eng.cfg.Theme.Name)
		if err := o.Validate(ds); err != nil {
			dialog.ShowError(fmt.Errorf("export %s: %w", path, err), w)
			return
		}
		go func() {
			err := fileutil.WriteAtomic(path, true, func(out io.Writer) error { return render.Render(out, ds, o) })
			fyne.Do(func() {
				if err != nil {
					dialog.ShowError(fmt.Errorf("export %s: %w", path, err), w)
					return
				}
				dialog.ShowInformation(tr(u.lang, "export"), path, w)
			})
		}()
	}, w)
	d.SetFileName("trotsky-timeline.png")
	size := w.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width*0.8, 1000), min(size.Height*0.8, 700)))
	d.Show()
}
