// Command mkbasemap converts a Natural Earth land TopoJSON file (as world-atlas publishes
// it) into the compact form timeline/geo embeds: the land's rings, each a closed list of
// quantised lon/lat points, delta- and varint-encoded. It runs at build time through
// go generate in timeline/geo; nothing reads TopoJSON at run time.
//
// Usage: mkbasemap -in land-110m.json -out land110.bin
//
// The output is:
//
//	"NEL1"                       magic
//	4 float64 (little endian)    scale x, scale y, translate x, translate y (the TopoJSON transform)
//	uvarint                      number of rings
//	per ring: uvarint n, then n pairs of zigzag varints: dx, dy from the previous point
//	                             (the first from 0,0), in the TopoJSON's quantised units
//
// lon = qx*scale x + translate x, lat = qy*scale y + translate y.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
)

type topology struct {
	Type      string `json:"type"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]geometry `json:"objects"`
	Arcs    [][][2]int          `json:"arcs"`
}

type geometry struct {
	Type       string          `json:"type"`
	Geometries []geometry      `json:"geometries"`
	Arcs       json.RawMessage `json:"arcs"`
}

func main() {
	in := flag.String("in", "", "TopoJSON input")
	out := flag.String("out", "", "output file")
	obj := flag.String("object", "land", "the topology object to convert")
	flag.Parse()
	if err := run(*in, *out, *obj); err != nil {
		fmt.Fprintln(os.Stderr, "mkbasemap:", err)
		os.Exit(1)
	}
}

func run(in, out, obj string) error {
	if in == "" || out == "" {
		return errors.New("need -in and -out")
	}
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return fmt.Errorf("%s: %v", in, err)
	}
	if t.Type != "Topology" || t.Transform == nil {
		return fmt.Errorf("%s: not a quantised TopoJSON topology", in)
	}
	g, ok := t.Objects[obj]
	if !ok {
		return fmt.Errorf("%s: no object %q", in, obj)
	}
	// Decode the arcs' deltas into absolute quantised positions.
	arcs := make([][][2]int, len(t.Arcs))
	for i, a := range t.Arcs {
		abs := make([][2]int, len(a))
		x, y := 0, 0
		for j, p := range a {
			x += p[0]
			y += p[1]
			abs[j] = [2]int{x, y}
		}
		arcs[i] = abs
	}
	var rings [][][2]int
	if err := collect(g, arcs, &rings); err != nil {
		return fmt.Errorf("%s: %v", in, err)
	}
	var buf bytes.Buffer
	buf.WriteString("NEL1")
	for _, f := range []float64{t.Transform.Scale[0], t.Transform.Scale[1], t.Transform.Translate[0], t.Transform.Translate[1]} {
		binary.Write(&buf, binary.LittleEndian, math.Float64bits(f))
	}
	var tmp [binary.MaxVarintLen64]byte
	buf.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(rings)))])
	points := 0
	for _, r := range rings {
		buf.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(r)))])
		px, py := 0, 0
		for _, p := range r {
			buf.Write(tmp[:binary.PutVarint(tmp[:], int64(p[0]-px))])
			buf.Write(tmp[:binary.PutVarint(tmp[:], int64(p[1]-py))])
			px, py = p[0], p[1]
		}
		points += len(r)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("mkbasemap: %s: %d rings, %d points, %d bytes\n", out, len(rings), points, buf.Len())
	return nil
}

// collect appends the rings of g (polygons and multipolygons, in geometry collections).
func collect(g geometry, arcs [][][2]int, rings *[][][2]int) error {
	switch g.Type {
	case "GeometryCollection":
		for _, c := range g.Geometries {
			if err := collect(c, arcs, rings); err != nil {
				return err
			}
		}
	case "Polygon":
		var poly [][]int
		if err := json.Unmarshal(g.Arcs, &poly); err != nil {
			return err
		}
		for _, r := range poly {
			ring, err := stitch(r, arcs)
			if err != nil {
				return err
			}
			*rings = append(*rings, ring)
		}
	case "MultiPolygon":
		var multi [][][]int
		if err := json.Unmarshal(g.Arcs, &multi); err != nil {
			return err
		}
		for _, poly := range multi {
			for _, r := range poly {
				ring, err := stitch(r, arcs)
				if err != nil {
					return err
				}
				*rings = append(*rings, ring)
			}
		}
	case "":
	default:
		return fmt.Errorf("unexpected geometry %q", g.Type)
	}
	return nil
}

// stitch joins a ring's arcs (index ^i means arc i reversed), dropping each arc's first
// point after the first arc (it repeats the previous arc's last point), as TopoJSON says.
func stitch(idx []int, arcs [][][2]int) ([][2]int, error) {
	var ring [][2]int
	for k, i := range idx {
		rev := i < 0
		if rev {
			i = ^i
		}
		if i >= len(arcs) {
			return nil, fmt.Errorf("arc %d out of range", i)
		}
		a := arcs[i]
		pts := make([][2]int, len(a))
		for j := range a {
			if rev {
				pts[j] = a[len(a)-1-j]
			} else {
				pts[j] = a[j]
			}
		}
		if k > 0 && len(pts) > 0 {
			pts = pts[1:]
		}
		ring = append(ring, pts...)
	}
	return ring, nil
}
