package render

import (
	"slices"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/geo"
	"trotskytimeline/timeline/scene"
	"trotskytimeline/timeline/textmetrics"
)

// mapBody builds the map of the places of from..to in a w×h box at the origin: fitted to
// those places, with the moves between them and their labels at label size fs.
func mapBody(ix *geo.Index, th scene.Theme, lang string, m textmetrics.Measurer, from, to chrono.Day, w, h, fs float64) *geo.MapScene {
	// ix.Hidden holds the lanes the figure leaves out (set by figure).
	v := ix.Fit(w, h, fs*3, from, to)
	ms := &geo.MapScene{}
	geo.BuildMap(ms, ix, v, &geo.MapConfig{
		Theme: th, Lang: lang, FontSize: fs * 0.85, Measurer: m, From: from, To: to,
		Selected: -1, Hover: -1, MinStep: 0.5,
	})
	return ms
}

// mapLegendItems are the map's keys: the route in the whereabouts lane's colour, a place,
// an approximate place.
func mapLegendItems(ds *timeline.Dataset, o Options, th scene.Theme) []scene.LegendItem {
	c := geo.RouteColor(ds, &th)
	return []scene.LegendItem{
		{Label: word(o.Lang, "route"), Mark: scene.MarkRoute, Lane: -1, Color: c, Show: true},
		{Label: word(o.Lang, "place"), Mark: scene.MarkPlace, Lane: -1, Color: c, Show: true},
		{Label: word(o.Lang, "approx"), Mark: scene.MarkApproxPlace, Lane: -1, Color: c, Show: true},
	}
}

// mapCredits names the gazetteers of the coordinates of the places the map of from..to
// shows, in lang, with their licence.
func mapCredits(ix *geo.Index, from, to chrono.Day, lang string) []string {
	var ids []string
	for _, p := range ix.PlacesIn(from, to) {
		if g := ix.DS.Places[p].Gazetteer; !slices.Contains(ids, g) {
			ids = append(ids, g)
		}
	}
	var out []string
	for _, g := range ix.DS.Gazetteers {
		if !slices.Contains(ids, g.ID) {
			continue
		}
		s := g.TitleIn(lang)
		if g.License != "" {
			s += " (" + g.License + ")"
		}
		out = append(out, s)
	}
	return out
}

// showMapKeys keeps the map's keys that its map draws: no "moves" key on a map without
// moves, no "approximate place" key without one. It runs after scene.MarkLegend (which
// keeps every map key).
func showMapKeys(items []scene.LegendItem, ms *geo.MapScene) {
	var route, place, approx bool
	for i := range ms.Shapes {
		sh := &ms.Shapes[i]
		switch {
		case sh.Kind == scene.KindRoute:
			route = true
		case sh.Kind == scene.KindPlace && sh.Style&scene.StyleDashed != 0:
			approx = true
		case sh.Kind == scene.KindPlace:
			place = true
		}
	}
	for i := range items {
		switch it := &items[i]; it.Mark {
		case scene.MarkRoute:
			it.Show = route
		case scene.MarkPlace:
			it.Show = place
		case scene.MarkApproxPlace:
			it.Show = approx
		}
	}
}
