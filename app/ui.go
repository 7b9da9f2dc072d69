package app

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/app/timelineview"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/scene"
)

// ui is the main window's content and behaviour, independent of how the app was started
// (the real driver in Run, Fyne's test driver in tests).
type ui struct {
	win  fyne.Window
	ds   *timeline.Dataset
	lang string   // the interface's language: "en", "it", "pt"
	set  settings // language, theme and text size in use
	opts Options

	eng  *timelineview.Engine
	tl   *timelineview.Timeline
	ov   *timelineview.Overview
	mapv *MapView // the map beside the timeline (mapview.go), nil when no event has a place
	// placeMarks are the events of the place last tapped on the map, marked on the timeline.
	placeMarks map[int32]bool
	det        *details
	search     *searchEntry
	sx         *searchIndex
	sr         *searchUI       // the search's results and marks (search.go)
	results    *fyne.Container // the results dropdown: over the timeline, not an overlay, so typing goes on
	tour       *tour           // the guided tour running (tour.go), or nil
	mode       mode            // browsing or touring (mode.go)
	kiosk      *kiosk          // kiosk mode's state (kiosk.go), or nil

	center    *fyne.Container // holds either the timeline area or the split with details
	stage     *fyne.Container // the center with the search results over it (layers go on top)
	tlArea    fyne.CanvasObject
	split     *container.Split
	open      bool
	laneBoxes []*widget.Check
	lanesBtn  *widget.Button // the Lanes button the lane pop-up opens under
	legendBtn *widget.Button // the Legend button (legend.go)
	legendPop *widget.PopUp  // the legend last opened
	lanesPop  *widget.PopUp  // the lane pop-up last opened
	dialogs   []shownDialog  // the dialogs open that Esc may close (keys.go)
	tips      *tipLayer      // where the buttons' tooltips show (tooltip.go)

	// export is called by File ▸ Export… and Ctrl+E; nil uses exportFigure.
	export func(w fyne.Window, ds *timeline.Dataset, first, last float64, lanes []string)
	// openFile loads a dataset for File ▸ Open…; nil hides the item.
	openFile func(ctx context.Context, path string) (*timeline.Dataset, error)
	// openCancel is the "Opening…" dialog while a file loads (its button cancels), for tests.
	openCancel *dialog.CustomDialog
	// onOpened, when set (tests), is called on the UI goroutine after openPath has either
	// shown the new dataset or its problems.
	onOpened func(err error)
	// openErrText is the text of the last open-error dialog (all its messages), for tests.
	openErrText string
}

// newUI builds the main window's content on w for ds, with the run's settings: the command
// line's (opts) where given, else the remembered ones, else the system's. It also sets the
// app's Fyne theme to match, and restores the last view when it belongs to ds.
func newUI(w fyne.Window, ds *timeline.Dataset, opts Options) *ui {
	p := prefs()
	st := loadSettings(p, opts)
	if !opts.Kiosk {
		opts.Linear = st.Linear // a remembered View ▸ Compress sparse stretches (not in kiosk mode)
	}
	u := &ui{win: w, ds: ds, opts: opts, set: st}
	u.lang = setLanguage(st.Lang)
	u.applyAppTheme()
	t0 := time.Now()
	u.eng = u.newEngine(ds)
	t1 := time.Now()
	u.sx = newSearchIndex(ds)
	tracef("index %v, search %v", t1.Sub(t0), time.Since(t1))
	u.build()
	if !opts.Kiosk {
		if v, ok := loadView(p, ds.Path); ok {
			u.restoreView(v)
		}
	}
	if a := fyne.CurrentApp(); a != nil {
		// Settings change from Fyne's own goroutines too (the system's dark mode).
		a.Settings().AddListener(func(fyne.Settings) { fyne.Do(u.followSystemTheme) })
	}
	return u
}

// followSystemTheme gives the timeline the system's light or dark variant when the theme
// follows the system and the system's has changed.
func (u *ui) followSystemTheme() {
	if u.set.Theme != "" || u.eng == nil {
		return
	}
	name := sceneTheme("")
	if name == u.eng.Config().Theme.Name {
		return
	}
	if th, ok := scene.ThemeByName(name); ok {
		u.eng.SetTheme(th)
		u.rebuild()
	}
}

// newEngine indexes ds with the ui's language, theme and text size. It does not touch Fyne
// beyond reading the system's theme variant when the theme follows it.
func (u *ui) newEngine(ds *timeline.Dataset) *timelineview.Engine {
	return newEngineWith(ds, u.lang, sceneTheme(u.set.Theme), u.set.TextSize)
}

// newEngineWith is newEngine with every choice given, for a goroutine.
func newEngineWith(ds *timeline.Dataset, lang, sceneThemeName, textSize string) *timelineview.Engine {
	e := timelineview.NewEngine(ds, lang, sceneThemeName)
	e.SetTextScale(float64(textScale(textSize)))
	return e
}

// build makes the window's widgets for the ui's dataset, engine and language and puts them
// in the window. A language, theme or text-size switch calls it again (see rebuild).
func (u *ui) build() {
	w, lang := u.win, u.lang
	t0 := time.Now()
	u.eng.SetLinear(u.opts.Linear)
	u.tl = timelineview.New(u.eng)
	tracef("view %v", time.Since(t0))
	u.ov = timelineview.NewOverview(u.eng, u.tl)
	u.open = false
	u.det = newDetails(u)
	// The timeline's listeners, registered once; they ask the window's mode (mode.go).
	u.tl.OnSelect(u.selectEvent)
	u.tl.SetKeyHandler(u.modeKey)
	u.tl.OnInput(u.onInput)
	u.tl.OnActivate(func(ev int) { u.openDetails(ev) })
	u.tl.OnDismiss(u.escape) // keys.go: the topmost thing only
	u.tl.OnViewChanged(u.viewChanged)
	u.tl.SetCountText(func(s *scene.Shape) string { return clusterText(s, u.lang) })

	u.buildSearch()

	lanesBtn := widget.NewButtonWithIcon(tr(lang, "lanes"), theme.ListIcon(), u.showLanes)
	u.lanesBtn = lanesBtn
	// Zoom buttons show − and +, not magnifiers, which look like search (tooltip.go).
	u.tips = newTipLayer()
	zoomOut := newTipButton("", theme.ContentRemoveIcon(), tr(lang, "zoomout.tip"), u.tips, func() { u.tl.ZoomCentre(0.5) })
	zoomIn := newTipButton("", theme.ContentAddIcon(), tr(lang, "zoomin.tip"), u.tips, func() { u.tl.ZoomCentre(2) })
	fit := newTipButton("", theme.ZoomFitIcon(), tr(lang, "fit.tip"), u.tips, u.tl.FitAll)
	u.legendBtn = widget.NewButtonWithIcon(tr(lang, "legend"), theme.InfoIcon(), u.showLegend)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(u.legendBtn, lanesBtn, zoomOut, zoomIn, fit), u.search)

	u.tlArea = container.NewBorder(nil, u.ov, nil, nil, u.tl)
	// The map below the timeline, in a split the user can resize; a dataset without places
	// has none, and no empty panel.
	if u.mapv = newMapView(u.eng); u.mapv != nil {
		u.mapv.OnPlace = u.selectPlace
		u.mapv.OnInput = u.onInput // kiosk mode: input on the map is input too
		split := container.NewVSplit(u.tlArea, u.mapv)
		split.Offset = 0.6
		u.tlArea = split
		if u.opts.Kiosk {
			u.tlArea = newMapFold(split, u.mapv) // kiosk.go: a short screen shows no map
		}
		u.syncMap()
	}
	u.split = container.NewHSplit(widget.NewLabel(""), u.det.scroll)
	u.split.Offset = 0.7
	u.center = container.NewStack(u.tlArea)
	u.stage = container.NewStack(u.center, u.results)
	w.SetContent(container.NewStack(container.NewBorder(container.NewPadded(top), nil, nil, nil, u.stage), u.tips.layer))
	w.SetTitle(u.ds.Title)
	u.installShortcuts()
	if u.kiosk != nil {
		u.kiosk.layout() // the kiosk's bar instead of the window's (after a language switch)
	}
	w.Canvas().Focus(u.tl)
}

// syncMap gives the map the timeline's range and centre day.
func (u *ui) syncMap() {
	if u.mapv == nil {
		return
	}
	v := u.tl.View()
	if v.Width <= 0 || v.End <= v.Start {
		return
	}
	u.mapv.ix.Hidden = u.tl.HiddenLanes() // the lanes hidden on the timeline are off the map too
	mid := v.Day(v.Width / 2)
	u.mapv.SetRange(chrono.Day(math.Floor(v.Start)), chrono.Day(math.Floor(v.End)), chrono.Day(math.Floor(mid)))
}

// selectPlace selects the events of place p in the timeline's range (all of them when none
// is in it), frames them on the timeline and marks them, and selects the first.
func (u *ui) selectPlace(p int32) {
	v := u.tl.View()
	evs := u.mapv.ix.EventsAt(p, chrono.Day(math.Floor(v.Start)), chrono.Day(math.Floor(v.End)))
	if len(evs) == 0 {
		evs = u.mapv.ix.EventsAt(p, chrono.MinDay, chrono.MaxDay)
	}
	if len(evs) == 0 {
		return
	}
	from, to := chrono.MaxDay, chrono.MinDay
	marked := make(map[int32]bool, len(evs))
	for _, e := range evs {
		a, b := u.eng.Span(int(e))
		from, to = min(from, a), max(to, b)
		marked[e] = true
	}
	u.placeMarks = marked
	u.tl.Highlight(func(ev int32) bool { return marked[ev] })
	u.tl.ShowRange(float64(from), float64(to))
	u.tl.Select(int(evs[0]))
	u.tl.RevealSelection()
}

// sceneTheme is the scene theme matching the window's: the named one ("light", "dark",
// "contrast"), or the system's light or dark variant for "".
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
	if o.Open != nil { // also when the menu shows no shortcut (contrastMenu)
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { u.doOpen() })
	}
	if o.OpenError != nil { // the command line's file was refused: say why over the built-in timeline
		u.showOpenError(o.OpenErrorPath, o.OpenError)
	}
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

// showLanes opens the lane toggles under the Lanes button.
func (u *ui) showLanes() {
	box := container.NewVBox()
	u.laneBoxes = u.laneBoxes[:0]
	for i, l := range u.ds.Lanes {
		i := i
		c := widget.NewCheck(l.TitleIn(u.lang), func(on bool) { u.setLane(i, on) })
		c.Checked = !u.tl.LaneHidden(i)
		sw := canvas.NewRectangle(u.eng.LaneColor(i))
		sw.SetMinSize(fyne.NewSize(12, 12))
		sw.CornerRadius = 2
		box.Add(container.NewBorder(nil, nil, container.NewCenter(sw), nil, c))
		u.laneBoxes = append(u.laneBoxes, c)
	}
	pop := widget.NewPopUp(box, u.win.Canvas())
	pop.ShowAtPosition(u.lanesPos(pop.MinSize()))
	u.lanesPop = pop
}

// lanesPos is where a lane pop-up of size ps opens: just under the Lanes button (the main
// window's or kiosk mode's, whose bar is taller), its right edge at the button's, inside
// the window.
func (u *ui) lanesPos(ps fyne.Size) fyne.Position {
	size := u.win.Canvas().Size()
	pos := fyne.NewPos(size.Width-ps.Width-theme.Padding(), 48)
	if u.lanesBtn != nil {
		if d := fyne.CurrentApp().Driver(); d != nil {
			at := d.AbsolutePositionForObject(u.lanesBtn)
			b := u.lanesBtn.Size()
			pos = fyne.NewPos(at.X+b.Width-ps.Width, at.Y+b.Height+theme.Padding())
		}
	}
	pos.X = max(0, min(pos.X, size.Width-ps.Width))
	return pos
}

// setLane shows (on) or hides a lane.
func (u *ui) setLane(lane int, on bool) {
	u.tl.SetLaneHidden(lane, !on)
	u.ov.Refresh()
	if u.mapv != nil {
		u.mapv.LanesChanged()
	}
	if lane < len(u.laneBoxes) && u.laneBoxes[lane].Checked != on {
		u.laneBoxes[lane].SetChecked(on)
	}
}

// showSource opens a source's text at an excerpt.
func (u *ui) showSource(src *timeline.Source, x timeline.Excerpt) {
	u.readingInput()
	d, scroll, target := u.sourceDialog(src, x)
	u.showDialog(d)
	scrollTo(scroll, target)
}

// installShortcuts adds the window's keyboard shortcuts and menus.
func (u *ui) installShortcuts() {
	c := u.win.Canvas()
	for k, f := range u.shortcuts() {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { f() })
	}
	// Ctrl + is Ctrl+Shift+= where + is the shifted = (US and UK keyboards); a
	// shortcut matches its modifiers exactly, so it needs its own.
	for _, k := range []fyne.KeyName{fyne.KeyEqual, fyne.KeyPlus} {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
			func(fyne.Shortcut) { u.tl.ZoomCentre(2) })
	}
	c.SetOnTypedKey(u.typedKey) // keys typed with nothing focused (keys.go)
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

// menu is the window's menu bar in the ui's language, the current choices checked.
func (u *ui) menu() *fyne.MainMenu {
	l := u.lang
	var fileItems []*fyne.MenuItem
	if u.openFile != nil {
		open := fyne.NewMenuItem(tr(l, "open"), u.doOpen)
		open.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
		fileItems = append(fileItems, open)
	}
	exp := fyne.NewMenuItem(tr(l, "export"), u.doExport)
	exp.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	quit := fyne.NewMenuItem(tr(l, "quit"), func() {
		u.saveState()
		fyne.CurrentApp().Quit()
	})
	quit.IsQuit = true
	fileItems = append(fileItems, exp, fyne.NewMenuItemSeparator(), quit)
	fit := fyne.NewMenuItem(tr(l, "fit"), u.tl.FitAll)
	breaks := fyne.NewMenuItem(tr(l, "breaks"), u.toggleBreaks)
	breaks.Checked = !u.opts.Linear
	fit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault}
	zin := fyne.NewMenuItem(tr(l, "zoomin"), func() { u.tl.ZoomCentre(2) })
	zin.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	zout := fyne.NewMenuItem(tr(l, "zoomout"), func() { u.tl.ZoomCentre(0.5) })
	zout.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}

	var langs, themes, sizes []*fyne.MenuItem
	for _, lg := range uiLanguages {
		it := fyne.NewMenuItem(lg.Name, func() { u.setLang(lg.Tag) })
		it.Checked = lg.Tag == u.lang
		langs = append(langs, it)
	}
	for _, th := range themeNames {
		key := "theme." + th
		if th == "" {
			key = "theme.system"
		}
		it := fyne.NewMenuItem(tr(l, key), func() { u.setTheme(th) })
		it.Checked = th == u.set.Theme
		themes = append(themes, it)
	}
	for _, ts := range textSizes {
		it := fyne.NewMenuItem(tr(l, "textsize."+ts.Name), func() { u.setTextSize(ts.Name) })
		it.Checked = ts.Name == u.set.TextSize
		sizes = append(sizes, it)
	}
	langItem := fyne.NewMenuItem(tr(l, "language.menu"), nil)
	langItem.ChildMenu = fyne.NewMenu("", langs...)
	themeItem := fyne.NewMenuItem(tr(l, "theme.menu"), nil)
	themeItem.ChildMenu = fyne.NewMenu("", themes...)
	sizeItem := fyne.NewMenuItem(tr(l, "textsize.menu"), nil)
	sizeItem.ChildMenu = fyne.NewMenu("", sizes...)
	return u.contrastMenu(fyne.NewMainMenu(
		fyne.NewMenu(tr(l, "file"), fileItems...),
		fyne.NewMenu(tr(l, "view"), fit, zin, zout, breaks, fyne.NewMenuItemSeparator(), u.tourItem(), fyne.NewMenuItemSeparator(), langItem, themeItem, sizeItem),
		fyne.NewMenu(tr(l, "help"),
			fyne.NewMenuItem(tr(l, "about"), u.showAbout),
			fyne.NewMenuItem(tr(l, "keys"), u.showKeys)),
	))
}

// setLang switches the interface to language l ("en", "it", "pt") and remembers it.
func (u *ui) setLang(l string) {
	u.lang = setLanguage(l)
	u.set.Lang = u.lang
	if p := prefs(); p != nil && u.kiosk == nil { // a kiosk visitor's choice is not remembered
		p.SetString(prefLang, u.lang)
	}
	u.eng.SetLang(u.lang)
	u.rebuild()
}

// setTheme switches the window and the timeline to theme name ("" follows the system)
// and remembers it.
func (u *ui) setTheme(name string) {
	if !validTheme(name) {
		return
	}
	u.set.Theme = name
	if p := prefs(); p != nil {
		p.SetString(prefTheme, name)
	}
	u.applyAppTheme()
	if th, ok := scene.ThemeByName(sceneTheme(name)); ok {
		u.eng.SetTheme(th)
	}
	u.rebuild()
}

// setTextSize scales the interface's text and the timeline's labels and rows to the text
// size called name and remembers it.
func (u *ui) setTextSize(name string) {
	if !validTextSize(name) {
		return
	}
	u.set.TextSize = name
	if p := prefs(); p != nil {
		p.SetString(prefTextSize, name)
	}
	u.applyAppTheme()
	u.eng.SetTextScale(float64(textScale(name)))
	u.rebuild()
}

// applyAppTheme gives the app the Fyne theme of the ui's theme and text size.
func (u *ui) applyAppTheme() {
	if a := fyne.CurrentApp(); a != nil {
		a.Settings().SetTheme(&appTheme{name: u.set.Theme, scale: textScale(u.set.TextSize)})
	}
}

// viewState is what a rebuild carries over: the view window, vertical scroll, hidden lanes,
// selection, whether the details are open (and how wide), and the search text.
type viewState struct {
	tl     timelineview.State // view, scroll, hidden lanes, selection
	open   bool
	offset float64
	query  string
}

func (u *ui) captureState() viewState {
	return viewState{tl: u.tl.State(), open: u.open, offset: u.split.Offset, query: u.search.Text}
}

// rebuild makes the window's widgets again in the current language, theme and text size,
// keeping the view, scroll, lanes, selection and details as they were.
func (u *ui) rebuild() {
	st := u.captureState()
	// A tour goes on at its stop in the new language (its card is made again).
	resume := u.tour
	if resume.running() {
		resume.abandoned = true // ending it here is not the visitor leaving it
		resume.end()
	} else {
		resume = nil
	}
	u.build()
	u.tl.RestoreState(st.tl)
	u.syncMap() // the map's hidden lanes are the timeline's again
	u.split.Offset = st.offset
	if st.tl.Selected >= 0 && st.open {
		u.openDetails(st.tl.Selected)
	}
	u.search.SetText(st.query)
	if u.results != nil {
		u.results.Hide()
	}
	if u.kiosk == nil {
		u.win.SetMainMenu(u.menu())
	}
	if resume != nil {
		var t *tour
		if u.kiosk != nil {
			t = u.kiosk.startTour(resume.loop)
		} else {
			t = u.startTour(resume.auto, resume.loop)
		}
		if t != nil && resume.pos > 0 && resume.pos < len(t.events) {
			t.show(resume.pos)
		}
	}
	u.win.Canvas().Focus(u.tl)
}

// toggleBreaks turns the broken time axis on or off, keeping the days in view.
func (u *ui) toggleBreaks() {
	u.opts.Linear = !u.opts.Linear
	if !u.opts.Kiosk {
		saveBreaks(prefs(), u.opts.Linear)
	}
	u.tl.SetLinear(u.opts.Linear) // the strip follows (viewChanged)
	u.win.SetMainMenu(u.menu())
}

// restoreView shows a remembered view before the first frame (instead of the whole span).
func (u *ui) restoreView(v savedView) {
	u.tl.RestoreView(u.eng.Axis().View(v.Start, v.End, 1000), v.ScrollY)
}

// saveState remembers the window's size and the view of the dataset shown (not in kiosk
// mode, which always starts from the opening view).
func (u *ui) saveState() {
	p := prefs()
	if p == nil || u.opts.Kiosk {
		return
	}
	v := u.tl.View()
	saveView(p, u.ds.Path, savedView{Start: v.Start, End: v.End, ScrollY: u.tl.ScrollY()})
	if !u.win.FullScreen() {
		saveWindowSize(p, u.win.Canvas().Size())
	}
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

// doOpen asks for a timeline file (ours, TimelineJS JSON or CSV), starting in the folder a
// file was last opened from, and opens it (openPath).
func (u *ui) doOpen() {
	p := prefs()
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
		if p != nil {
			p.SetString(prefOpenDir, filepath.Dir(path))
		}
		u.openPath(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json", ".csv", ".JSON", ".CSV"}))
	if p != nil {
		if dir := p.String(prefOpenDir); dir != "" && fileExists(dir) {
			if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
				d.SetLocation(l)
			}
		}
	}
	d.Show() // before Resize: Fyne 2.8.1's FileDialog.Resize dereferences nil until shown
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width*0.8, 1000), min(size.Height*0.8, 700)))
}

// openPath loads the timeline file at path off the UI goroutine (a large file takes a second
// or more; its index is built there too) and then shows it, or, if it is refused, lists its
// problems in a dialog while the current timeline stays as it was.
func (u *ui) openPath(path string) {
	open := u.openFile
	if open == nil {
		return
	}
	lang, themeName, size := u.lang, sceneTheme(u.set.Theme), u.set.TextSize
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBarInfinite()
	// Cancel stops the loading (the loaders look at ctx every few milliseconds) and keeps
	// the current timeline; a result that arrives after it is dropped.
	wait := dialog.NewCustom(fmt.Sprintf(tr(lang, "opening"), filepath.Base(path)), tr(lang, "cancel"), bar, u.win)
	finished, canceled := false, false
	wait.SetOnClosed(func() {
		if !finished {
			canceled = true
			cancel()
		}
	})
	u.openCancel = wait
	wait.Show()
	go func() {
		defer cancel()
		ds, err := open(ctx, path)
		var eng *timelineview.Engine
		if err == nil && ctx.Err() == nil {
			eng = newEngineWith(ds, lang, themeName, size)
		}
		fyne.Do(func() {
			finished = true
			bar.Stop()
			wait.Hide()
			u.openCancel = nil
			if canceled {
				err = context.Canceled
			} else if err != nil {
				u.showOpenError(path, err)
			} else {
				u.setDataset(ds, eng)
			}
			if u.onOpened != nil {
				u.onOpened(err)
			}
		})
	}()
}

// setDataset shows ds (indexed by eng) in place of the current dataset, at its remembered
// view if the last view saved was of it.
func (u *ui) setDataset(ds *timeline.Dataset, eng *timelineview.Engine) {
	u.saveState()
	if eng.Lang() != u.lang || eng.Config().Theme.Name != sceneTheme(u.set.Theme) {
		eng = u.newEngine(ds) // the language or theme changed while it loaded
	}
	u.ds, u.eng = ds, eng
	u.sx = newSearchIndex(ds)
	u.build()
	u.win.SetMainMenu(u.menu())
	if v, ok := loadView(prefs(), ds.Path); ok {
		u.restoreView(v)
	}
}

// openErrLimit is how many of a refused file's problems the dialog lists (Copy copies all).
const openErrLimit = 500

// showOpenError lists why the file at path was refused, one FILE:LINE:COL message a line,
// in selectable text with a button that copies them all.
func (u *ui) showOpenError(path string, err error) {
	var msgs []string
	var list *format.ErrorList
	if errors.As(err, &list) && len(list.Errors) > 0 {
		msgs = list.Lines() // with "N more problems not shown" past the loader's cap
	} else {
		msgs = []string{err.Error()}
	}
	all := strings.Join(msgs, "\n")
	u.openErrText = all
	shown := all
	if len(msgs) > openErrLimit {
		shown = strings.Join(msgs[:openErrLimit], "\n") + "\n" + fmt.Sprintf(tr(u.lang, "openerr.more"), len(msgs)-openErrLimit)
	}
	text := widget.NewLabelWithStyle(shown, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	text.Selectable = true
	text.Wrapping = fyne.TextWrapWord // a long message wraps instead of running out of sight
	// The problems found, not the lines listed: past the loader's cap the last line is
	// "N more problems not shown" (a file of 3.5 million empty events said "201 problems").
	n := len(msgs)
	if list != nil && len(list.Errors) > 0 {
		n = len(list.Errors) + list.More
	}
	count := fmt.Sprintf(tr(u.lang, "openerr.count"), filepath.Base(path), n)
	if n == 1 {
		count = fmt.Sprintf(tr(u.lang, "openerr.one"), filepath.Base(path))
	}
	head := wrapped(count, fyne.TextStyle{Bold: true})
	copyBtn := widget.NewButtonWithIcon(tr(u.lang, "copy"), theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(all)
	})
	scroll := container.NewVScroll(text)
	size := u.win.Canvas().Size()
	lineH := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{Monospace: true}).Height + 2
	rows := min(len(msgs), openErrLimit+1)*2 + 1 // a message may wrap once
	scroll.SetMinSize(fyne.NewSize(size.Width*0.75, max(4*lineH, min(float32(rows)*lineH, size.Height*0.55))))
	content := container.NewBorder(head, container.NewHBox(copyBtn), nil, nil, scroll)
	d := dialog.NewCustom(tr(u.lang, "openerr"), tr(u.lang, "close"), content, u.win)
	u.showDialog(d)
}

func (u *ui) showAbout() {
	msg := fmt.Sprintf("Trotsky Timeline\n\n%s\n"+tr(u.lang, "about.counts")+"\n\n"+tr(u.lang, "about.fonts"),
		u.ds.Title, len(u.ds.Events), len(u.ds.Sources), len(u.ds.Lanes))
	u.showDialog(dialog.NewInformation(tr(u.lang, "about"), msg, u.win))
}

// keyHelp lists the keyboard shortcuts shown by Help ▸ Keyboard shortcuts: each is the
// translation key of the keys, "keyhelp."+name, and of what they do, "keyhelp."+name+".do".
var keyHelp = []string{"zoom", "pan", "scroll", "dblclick", "fit", "next", "details", "esc", "search", "results", "tour", "open", "export"}

func (u *ui) showKeys() {
	grid := container.NewGridWithColumns(2)
	for _, k := range keyHelp {
		grid.Add(widget.NewLabelWithStyle(tr(u.lang, "keyhelp."+k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(tr(u.lang, "keyhelp."+k+".do")))
	}
	u.showDialog(dialog.NewCustom(tr(u.lang, "keys"), tr(u.lang, "close"), grid, u.win))
}
