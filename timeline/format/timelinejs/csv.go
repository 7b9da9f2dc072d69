package timelinejs

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/format"
)

// Columns are the column names of the TimelineJS spreadsheet template, in its order.
// Matching ignores case and surrounding spaces; other columns are ignored.
var Columns = []string{"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
	"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail",
	"Type", "Group", "Background"}

// LoadCSV reads and imports a TimelineJS spreadsheet saved as CSV.
func LoadCSV(path string) (*timeline.Dataset, error) {
	return LoadCSVContext(context.Background(), path)
}

// LoadCSVContext is LoadCSV, stopped when ctx is done: it then returns ctx's error.
func LoadCSVContext(ctx context.Context, path string) (*timeline.Dataset, error) {
	data, err := readLimited(ctx, path)
	if err != nil {
		return nil, err
	}
	return ParseCSVContext(ctx, path, data)
}

// LooksLikeCSVHeader reports whether line (the first line of a file) is a TimelineJS
// spreadsheet header: it has a Year and a Headline column.
func LooksLikeCSVHeader(line []byte) bool {
	line = bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF"))
	rec, err := csv.NewReader(bytes.NewReader(line)).Read()
	if err != nil {
		return false
	}
	var year, headline bool
	for _, f := range rec {
		switch normColumn(f) {
		case "year":
			year = true
		case "headline":
			headline = true
		}
	}
	return year && headline
}

func normColumn(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// ParseCSV imports a TimelineJS spreadsheet saved as CSV: a header row naming the columns
// (Columns), then one row per event; the row whose Type is "title" gives the timeline's
// title, rows whose Type is "era" are eras. Empty rows are skipped. name is the file it came
// from, used in messages and as Dataset.Path. On failure the error is a *format.ErrorList.
func ParseCSV(name string, data []byte) (*timeline.Dataset, error) {
	return ParseCSVContext(context.Background(), name, data)
}

// ParseCSVContext is ParseCSV, stopped when ctx is done: it then returns ctx's error.
func ParseCSVContext(ctx context.Context, name string, data []byte) (*timeline.Dataset, error) {
	ps := &problems{file: name, data: data}
	data, ok := checkInput(ps, data)
	if !ok {
		return nil, ps.err()
	}
	if bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0 {
		// Line ends of a lone CR (classic Mac OS, some exporters), which encoding/csv
		// reads as one long line: made LF, byte for byte, so positions do not move.
		data = bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
	}
	ps.setData(data)
	// A header of millions of columns would cost encoding/csv hundreds of bytes a column
	// before the first look at it (5 million took 3.8 s and 440 MB): count its commas first.
	if line, n := headerColumns(data); n > maxColumns {
		ps.atLine(line, 0, "", "the header has %d columns; a TimelineJS spreadsheet has %d, and at most %d are read", n, len(Columns), maxColumns)
		return nil, ps.err()
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false

	col := map[string]int{} // normalised column name -> index
	headerLine := 0
	var title string
	titleLine := 0
	var slides []slide
	for rows := 0; ; rows++ {
		if rows%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				ps.atLine(pe.Line, pe.Column, "", "invalid CSV: %v", pe.Err)
				if len(ps.list) >= format.MaxProblems {
					break
				}
				continue
			}
			ps.atLine(0, 0, "", "invalid CSV: %v", err)
			break
		}
		line, _ := cr.FieldPos(0)
		if isBlank(rec) {
			continue
		}
		if headerLine == 0 {
			headerLine = line
			for i, f := range rec {
				k := normColumn(f)
				if k == "" {
					continue
				}
				if j, dup := col[k]; dup {
					l, c := cr.FieldPos(i)
					ps.atLine(l, c, "", "column %s repeats column %d", format.Quote(strings.TrimSpace(f)), j+1)
					continue
				}
				col[k] = i
			}
			if _, ok := col["year"]; !ok {
				ps.atLine(line, 0, "", "no \"Year\" column: not a TimelineJS spreadsheet (its header is %s)", strings.Join(Columns, ", "))
				return nil, ps.err()
			}
			continue
		}
		row := csvRow{ps: ps, cr: cr, rec: rec, col: col, line: line}
		switch typ := strings.ToLower(row.get("Type")); typ {
		case "title":
			if titleLine != 0 {
				l, c := row.pos("Type")
				ps.atLine(l, c, "Type", "a second title row (the first is on line %d)", titleLine)
				continue
			}
			titleLine = line
			title = row.get("Headline")
		case "", "era":
			s := slide{era: typ == "era", line: line, col: 1}
			s.start = row.date("", "Year")
			s.end = row.date("End ", "End Year")
			s.headline = row.get("Headline")
			s.text = row.get("Text")
			s.display = row.get("Display Date")
			if !s.era {
				s.group = row.get("Group")
				if url := mediaURL(row.get("Media")); url != "" {
					s.media = &timeline.Media{URL: url, Caption: PlainText(row.get("Media Caption")), Credit: PlainText(row.get("Media Credit"))}
				}
			}
			slides = keepSlide(ps, slides, s)
		default:
			l, c := row.pos("Type")
			ps.atLine(l, c, "Type", "%s: want \"title\", \"era\" or nothing", format.Quote(row.get("Type")))
		}
	}
	if headerLine == 0 && len(ps.list) == 0 {
		ps.atLine(0, 0, "", "empty: no header row")
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if len(ps.list) > 0 && len(slides) == 0 {
		return nil, ps.err()
	}
	d := build(ps, name, title, slides)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return d, nil
}

func isBlank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// csvRow is one data row of the spreadsheet.
type csvRow struct {
	ps   *problems
	cr   *csv.Reader
	rec  []string
	col  map[string]int
	line int
}

// get returns the trimmed cell of a column, "" when the column or cell is missing.
func (r csvRow) get(column string) string {
	i, ok := r.col[normColumn(column)]
	if !ok || i >= len(r.rec) {
		return ""
	}
	return strings.TrimSpace(r.rec[i])
}

// pos returns the line and column of a cell (the row's line when the cell is missing).
func (r csvRow) pos(column string) (int, int) {
	i, ok := r.col[normColumn(column)]
	if !ok || i >= len(r.rec) {
		return r.line, 0
	}
	return r.cr.FieldPos(i)
}

// date reads the Year/Month/Day (prefix "") or End Year/End Month/End Day (prefix "End ")
// cells; field names the date in messages. Time cells are dropped (dates are days here).
func (r csvRow) date(prefix, field string) dateIn {
	d := dateIn{field: field, line: r.line}
	y := r.get(prefix + "Year")
	m := r.get(prefix + "Month")
	dd := r.get(prefix + "Day")
	if y == "" && m == "" && dd == "" {
		return d
	}
	d.present = true
	d.line, d.col = r.pos(prefix + "Year")
	ok := true
	part := func(column, name, cell string) (int, bool) {
		if cell == "" {
			return 0, false
		}
		l, c := r.pos(column)
		v, good := parseInt(cell)
		if !good {
			r.ps.atLine(l, c, column, "%s is not a whole number", format.Quote(cell))
			ok = false
			return 0, true
		}
		if !checkPart(r.ps, l, c, column, name, v) {
			ok = false
		}
		return v, true
	}
	var given bool
	d.year, given = part(prefix+"Year", "year", y)
	if !given {
		r.ps.atLine(d.line, d.col, prefix+"Year", "missing (a date needs at least a year)")
		ok = false
	}
	d.month, d.hasMonth = part(prefix+"Month", "month", m)
	d.day, d.hasDay = part(prefix+"Day", "day", dd)
	if d.hasDay && !d.hasMonth {
		l, c := r.pos(prefix + "Day")
		r.ps.atLine(l, c, prefix+"Day", "a day without a month")
		ok = false
	}
	d.bad = !ok
	return d
}

// maxColumns is the most columns a spreadsheet's header may have (the template has 18).
const maxColumns = 1000

// headerColumns counts the columns of the first line that is not blank, and its line number,
// by its commas: a quoted column name holding a comma counts twice, which only matters past
// maxColumns.
func headerColumns(data []byte) (line, n int) {
	for line = 1; len(data) > 0; line++ {
		l := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(bytes.TrimSpace(l)) > 0 {
			return line, bytes.Count(l, []byte{','}) + 1
		}
	}
	return 0, 0
}
