// Package geo is the map: places' coordinates projected onto a world map (Natural Earth I),
// the Natural Earth land basemap embedded at two scales, where the subject was at a date
// (from the places of the dataset's whereabouts lanes), and hit-testing. It draws nothing:
// it hands painters rings and points in pixels. Nothing here imports Fyne.
//
// The basemap is Natural Earth's land (public domain), as TopoJSON from world-atlas 2.0.2
// (naturalearth/ holds the files and their notice), converted by `go generate` into the
// compact land110.bin and land50.bin this package embeds.
package geo

//go:generate go run ./internal/mkbasemap -in naturalearth/land-110m.json -out land110.bin
//go:generate go run ./internal/mkbasemap -in naturalearth/land-50m.json -out land50.bin
