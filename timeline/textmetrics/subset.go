package textmetrics

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"

	"golang.org/x/image/font/sfnt"
)

// Subset returns a TrueType font with only the glyphs that draw runes (and .notdef, and the
// parts of composite glyphs), numbered afresh, for embedding in a document (an SVG's
// @font-face). It keeps the metrics, the name table (the licence) and the hinting programs,
// and leaves out the layout tables (GSUB, GPOS, GDEF): the embedded font then draws each glyph
// at its advance width, unkerned, exactly as Width measures it, so text set in it takes the
// width the layout gave it. A rune the font lacks draws .notdef.
func Subset(ttf []byte, runes []rune) ([]byte, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("textmetrics: subset: %w", err)
	}
	tables, err := tableDir(ttf)
	if err != nil {
		return nil, err
	}
	for _, t := range []string{"head", "hhea", "hmtx", "maxp", "loca", "glyf", "cmap", "post"} {
		if _, ok := tables[t]; !ok {
			return nil, fmt.Errorf("textmetrics: subset: no %s table (only TrueType outlines can be subset)", t)
		}
	}
	head, maxp, hhea := tables["head"], tables["maxp"], tables["hhea"]
	if len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 {
		return nil, errors.New("textmetrics: subset: truncated head, maxp or hhea table")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	loca, glyf := tables["loca"], tables["glyf"]
	glyphData := func(g int) ([]byte, error) {
		var a, b int
		if longLoca {
			if 4*g+8 > len(loca) {
				return nil, fmt.Errorf("textmetrics: subset: glyph %d past loca", g)
			}
			a, b = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
		} else {
			if 2*g+4 > len(loca) {
				return nil, fmt.Errorf("textmetrics: subset: glyph %d past loca", g)
			}
			a, b = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
		}
		if a > b || b > len(glyf) {
			return nil, fmt.Errorf("textmetrics: subset: glyph %d outside glyf", g)
		}
		return glyf[a:b], nil
	}

	// The glyphs kept: .notdef, those of the runes, and the components of composites.
	var buf sfnt.Buffer
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	newID := map[int]int{0: 0}
	order := []int{0}
	keep := func(g int) {
		if _, ok := newID[g]; !ok && g < numGlyphs {
			newID[g] = len(order)
			order = append(order, g)
		}
	}
	cmap := map[rune]int{}
	for _, r := range rs {
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		keep(int(gi))
		cmap[r] = int(gi)
	}
	for i := 0; i < len(order); i++ { // order grows as composites name their parts
		d, err := glyphData(order[i])
		if err != nil {
			return nil, err
		}
		err = components(d, func(off int) { keep(int(binary.BigEndian.Uint16(d[off:]))) })
		if err != nil {
			return nil, fmt.Errorf("textmetrics: subset: glyph %d: %w", order[i], err)
		}
	}

	// glyf and loca (long offsets), components renumbered.
	var nglyf []byte
	nloca := make([]byte, 4*(len(order)+1))
	for i, g := range order {
		binary.BigEndian.PutUint32(nloca[4*i:], uint32(len(nglyf)))
		d, _ := glyphData(g)
		start := len(nglyf)
		nglyf = append(nglyf, d...)
		c := nglyf[start:]
		_ = components(c, func(off int) {
			binary.BigEndian.PutUint16(c[off:], uint16(newID[int(binary.BigEndian.Uint16(c[off:]))]))
		})
		for len(nglyf)%4 != 0 {
			nglyf = append(nglyf, 0)
		}
	}
	binary.BigEndian.PutUint32(nloca[4*len(order):], uint32(len(nglyf)))

	// hmtx: a full metric for every glyph kept.
	hmtx := tables["hmtx"]
	nLong := int(binary.BigEndian.Uint16(hhea[34:]))
	if nLong == 0 || 4*nLong > len(hmtx) {
		return nil, errors.New("textmetrics: subset: bad hmtx")
	}
	nhmtx := make([]byte, 4*len(order))
	for i, g := range order {
		adv := binary.BigEndian.Uint16(hmtx[4*min(g, nLong-1):])
		var lsb uint16
		if g < nLong {
			lsb = binary.BigEndian.Uint16(hmtx[4*g+2:])
		} else if o := 4*nLong + 2*(g-nLong); o+2 <= len(hmtx) {
			lsb = binary.BigEndian.Uint16(hmtx[o:])
		}
		binary.BigEndian.PutUint16(nhmtx[4*i:], adv)
		binary.BigEndian.PutUint16(nhmtx[4*i+2:], lsb)
	}

	out := map[string][]byte{
		"glyf": nglyf, "loca": nloca, "hmtx": nhmtx,
		"head": slices.Clone(head), "hhea": slices.Clone(hhea), "maxp": slices.Clone(maxp),
		"cmap": cmapTable(cmap, newID),
		"post": postV3(tables["post"]),
	}
	binary.BigEndian.PutUint16(out["head"][50:], 1)                 // long loca
	binary.BigEndian.PutUint32(out["head"][8:], 0)                  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(out["maxp"][4:], uint16(len(order))) // numGlyphs
	binary.BigEndian.PutUint16(out["hhea"][34:], uint16(len(order)))
	for _, t := range []string{"OS/2", "name", "cvt ", "fpgm", "prep", "gasp"} {
		if d, ok := tables[t]; ok {
			out[t] = d
		}
	}
	font := assemble(out)
	binary.BigEndian.PutUint32(font[headOffset(font)+8:], 0xB1B0AFBA-checksum(font))
	return font, nil
}

// components calls at with the offset in d of each component's glyph index when d is a
// composite glyph.
func components(d []byte, at func(off int)) error {
	if len(d) < 10 || int16(binary.BigEndian.Uint16(d)) >= 0 {
		return nil
	}
	const (
		argWords   = 0x0001
		haveScale  = 0x0008
		more       = 0x0020
		haveXY     = 0x0040
		haveTwoBy2 = 0x0080
	)
	for off := 10; ; {
		if off+4 > len(d) {
			return errors.New("truncated composite glyph")
		}
		flags := binary.BigEndian.Uint16(d[off:])
		at(off + 2)
		off += 4
		if flags&argWords != 0 {
			off += 4
		} else {
			off += 2
		}
		switch {
		case flags&haveScale != 0:
			off += 2
		case flags&haveXY != 0:
			off += 4
		case flags&haveTwoBy2 != 0:
			off += 8
		}
		if flags&more == 0 {
			return nil
		}
	}
}

// tableDir reads the font's tables by tag.
func tableDir(ttf []byte) (map[string][]byte, error) {
	if len(ttf) < 12 {
		return nil, errors.New("textmetrics: subset: not a font")
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if 12+16*n > len(ttf) {
		return nil, errors.New("textmetrics: subset: truncated table directory")
	}
	tables := map[string][]byte{}
	for i := range n {
		e := ttf[12+16*i:]
		off, ln := int(binary.BigEndian.Uint32(e[8:])), int(binary.BigEndian.Uint32(e[12:]))
		if off < 0 || ln < 0 || off+ln > len(ttf) {
			return nil, fmt.Errorf("textmetrics: subset: table %q outside the file", e[:4])
		}
		tables[string(e[:4])] = ttf[off : off+ln]
	}
	return tables, nil
}

// cmapTable maps the runes to the new glyph ids: a format 4 subtable for the Basic
// Multilingual Plane (Windows Unicode BMP) and, when a rune lies beyond it, a format 12 one.
func cmapTable(cmap map[rune]int, newID map[int]int) []byte {
	var bmp, all []rune
	for r := range cmap {
		all = append(all, r)
		if r <= 0xFFFF {
			bmp = append(bmp, r)
		}
	}
	sort.Slice(bmp, func(i, j int) bool { return bmp[i] < bmp[j] })
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	be := binary.BigEndian
	// Format 4: one segment per rune, then the closing 0xFFFF segment.
	seg := len(bmp) + 1
	f4 := make([]byte, 16+8*seg)
	be.PutUint16(f4[0:], 4)
	be.PutUint16(f4[2:], uint16(len(f4)))
	be.PutUint16(f4[6:], uint16(2*seg))
	sr := 1
	for sr*2 <= seg {
		sr *= 2
	}
	be.PutUint16(f4[8:], uint16(2*sr))
	es := 0
	for 1<<(es+1) <= sr {
		es++
	}
	be.PutUint16(f4[10:], uint16(es))
	be.PutUint16(f4[12:], uint16(2*seg-2*sr))
	ends, starts, deltas := 14, 16+2*seg, 16+4*seg
	for i, r := range bmp {
		be.PutUint16(f4[ends+2*i:], uint16(r))
		be.PutUint16(f4[starts+2*i:], uint16(r))
		be.PutUint16(f4[deltas+2*i:], uint16(newID[cmap[r]]-int(r)))
	}
	be.PutUint16(f4[ends+2*len(bmp):], 0xFFFF)
	be.PutUint16(f4[starts+2*len(bmp):], 0xFFFF)
	be.PutUint16(f4[deltas+2*len(bmp):], 1)
	subs := [][]byte{f4}
	ids := [][2]uint16{{3, 1}}
	if len(all) > len(bmp) {
		f12 := make([]byte, 16+12*len(all))
		be.PutUint16(f12[0:], 12)
		be.PutUint32(f12[4:], uint32(len(f12)))
		be.PutUint32(f12[12:], uint32(len(all)))
		for i, r := range all {
			g := f12[16+12*i:]
			be.PutUint32(g[0:], uint32(r))
			be.PutUint32(g[4:], uint32(r))
			be.PutUint32(g[8:], uint32(newID[cmap[r]]))
		}
		subs = append(subs, f12)
		ids = append(ids, [2]uint16{3, 10})
	}
	t := make([]byte, 4+8*len(subs))
	be.PutUint16(t[2:], uint16(len(subs)))
	for i, s := range subs {
		be.PutUint16(t[4+8*i:], ids[i][0])
		be.PutUint16(t[6+8*i:], ids[i][1])
		be.PutUint32(t[8+8*i:], uint32(len(t)))
		t = append(t, s...)
	}
	return t
}

// postV3 is the post table without glyph names (version 3).
func postV3(post []byte) []byte {
	p := make([]byte, 32)
	copy(p, post)
	binary.BigEndian.PutUint32(p, 0x00030000)
	return p
}

// assemble writes an sfnt file of the tables, sorted by tag, each 4-byte aligned.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	be := binary.BigEndian
	out := make([]byte, 12+16*n)
	be.PutUint32(out[0:], 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	sr := 1
	for sr*2 <= n {
		sr *= 2
	}
	es := 0
	for 1<<(es+1) <= sr {
		es++
	}
	be.PutUint16(out[6:], uint16(16*sr))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*n-16*sr))
	for i, t := range tags {
		d := tables[t]
		e := out[12+16*i:]
		copy(e[0:4], t)
		be.PutUint32(e[4:], checksum(d))
		be.PutUint32(e[8:], uint32(len(out)))
		be.PutUint32(e[12:], uint32(len(d)))
		out = append(out, d...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// headOffset is where the head table starts in an assembled font.
func headOffset(font []byte) int {
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		e := font[12+16*i:]
		if string(e[:4]) == "head" {
			return int(binary.BigEndian.Uint32(e[8:]))
		}
	}
	return 0
}

// checksum is the sfnt checksum: the sum of the big-endian uint32s, zero-padded.
func checksum(d []byte) uint32 {
	var s uint32
	for i := 0; i < len(d); i += 4 {
		var w [4]byte
		copy(w[:], d[i:min(i+4, len(d))])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
