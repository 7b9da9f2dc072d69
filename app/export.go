package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/fileutil"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/render"
)

// File ▸ Export… is a dialog of our own, not Fyne's save dialog: dialog.NewFileSave hands its
// callback a file it has already created or truncated, so a refused or failed export would
// leave an empty file behind, and "replacing" a file would destroy it before the figure was
// even drawn. Here the destination is a folder (picked with dialog.NewFolderOpen, which
// creates nothing) and a file name; nothing touches the disk until the options are valid and,
// for an existing file, the user has confirmed the replacement. fileutil.WriteAtomic then
// writes a temporary file beside it and renames it into place only when the figure is
// complete, so a failure leaves no file behind and the old one as it was.

// Preference keys of the export dialog: the folder and the last choices.
const (
	prefExportDir    = "export.folder" // the folder the last figure was written to
	prefExportFormat = "export.format" // "png", "svg" or "pdf"
	prefExportWhole  = "export.whole"  // true: the whole timeline, false: the current view
	prefExportView   = "export.body"   // the figure's body: one of render.Views
	prefExportWidth  = "export.width"  // layout width in px
	prefExportHeight = "export.height" // layout height in px
	prefExportScale  = "export.scale"  // PNG pixel scale, 1 or 2
	prefExportTheme  = "export.theme"  // the last theme chosen; only "print" is reused (see newExportForm)
	prefExportPage   = "export.page"   // PDF page: one of render.Pages
	prefExportPortr  = "export.portrait"
	prefExportMargin = "export.margin" // PDF margin as typed ("10 mm")
)

// exportBaseName is the default file name, without its extension.
const exportBaseName = "trotsky-timeline"

// exportSizes are the size presets: layout width and height in pixels, default first.
var exportSizes = []struct{ W, H int }{{1920, 1080}, {1280, 720}, {3840, 2160}, {2560, 1440}, {1080, 1080}}

// exportOptions are the figure options for what the window shows: the days in view, the
// lanes shown, the UI language, and PNG, SVG or PDF by the file name's extension.
func exportOptions(path string, ds *timeline.Dataset, first, last float64, lanes []string, lang, themeName string) render.Options {
	o := render.Options{Format: render.PNG, Lang: lang, Lanes: lanes, HasRange: true}
	o.From, o.To = viewDays(first, last)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".svg":
		o.Format = render.SVG
	case ".pdf":
		o.Format = render.PDF
		o.Landscape = true
	}
	if themeName == "dark" {
		o.Theme = "dark"
	}
	if len(lanes) == len(ds.Lanes) {
		o.Lanes = nil
	}
	return o
}

// viewDays are the days a view window [first, last) covers, inclusive: every day any part of
// which is in view.
func viewDays(first, last float64) (chrono.Day, chrono.Day) {
	from, to := chrono.Day(math.Floor(first)), chrono.Day(math.Ceil(last)-1)
	if to < from {
		to = from
	}
	return from, to
}

// exportForm is the export dialog's state: its widgets, what the window showed when it was
// opened, and the hooks tests use.
type exportForm struct {
	u           *ui
	w           fyne.Window
	ds          *timeline.Dataset
	first, last float64 // the view window when the dialog opened
	lang        string

	format  *widget.RadioGroup // "PNG", "SVG", "PDF"
	what    *widget.RadioGroup // current view, whole timeline
	body    *widget.RadioGroup // timeline, map, both (render.Views); nil without places
	lanes   []*widget.Check    // one per dataset lane, in dataset order
	preset  *widget.Select
	width   *widget.Entry
	height  *widget.Entry
	scale   *widget.RadioGroup // "1×", "2×"
	theme   *widget.RadioGroup // the labels of render.Themes
	title   *widget.Entry
	page    *widget.Select     // PDF page: pageLabels
	orient  *widget.RadioGroup // PDF orientation
	margin  *widget.Entry      // PDF margin, "10 mm"
	outline *widget.Check      // SVG text as glyph outlines
	fsize   *widget.Entry      // label size, px (pt in a PDF); empty: automatic
	dir     string
	dirText *widget.Label
	name    *widget.Entry

	dlg      *dialog.CustomDialog
	syncing  bool // a widget is being set from another's change: do not echo back
	busy     bool // a figure is being written
	viewText string

	// onDone, when set (tests), is called on the UI goroutine after a write ends.
	onDone func(path string, err error)
	// problems is the text of the last refusal shown (tests).
	problems string
}

// The labels of the format, what and scale choices (the format names are not translated).
const (
	labelPNG = "PNG"
	labelSVG = "SVG"
	labelPDF = "PDF"
)

// pageLabels name render.Pages in the dialog (paper names are not translated).
var pageLabels = []string{"A4", "A3", "Letter", "Slide 16:9"}

var scaleLabels = []string{"1×", "2×"}

// exportFigure opens the export dialog for the current view (first and last are the view
// window's days, lanes the ids of the lanes shown).
func (u *ui) exportFigure(w fyne.Window, ds *timeline.Dataset, first, last float64, lanes []string) {
	f := newExportForm(u, w, ds, first, last, lanes)
	f.show()
}

// themeLabel is the dialog's name of a figure theme.
func themeLabel(lang, name string) string {
	switch name {
	case "dark":
		return tr(lang, "theme.dark")
	case "print":
		return tr(lang, "export.print")
	}
	return tr(lang, "theme.light")
}

// newExportForm builds the export dialog's widgets, filled with the defaults: the current
// view, the lanes shown, the remembered format, size, scale and folder, the figure theme of
// the window's (dark when the timeline is dark, else light; print if print was chosen last,
// since that is a choice about paper rather than about the screen), and the dataset's title.
func newExportForm(u *ui, w fyne.Window, ds *timeline.Dataset, first, last float64, shown []string) *exportForm {
	l := u.lang
	f := &exportForm{u: u, w: w, ds: ds, first: first, last: last, lang: l}
	p := prefs()

	f.format = widget.NewRadioGroup([]string{labelPNG, labelSVG, labelPDF}, f.formatChanged)
	f.format.Horizontal, f.format.Required = true, true

	from, to := viewDays(first, last)
	f.viewText = fmt.Sprintf(tr(l, "export.view"), chrono.FormatDay(from, l), chrono.FormatDay(to, l))
	f.what = widget.NewRadioGroup([]string{f.viewText, tr(l, "export.whole")}, nil)
	f.what.Required = true
	f.what.SetSelected(f.viewText)
	if hasPlaces(ds) { // a dataset without places has no map to export, as it has none in the window
		f.body = widget.NewRadioGroup([]string{tr(l, "export.body.timeline"), tr(l, "export.body.map"), tr(l, "export.body.both")}, nil)
		f.body.Horizontal, f.body.Required = true, true
		f.body.SetSelected(f.body.Options[0])
		if p != nil {
			if i := slices.Index(render.Views, p.String(prefExportView)); i >= 0 {
				f.body.SetSelected(f.body.Options[i])
			}
		}
	}

	for _, lane := range ds.Lanes {
		c := widget.NewCheck(lane.TitleIn(l), nil)
		c.Checked = len(shown) == 0 || slices.Contains(shown, lane.ID)
		f.lanes = append(f.lanes, c)
	}

	var presets []string
	for _, s := range exportSizes {
		presets = append(presets, sizeLabel(s.W, s.H))
	}
	f.preset = widget.NewSelect(presets, f.presetChanged)
	f.preset.PlaceHolder = tr(l, "export.custom")
	f.width, f.height = widget.NewEntry(), widget.NewEntry()
	f.width.OnChanged = func(string) { f.sizeChanged() }
	f.height.OnChanged = func(string) { f.sizeChanged() }

	f.scale = widget.NewRadioGroup(scaleLabels, nil)
	f.scale.Horizontal, f.scale.Required = true, true

	var themes []string
	for _, th := range render.Themes {
		themes = append(themes, themeLabel(l, th))
	}
	f.theme = widget.NewRadioGroup(themes, nil)
	f.theme.Horizontal, f.theme.Required = true, true

	f.title = widget.NewEntry()
	f.title.SetText(ds.Title)

	f.page = widget.NewSelect(pageLabels, nil)
	f.orient = widget.NewRadioGroup([]string{tr(l, "export.landscape"), tr(l, "export.portrait")}, nil)
	f.orient.Horizontal, f.orient.Required = true, true
	f.margin = widget.NewEntry()
	f.outline = widget.NewCheck(tr(l, "export.outlines"), nil)
	f.fsize = widget.NewEntry()
	f.fsize.SetPlaceHolder(tr(l, "export.fontsize.auto"))

	f.name = widget.NewEntry()
	f.name.OnChanged = f.nameChanged
	f.dirText = widget.NewLabel("")
	f.dirText.Truncation = fyne.TextTruncateEllipsis

	// Defaults, then what was remembered.
	format, width, height, scale, whole, figTheme := "png", render.DefaultWidth, render.DefaultHeight, 1.0, false, "light"
	page, portrait, margin := pageLabels[0], false, "10 mm"
	if u.eng != nil && u.eng.Config().Theme.Name == "dark" {
		figTheme = "dark"
	}
	dir := defaultExportDir()
	if p != nil {
		if v := p.String(prefExportFormat); v == "svg" || v == "png" || v == "pdf" {
			format = v
		}
		if i := slices.Index(render.Pages, p.String(prefExportPage)); i >= 0 {
			page = pageLabels[i]
		}
		portrait = p.Bool(prefExportPortr)
		if m := p.String(prefExportMargin); m != "" {
			margin = m
		}
		if ww, hh := p.Int(prefExportWidth), p.Int(prefExportHeight); ww > 0 && hh > 0 && ww <= render.MaxSide && hh <= render.MaxSide {
			width, height = ww, hh
		}
		if s := p.Float(prefExportScale); s == 1 || s == 2 {
			scale = s
		}
		whole = p.Bool(prefExportWhole)
		if p.String(prefExportTheme) == "print" {
			figTheme = "print"
		}
		if d := p.String(prefExportDir); d != "" && isFolder(d) {
			dir = d
		}
	}
	f.name.SetText(exportBaseName + "." + format)
	f.format.SetSelected(strings.ToUpper(format))
	f.width.SetText(strconv.Itoa(width))
	f.height.SetText(strconv.Itoa(height))
	f.scale.SetSelected(scaleLabels[int(scale)-1])
	f.theme.SetSelected(themeLabel(l, figTheme))
	f.page.SetSelected(page)
	f.orient.SetSelected(f.orient.Options[0])
	if portrait {
		f.orient.SetSelected(f.orient.Options[1])
	}
	f.margin.SetText(margin)
	f.formatChanged(f.format.Selected) // enable what the format uses
	if whole {
		f.what.SetSelected(tr(l, "export.whole"))
	}
	f.setDir(dir)
	return f
}

// hasPlaces reports whether an event of ds names a place of its table: then it has a map.
func hasPlaces(ds *timeline.Dataset) bool {
	for i := range ds.Events {
		if len(ds.Events[i].PlaceIndex()) > 0 {
			return true
		}
	}
	return false
}

// sizeLabel is a preset's name, "1920 × 1080".
func sizeLabel(w, h int) string { return fmt.Sprintf("%d × %d", w, h) }

// defaultExportDir is where figures go before a folder is remembered: the Pictures folder in
// the home folder if there is one, else the home folder, else the working folder.
func defaultExportDir() string {
	home, err := os.UserHomeDir()
	if err != nil || !isFolder(home) {
		if wd, err := os.Getwd(); err == nil {
			return wd
		}
		return "."
	}
	if pics := filepath.Join(home, "Pictures"); isFolder(pics) {
		return pics
	}
	return home
}

func isFolder(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

func (f *exportForm) setDir(dir string) {
	dir = filepath.Clean(dir)
	f.dir = dir
	f.dirText.SetText(dir)
}

// formatChanged gives the file name the format's extension (when it has ours or none),
// enables the pixel scale for PNG only and the page, orientation and margin for PDF only (a
// PDF's height follows its page).
func (f *exportForm) formatChanged(label string) {
	enable := func(on bool, ws ...fyne.Disableable) {
		for _, w := range ws {
			if on {
				w.Enable()
			} else {
				w.Disable()
			}
		}
	}
	if f.scale != nil && f.outline != nil {
		enable(label == labelPNG, f.scale)
		enable(label == labelSVG, f.outline)
	}
	if f.page != nil && f.orient != nil && f.margin != nil && f.height != nil && f.preset != nil {
		enable(label == labelPDF, f.page, f.orient, f.margin)
		enable(label != labelPDF, f.height, f.preset)
	}
	if f.syncing || f.name == nil {
		return
	}
	name := strings.TrimSpace(f.name.Text)
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".png" || ext == ".svg" || ext == ".pdf" {
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	if name == "" {
		name = exportBaseName
	}
	f.syncing = true
	f.name.SetText(name + "." + strings.ToLower(label))
	f.syncing = false
}

// nameChanged picks the format a typed extension names (".svg", ".png").
func (f *exportForm) nameChanged(name string) {
	if f.syncing || f.format == nil {
		return
	}
	var label string
	switch strings.ToLower(filepath.Ext(strings.TrimSpace(name))) {
	case ".png":
		label = labelPNG
	case ".svg":
		label = labelSVG
	case ".pdf":
		label = labelPDF
	default:
		return
	}
	f.syncing = true
	f.format.SetSelected(label)
	f.syncing = false
}

// presetChanged fills the size entries from a preset.
func (f *exportForm) presetChanged(label string) {
	if f.syncing {
		return
	}
	var w, h int
	if _, err := fmt.Sscanf(label, "%d × %d", &w, &h); err != nil {
		return
	}
	f.syncing = true
	f.width.SetText(strconv.Itoa(w))
	f.height.SetText(strconv.Itoa(h))
	f.syncing = false
}

// sizeChanged shows the preset the typed size matches, or none ("Custom").
func (f *exportForm) sizeChanged() {
	if f.syncing || f.preset == nil {
		return
	}
	w, _ := strconv.Atoi(strings.TrimSpace(f.width.Text))
	h, _ := strconv.Atoi(strings.TrimSpace(f.height.Text))
	f.syncing = true
	defer func() { f.syncing = false }()
	for _, s := range exportSizes {
		if s.W == w && s.H == h {
			f.preset.SetSelected(sizeLabel(w, h))
			return
		}
	}
	f.preset.ClearSelected()
}

// figureTheme is the render theme the theme choice names.
func (f *exportForm) figureTheme() string {
	for _, th := range render.Themes {
		if themeLabel(f.lang, th) == f.theme.Selected {
			return th
		}
	}
	return render.Themes[0]
}

// options reads the form: the figure's options and the file's path, or every problem the
// form itself has (a size that is not a number, a missing file name, a folder that is gone).
// The options are not validated against the dataset here; see check.
func (f *exportForm) options() (render.Options, string, []string) {
	l := f.lang
	var problems []string
	o := render.Options{Format: render.PNG, Lang: l, Title: strings.TrimSpace(f.title.Text), Theme: f.figureTheme(), Scale: 1}
	switch f.format.Selected {
	case labelSVG:
		o.Format = render.SVG
		if f.outline.Checked {
			o.SVGText = render.SVGOutlines
		}
	case labelPDF:
		o.Format = render.PDF
	}
	if f.what.Selected != tr(l, "export.whole") {
		o.HasRange = true
		o.From, o.To = viewDays(f.first, f.last)
	}
	if f.body != nil {
		if i := slices.Index(f.body.Options, f.body.Selected); i >= 0 {
			o.View = render.Views[i]
		}
	}
	o.Lanes = []string{}
	for i, c := range f.lanes {
		if c.Checked {
			o.Lanes = append(o.Lanes, f.ds.Lanes[i].ID)
		}
	}
	if len(o.Lanes) == len(f.ds.Lanes) {
		o.Lanes = nil // all: the figure's legend then says nothing was left out
	}
	num := func(e *widget.Entry, key string) int {
		s := strings.TrimSpace(e.Text)
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			problems = append(problems, fmt.Sprintf(tr(l, key), s))
			return 0
		}
		return n
	}
	o.Width = num(f.width, "export.badwidth")
	if fs := strings.TrimSpace(f.fsize.Text); fs != "" {
		v, err := strconv.ParseFloat(strings.ReplaceAll(fs, ",", "."), 64)
		if err != nil {
			problems = append(problems, fmt.Sprintf(tr(l, "export.badfontsize"), fs))
		}
		o.FontSize = v // render.Validate says what is out of bounds
	}
	if o.Format == render.PDF {
		// The page gives the figure its shape: Height 0 takes the printable area's.
		if i := slices.Index(pageLabels, f.page.Selected); i >= 0 {
			o.Page = render.Pages[i]
		}
		o.Landscape = f.orient.Selected != tr(l, "export.portrait")
		m := strings.TrimSpace(f.margin.Text)
		if v, err := render.ParseLength(strings.ReplaceAll(m, " ", "")); err != nil {
			problems = append(problems, fmt.Sprintf(tr(l, "export.badmargin"), m))
		} else {
			o.Margin = max(v, 0.001) // 0 typed is no margin, not the default
		}
	} else {
		o.Height = num(f.height, "export.badheight")
	}
	if o.Format == render.PNG && f.scale.Selected == scaleLabels[1] {
		o.Scale = 2
	}

	name := strings.TrimSpace(f.name.Text)
	switch {
	case name == "" || name == "." || name == "..":
		problems = append(problems, tr(l, "export.noname"))
		name = ""
	case strings.ContainsAny(name, `/\`):
		problems = append(problems, fmt.Sprintf(tr(l, "export.badname"), name))
		name = ""
	}
	ext := "." + strings.ToLower(f.format.Selected)
	if name != "" && !strings.EqualFold(filepath.Ext(name), ext) {
		name += ext // the file opens as what it is
	}
	if !isFolder(f.dir) {
		problems = append(problems, fmt.Sprintf(tr(l, "export.nofolder"), f.dir))
	}
	path := ""
	if name != "" {
		path = filepath.Join(f.dir, name)
	}
	return o, path, problems
}

// check reads the form and validates its options against the dataset: the options and path,
// or every problem found (the form's and render.Validate's).
func (f *exportForm) check() (render.Options, string, []string) {
	o, path, problems := f.options()
	if o.Width > 0 && (o.Height > 0 || o.Format == render.PDF) {
		if err := o.Validate(f.ds); err != nil {
			problems = append(problems, errorLines(err, f.lang)...)
		}
	}
	if path != "" && isFolder(path) {
		problems = append(problems, fmt.Sprintf(tr(f.lang, "export.isfolder"), path))
	}
	return o, path, problems
}

// errorLines are the messages of err, one for each joined error, in lang: render's
// problems that the dialog can cause are in the translation tables (renderProblems), any
// other in English.
func errorLines(err error, lang string) []string {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	var lines []string
	for _, e := range errs {
		var p *render.Problem
		if errors.As(e, &p) {
			if t, ok := renderProblems[p.Format]; ok {
				args := p.Args
				if t.args != nil {
					args = t.args(args)
				}
				lines = append(lines, fmt.Sprintf(tr(lang, t.key), args...))
				continue
			}
		}
		for _, s := range strings.Split(e.Error(), "\n") {
			if s = strings.TrimSpace(s); s != "" {
				lines = append(lines, strings.TrimPrefix(s, "render: "))
			}
		}
	}
	return lines
}

// renderProblems are the translation keys of the problems render.Validate finds that the
// export dialog can cause (a size, scale, label size, margin, lanes or range the user
// chose), by the problem's format; args, when not nil, picks the arguments the
// translations use.
var renderProblems = map[string]struct {
	key  string
	args func([]any) []any
}{
	"size %d×%d: too small for a figure (at least %d×%d)":                               {key: "export.p.small"},
	"size %d×%d at scale %v is %.0f×%.0f px: a side may not exceed %d px":               {key: "export.p.bigscaled"},
	"size %d×%d: a side may not exceed %d px":                                           {key: "export.p.big"},
	"font size %v: must be from %v to %v":                                               {key: "export.p.fontsize"},
	"margin %.1f pt: leaves less than 1 in × 1 in of the %.0f×%.0f pt page to print on": {key: "export.p.margin"},
	"no lanes chosen (known: %s)":                                                       {key: "export.p.nolanes", args: func([]any) []any { return nil }},
	"range %s – %s is empty: no event of the chosen lanes falls in it":                  {key: "export.p.empty"},
	"dataset %q has no event in the chosen lanes to draw":                               {key: "export.p.noevents", args: func([]any) []any { return nil }},
}

// show opens the dialog over the window.
func (f *exportForm) show() {
	l := f.lang
	choose := widget.NewButtonWithIcon(tr(l, "export.choose"), theme.FolderOpenIcon(), f.chooseFolder)
	export0 := widget.NewButton(tr(l, "export.do"), nil) // measures the button row
	laneGrid := container.NewGridWithColumns(2)
	for _, c := range f.lanes {
		laneGrid.Add(c)
	}
	var lanes fyne.CanvasObject = laneGrid
	if rows := (len(f.lanes) + 1) / 2; rows > 4 {
		// A dataset with many lanes scrolls them in four rows' height.
		scroll := container.NewVScroll(laneGrid)
		scroll.SetMinSize(fyne.NewSize(laneGrid.MinSize().Width, laneGrid.MinSize().Height*4/float32(rows)))
		lanes = scroll
	}
	// Entries wide enough for five digits and the preset list for its longest name, at any
	// text size (Fyne's Select and Entry ask for less and would cut them).
	textW := func(s string) float32 { return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width }
	entryW := textW("00000") + 4*theme.InnerPadding()
	presetW := textW(sizeLabel(3840, 2160)) + 4*theme.InnerPadding() + theme.IconInlineSize()
	for _, o := range f.preset.Options {
		presetW = max(presetW, textW(o)+4*theme.InnerPadding()+theme.IconInlineSize())
	}
	h := f.width.MinSize().Height
	sizeRow := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(entryW, h), f.width),
		widget.NewLabel("×"),
		container.NewGridWrap(fyne.NewSize(entryW, h), f.height),
		widget.NewLabel("px"),
		container.NewGridWrap(fyne.NewSize(presetW, h), f.preset))
	items := []*widget.FormItem{
		widget.NewFormItem(tr(l, "export.format"), f.format),
		widget.NewFormItem(tr(l, "export.what"), f.what),
	}
	if f.body != nil {
		items = append(items, widget.NewFormItem(tr(l, "export.body"), f.body))
	}
	form := widget.NewForm(append(items,
		widget.NewFormItem(tr(l, "lanes"), lanes),
		widget.NewFormItem(tr(l, "export.size"), sizeRow),
		widget.NewFormItem(tr(l, "export.scale"), f.scale),
		widget.NewFormItem("SVG", f.outline),
		widget.NewFormItem(tr(l, "export.fontsize"), container.NewHBox(
			container.NewGridWrap(fyne.NewSize(entryW*1.6, h), f.fsize), widget.NewLabel(tr(l, "export.fontsize.unit")))),
		widget.NewFormItem(tr(l, "export.page"), container.NewHBox(f.page, f.orient)),
		widget.NewFormItem(tr(l, "export.margin"), container.NewGridWrap(fyne.NewSize(entryW*1.6, h), f.margin)),
		widget.NewFormItem(tr(l, "theme.menu"), f.theme),
		widget.NewFormItem(tr(l, "export.figtitle"), f.title),
		widget.NewFormItem(tr(l, "export.folder"), container.NewBorder(nil, nil, nil, choose, f.dirText)),
		widget.NewFormItem(tr(l, "export.name"), f.name),
	)...)
	size := f.w.Canvas().Size()
	var content fyne.CanvasObject = form
	room := size.Height*0.95 - 3*theme.TextSize() - 6*theme.Padding() - export0.MinSize().Height // title, buttons, padding
	if form.MinSize().Height > room {
		// A small window or large text: the form scrolls, the buttons stay in sight.
		scroll := container.NewVScroll(form)
		scroll.SetMinSize(fyne.NewSize(form.MinSize().Width, max(room, 200)))
		content = scroll
	}
	f.dlg = dialog.NewCustomWithoutButtons(tr(l, "export.heading"), content, f.w)
	cancel := widget.NewButtonWithIcon(tr(l, "export.cancel"), theme.CancelIcon(), f.dlg.Hide)
	export := widget.NewButtonWithIcon(tr(l, "export.do"), theme.DocumentSaveIcon(), f.submit)
	export.Importance = widget.HighImportance
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, export})
	f.dlg.Resize(fyne.NewSize(min(max(size.Width*0.6, 640), size.Width*0.95), f.dlg.MinSize().Height))
	f.dlg.Show()
}

// chooseFolder asks for the destination folder, starting in the current one.
func (f *exportForm) chooseFolder() {
	d := dialog.NewFolderOpen(func(lu fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(err, f.w)
			return
		}
		if lu != nil {
			f.setDir(lu.Path())
		}
	}, f.w)
	if isFolder(f.dir) {
		if lu, err := storage.ListerForURI(storage.NewFileURI(f.dir)); err == nil {
			d.SetLocation(lu)
		}
	}
	d.Show() // before Resize: Fyne 2.8.1's FileDialog.Resize dereferences nil until shown
	size := f.w.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width*0.8, 1000), min(size.Height*0.8, 700)))
}

// submit is the Export button: it refuses with every problem and writes nothing, asks before
// replacing an existing file, and otherwise writes the figure.
func (f *exportForm) submit() {
	if f.busy {
		return
	}
	o, path, problems := f.check()
	if len(problems) > 0 {
		f.showProblems(problems)
		return
	}
	if _, err := os.Lstat(path); err == nil {
		f.confirmReplace(path, o)
		return
	}
	f.write(path, o, false)
}

// confirmReplace asks whether to replace the file at path, and writes it only on yes.
func (f *exportForm) confirmReplace(path string, o render.Options) {
	l := f.lang
	msg := fmt.Sprintf(tr(l, "export.replace.msg"), filepath.Base(path), filepath.Dir(path))
	c := dialog.NewConfirm(fmt.Sprintf(tr(l, "export.replace"), filepath.Base(path)), msg, func(yes bool) {
		if yes {
			f.write(path, o, true)
		}
	}, f.w)
	c.SetConfirmText(tr(l, "export.replace.do"))
	c.SetDismissText(tr(l, "export.cancel"))
	c.Show()
}

// showProblems lists why the figure cannot be made; the export dialog stays open to fix them.
func (f *exportForm) showProblems(problems []string) {
	f.problems = strings.Join(problems, "\n")
	text := widget.NewLabel("• " + strings.Join(problems, "\n• "))
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	size := f.w.Canvas().Size()
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(min(size.Width*0.7, 720), min(float32(len(problems))*2*theme.TextSize()+3*theme.TextSize(), size.Height*0.5)))
	d := dialog.NewCustom(tr(f.lang, "export.refused"), tr(f.lang, "close"), scroll, f.w)
	d.Show()
}

// write renders the figure off the UI goroutine into a temporary file beside path and renames
// it into place (overwrite: replacing a file the user agreed to replace), remembers the
// choices, and reports the result in a dialog.
func (f *exportForm) write(path string, o render.Options, overwrite bool) {
	f.busy = true
	f.remember(o, path)
	l, ds := f.lang, f.ds
	// The window's index is immutable once built, so the render goroutine may share it
	// instead of indexing the dataset again (a third of a million-event export).
	var ix *layout.Index
	if e := f.u.eng; e != nil && e.Index() != nil && e.Index().DS == ds {
		ix = e.Index()
	}
	if f.dlg != nil {
		f.dlg.Hide()
	}
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(fmt.Sprintf(tr(l, "export.writing"), filepath.Base(path)), bar, f.w)
	wait.Show()
	go func() {
		err := fileutil.WriteAtomic(path, overwrite, func(out io.Writer) error {
			if ix != nil {
				return render.RenderIndex(out, ix, o)
			}
			return render.Render(out, ds, o)
		})
		fyne.Do(func() {
			bar.Stop()
			wait.Hide()
			f.busy = false
			switch {
			case err == nil:
				dialog.ShowInformation(tr(l, "export.done"), fmt.Sprintf(tr(l, "export.saved"), path), f.w)
			case errors.Is(err, fs.ErrExist) && !overwrite:
				// The file appeared after we looked: ask, as for any existing file.
				if f.dlg != nil {
					f.dlg.Show()
				}
				f.confirmReplace(path, o)
			default:
				if f.dlg != nil {
					f.dlg.Show() // the choices stay, to try again
				}
				dialog.ShowError(fmt.Errorf("%s: %w", tr(l, "export.failed"), err), f.w)
			}
			if f.onDone != nil {
				f.onDone(path, err)
			}
		})
	}()
}

// remember keeps the folder and the choices for the next export.
func (f *exportForm) remember(o render.Options, path string) {
	p := prefs()
	if p == nil {
		return
	}
	p.SetString(prefExportDir, filepath.Dir(path))
	p.SetString(prefExportFormat, map[render.Format]string{render.PNG: "png", render.SVG: "svg", render.PDF: "pdf"}[o.Format])
	p.SetBool(prefExportWhole, !o.HasRange)
	if f.body != nil {
		p.SetString(prefExportView, o.View)
	}
	p.SetInt(prefExportWidth, o.Width)
	if o.Format == render.PDF {
		p.SetString(prefExportPage, o.Page)
		p.SetBool(prefExportPortr, !o.Landscape)
		p.SetString(prefExportMargin, strings.TrimSpace(f.margin.Text))
	} else {
		p.SetInt(prefExportHeight, o.Height)
	}
	if o.Format == render.PNG {
		p.SetFloat(prefExportScale, o.Scale)
	}
	p.SetString(prefExportTheme, o.Theme)
}
