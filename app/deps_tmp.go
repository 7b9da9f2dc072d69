// Package app is the desktop program: the only package that imports Fyne.
// deps_tmp.go keeps go.mod and go.sum complete while the packages that import these are written; delete it then.
package app

import (
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/test"
	_ "fyne.io/fyne/v2/widget"
	_ "fyne.io/fyne/v2/dialog"
	_ "fyne.io/fyne/v2/lang"
	_ "github.com/wcharczuk/go-chart/v2"
	_ "golang.org/x/image/font/opentype"
)

