package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/scale"
)

// ui is the main window's content and behaviour, independent of how the app was started
// (the real driver in Run, Fyne's test driver in tests).
type ui struct {
	win  fyne.Window
	ds   *timeline.Dataset
	lang string
	opts Options

	eng     *engine
	tl      *TimelineView
	ov      *Overview
	det     *details
	search  *searchEntry
	sx      *searchIndex
	found   []int
	list    *widget.List
	results *fyne.Container // the results dropdown: over the timeline, not an overlay, so typing goes on

	center    *fyne.Container // holds either the timeline area or the split with details
	tlArea    fyne.CanvasObject
	split     *container.Split
	open      bool
	laneBoxes []*widget.Check

	// export is called by File ▸ Export… and Ctrl+E; nil uses exportFigure.
	export func(w fyne.Window, ds *timeline.Dataset, first, last float64, lanes []string)
	// openFile loads a dataset for File ▸ Open…; nil hides the item.
	openFile func(path string) (*timeline.Dataset, error)
}

// newUI builds the main window's content on w for ds.
func newUI(w fyne.Window, ds *timeline.Dataset, opts Options) *ui {
	lang := opts.Lang
	if lang == "" {
		lang = systemLang()
	}
	u := &ui{win: w, ds: ds, lang: lang, opts: opts}
	t0 := time.Now()
	u.eng = newEngine(ds, lang, sceneTheme(opts.Theme))
	t1 := time.Now()
	u.sx = newSearchIndex(ds)
	t2 := time.Now()
	u.tl = newTimelineView(u.eng)
	tracef("index %v, search %v, view %v", t1.Sub(t0), t2.Sub(t1), time.Since(t2))
	u.ov = newOverview(u.eng, u.tl)
	u.det = newDetails(u)
	u.tl.OnSelect = func(ev int) {
		if u.results != nil {
			u.results.Hide()
		}
		if ev >= 0 && u.open {
			u.det.show(ev)
		} else if ev >= 0 {
			u.openDetails(ev)
		}
	}
	u.tl.OnActivate = func(ev int) { u.openDetails(ev) }
	u.tl.OnDismiss = func() {
		if u.open {
			u.closeDetails()
		} else {
			u.tl.Select(-1)
		}
	}
	u.tl.OnViewChanged = func(scale.View) {
		u.ov.Refresh()
		if u.results != nil {
			u.results.Hide()
		}
	}

	u.search = newSearchEntry(func() {
		u.results.Hide()
		u.win.Canvas().Focus(u.tl)
	})
	u.search.SetPlaceHolder(tr(lang, "search"))
	u.search.OnChanged = u.onSearch
	u.search.OnSubmitted = func(string) {
		if len(u.found) > 0 {
			u.choose(u.found[0])
		}
	}
	u.list = widget.NewList(
		func() int { return len(u.found) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(u.resultText(u.found[i]))
		})
	u.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(u.found) {
			u.choose(u.found[i])
		}
		u.list.UnselectAll()
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameMenuBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	bg.CornerRadius = 4
	card := container.NewStack(bg, u.list)
	u.results = container.NewWithoutLayout(card)
	u.results.Hide()

	lanesBtn := widget.NewButtonWithIcon(tr(lang, "lanes"), theme.ListIcon(), u.showLanes)
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { u.tl.ZoomCentre(0.5) })
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { u.tl.ZoomCentre(2) })
	fit := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), u.tl.FitAll)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(lanesBtn, zoomOut, zoomIn, fit), u.search)

	u.tlArea = container.NewBorder(nil, u.ov, nil, nil, u.tl)
	u.split = container.NewHSplit(widget.NewLabel(""), u.det.scroll)
	u.split.Offset = 0.7
	u.center = container.NewStack(u.tlArea)
	w.SetContent(container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewStack(u.center, u.results)))
	w.SetTitle(ds.Title)
	u.installShortcuts()
	w.Canvas().Focus(u.tl)
	return u
}

// searchEntry is the search field: an Entry where Esc closes the results and returns to the
// timeline.
type searchEntry struct {
	widget.Entry
	onEscape func()
}

func newSearchEntry(onEscape func()) *searchEntry {
	e := &searchEntry{onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Esc and passes other keys to the Entry.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// sceneTheme is the scene theme matching the window's: the named one, or the system's
// light or dark variant.
func sceneTheme(name string) string {
	if name != "" {
		return name
	}
	if newAppTheme("").isDark() {
		return "dark"
	}
	return "light"
}

// wire connects the command line's Open and Export to the menus.
func (u *ui) wire(o Options) {
	u.openFile, u.export = o.Open, o.Export
	u.win.SetMainMenu(u.menu())
}

// openDetails shows the details panel for ev beside the timeline.
func (u *ui) openDetails(ev int) {
	if ev < 0 {
		return
	}
	if u.tl.Selected() != ev {
		u.tl.Select(ev) // calls back into openDetails via OnSelect
		return
	}
	u.det.show(ev)
	if !u.open {
		u.open = true
		u.split.Leading = u.tlArea
		u.center.Objects = []fyne.CanvasObject{u.split}
		u.split.Refresh()
		u.center.Refresh()
	}
}

// closeDetails hides the details panel and gives the timeline the whole width.
func (u *ui) closeDetails() {
	if !u.open {
		return
	}
	u.open = false
	u.split.Leading = widget.NewLabel("")
	u.center.Objects = []fyne.CanvasObject{u.tlArea}
	u.center.Refresh()
	u.win.Canvas().Focus(u.tl)
}

// onSearch updates the results dropdown as the query is typed.
func (u *ui) onSearch(q string) {
	u.found = u.sx.find(q, 200)
	u.list.UnselectAll()
	u.list.Refresh()
	if len(u.found) == 0 {
		u.results.Hide()
		return
	}
	rowH := u.list.MinSize().Height
	if rowH < 10 {
		rowH = theme.TextSize() + 4*theme.Padding()
	}
	rows := min(len(u.found), 12)
	card := u.results.Objects[0]
	card.Resize(fyne.NewSize(max(u.search.Size().Width, 420), float32(rows)*(rowH+theme.SeparatorThicknessSize())+2))
	card.Move(fyne.NewPos(theme.Padding(), 0))
	u.list.ScrollToTop()
	u.results.Show()
}

// resultText is one line of the search results: date, title and lane.
func (u *ui) resultText(ev int) string {
	e := &u.ds.Events[ev]
	lane := ""
	if e.LaneIndex >= 0 && e.LaneIndex < len(u.ds.Lanes) {
		lane = " · " + u.ds.Lanes[e.LaneIndex].Title
	}
	return fmt.Sprintf("%s — %s%s", dateLine(e, u.lang), e.TitleIn(u.lang), lane)
}

// choose centres the timeline on a search result and selects it.
func (u *ui) choose(ev int) {
	u.results.Hide()
	if u.tl.LaneHidden(u.ds.Events[ev].LaneIndex) {
		u.setLane(u.ds.Events[ev].LaneIndex, true)
	}
	// Zoom in when the whole view is far wider than the event, so the result stands out
	// among its neighbours: about three times the event's length, at least two years.
	a, b := u.ds.Events[ev].Span()
	length := float64(b-a) + 1
	if want := max(3*length, 2*365.2425); u.tl.View().Span() > 2*want {
		mid := (float64(a) + float64(b) + 1) / 2
		u.tl.ShowRange(mid-want/2, mid+want/2)
	}
	u.tl.CentreOn(ev)
	u.openDetails(ev)
	u.win.Canvas().Focus(u.tl)
}

// showLanes opens the lane toggles under the Lanes button.
func (u *ui) showLanes() {
	box := container.NewVBox()
	u.laneBoxes = u.laneBoxes[:0]
	for i, l := range u.ds.Lanes {
		i := i
		c := widget.NewCheck(l.Title, func(on bool) { u.setLane(i, on) })
		c.Checked = !u.tl.LaneHidden(i)
		sw := canvas.NewRectangle(u.eng.laneColor(i))
		sw.SetMinSize(fyne.NewSize(12, 12))
		sw.CornerRadius = 2
		box.Add(container.NewBorder(nil, nil, container.NewCenter(sw), nil, c))
		u.laneBoxes = append(u.laneBoxes, c)
	}
	pop := widget.NewPopUp(box, u.win.Canvas())
	size := u.win.Canvas().Size()
	pop.ShowAtPosition(fyne.NewPos(size.Width-box.MinSize().Width-24, 48))
}

// setLane shows (on) or hides a lane.
func (u *ui) setLane(lane int, on bool) {
	u.tl.SetLaneHidden(lane, !on)
	u.ov.Refresh()
	if lane < len(u.laneBoxes) && u.laneBoxes[lane].Checked != on {
		u.laneBoxes[lane].SetChecked(on)
	}
}

// showSource opens a source's text at an excerpt.
func (u *ui) showSource(src *timeline.Source, x timeline.Excerpt) {
	showSourceDialog(u.win, src, x, u.lang)
}

// installShortcuts adds the window's keyboard shortcuts and menus.
func (u *ui) installShortcuts() {
	c := u.win.Canvas()
	for k, f := range u.shortcuts() {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { f() })
	}
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		// Keys typed with nothing focused go to the timeline.
		u.tl.TypedKey(e)
	})
	u.win.SetMainMenu(u.menu())
}

// shortcuts are the Ctrl (Cmd on macOS) shortcuts of the window, by key.
func (u *ui) shortcuts() map[fyne.KeyName]func() {
	return map[fyne.KeyName]func(){
		fyne.KeyEqual: func() { u.tl.ZoomCentre(2) },
		fyne.KeyPlus:  func() { u.tl.ZoomCentre(2) },
		fyne.KeyMinus: func() { u.tl.ZoomCentre(0.5) },
		fyne.Key0:     u.tl.FitAll,
		fyne.KeyE:     u.doExport,
		fyne.KeyF:     func() { u.win.Canvas().Focus(u.search) },
	}
}

func (u *ui) menu() *fyne.MainMenu {
	l := u.lang
	var fileItems []*fyne.MenuItem
	if u.openFile != nil {
		fileItems = append(fileItems, fyne.NewMenuItem(tr(l, "open"), u.doOpen))
	}
	exp := fyne.NewMenuItem(tr(l, "export"), u.doExport)
	exp.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	quit := fyne.NewMenuItem(tr(l, "quit"), func() { fyne.CurrentApp().Quit() })
	quit.IsQuit = true
	fileItems = append(fileItems, exp, fyne.NewMenuItemSeparator(), quit)
	fit := fyne.NewMenuItem(tr(l, "fit"), u.tl.FitAll)
	fit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault}
	zin := fyne.NewMenuItem(tr(l, "zoomin"), func() { u.tl.ZoomCentre(2) })
	zin.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	zout := fyne.NewMenuItem(tr(l, "zoomout"), func() { u.tl.ZoomCentre(0.5) })
	zout.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
	return fyne.NewMainMenu(
		fyne.NewMenu(tr(l, "file"), fileItems...),
		fyne.NewMenu(tr(l, "view"), fit, zin, zout),
		fyne.NewMenu(tr(l, "help"),
			fyne.NewMenuItem(tr(l, "about"), u.showAbout),
			fyne.NewMenuItem(tr(l, "keys"), u.showKeys)),
	)
}

func (u *ui) doExport() {
	v := u.tl.View()
	var lanes []string
	for i, l := range u.ds.Lanes {
		if !u.tl.LaneHidden(i) {
			lanes = append(lanes, l.ID)
		}
	}
	if u.export == nil {
		u.exportFigure(u.win, u.ds, v.Start, v.End, lanes)
		return
	}
	u.export(u.win, u.ds, v.Start, v.End, lanes)
}

// doOpen asks for a dataset file and, once it has loaded (off the UI goroutine: a large
// file takes a second or more), replaces the window's content with it.
func (u *ui) doOpen() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		open := u.openFile
		go func() {
			ds, err := open(path)
			fyne.Do(func() {
				if err != nil {
					dialog.ShowError(fmt.Errorf("%s: %w", tr(u.lang, "openerr"), err), u.win)
					return
				}
				newUI(u.win, ds, u.opts).wire(u.opts)
			})
		}()
	}, u.win)
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width*0.8, 1000), min(size.Height*0.8, 700)))
	d.Show()
}

func (u *ui) showAbout() {
	msg := fmt.Sprintf("Trotsky Timeline\n\n%s\n%d events, %d sources, %d lanes.\n\nFonts: Noto Sans (SIL Open Font License).",
		u.ds.Title, len(u.ds.Events), len(u.ds.Sources), len(u.ds.Lanes))
	dialog.ShowInformation(tr(u.lang, "about"), msg, u.win)
}

// keyHelp lists the keyboard shortcuts shown by Help ▸ Keyboard shortcuts.
var keyHelp = [][2]string{
	{"Wheel / Ctrl + / Ctrl −", "zoom about the pointer / the centre"},
	{"Shift+wheel, drag, Left, Right", "pan"},
	{"Ctrl+wheel, Up, Down, PgUp, PgDn", "scroll the lanes"},
	{"Double-click", "zoom in about the pointer"},
	{"Home, 0, Ctrl+0", "fit the whole timeline"},
	{"Tab / Shift+Tab, . / ,", "next / previous event in time"},
	{"Enter / Esc", "open / close the details"},
	{"Ctrl+F", "search"},
	{"Ctrl+E", "export a figure"},
}

func (u *ui) showKeys() {
	grid := container.NewGridWithColumns(2)
	for _, k := range keyHelp {
		grid.Add(widget.NewLabelWithStyle(k[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(k[1]))
	}
	dialog.ShowCustom(tr(u.lang, "keys"), tr(u.lang, "close"), grid, u.win)
}
