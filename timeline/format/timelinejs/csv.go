package timelinejs

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"slices"
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
	// Rows are counted first (a few ms for 10 MB), for the events' capacity and to refuse a
	// spreadsheet denser than the program can hold in memory in proportion to it before
	// anything is made of it.
	rows, overLine, wide := contentRows(data, maxEvents(len(data))+1)
	if overLine > 0 {
		ps.atLine(overLine, 0, "", tooMany, maxEvents(len(data)), len(data))
		return nil, ps.err()
	}
	if wide.line > 0 {
		// encoding/csv makes a string header of 16 bytes for each field of a record: a row
		// of 10 million commas took 5.5 s and 1 GB.
		ps.atLine(wide.line, 0, "", "the row has more than %d columns; a TimelineJS spreadsheet has %d, and at most %d are read", maxColumns, len(Columns), maxColumns)
		return nil, ps.err()
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true // the strings of a record are cut from one, which the next does not touch

	b := newBuilder(ps, len(data), rows-1)
	var col columns // Columns' indexes in the header
	headerLine := 0
	var title string
	titleLine := 0
	for n := 0; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
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
				b.refuse()
				if len(ps.list) >= format.MaxProblems {
					ps.dropped = true // the rest of the file is not read
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
			if !readHeader(ps, cr, rec, &col) {
				return nil, ps.err()
			}
			continue
		}
		row := csvRow{ps: ps, cr: cr, rec: rec, col: &col, line: line}
		switch typ := row.get(colType); {
		case strings.EqualFold(typ, "title"):
			if titleLine != 0 {
				l, c := row.pos(colType)
				ps.atLine(l, c, "Type", "a second title row (the first is on line %d)", titleLine)
				b.refuse()
				continue
			}
			titleLine = line
			title = strings.Clone(row.get(colHeadline))
		case typ == "" || strings.EqualFold(typ, "era"):
			s := slide{era: typ != "", where: spot{line: line, col: 1}, field: path{i: -1}}
			s.start = row.date(colYear)
			s.end = row.date(colEndYear)
			s.headline = row.get(colHeadline)
			s.text = row.get(colText)
			s.display = row.get(colDisplayDate)
			if !s.era {
				s.group = row.get(colGroup)
				if url := mediaURL(row.get(colMedia)); url != "" {
					s.media = &timeline.Media{URL: strings.Clone(url), Caption: strings.Clone(PlainText(row.get(colMediaCaption))), Credit: strings.Clone(PlainText(row.get(colMediaCredit)))}
				}
			}
			b.add(s)
			if b.over { // the rest is not read: its problems are not counted
				ps.dropped = true
				return nil, ps.err()
			}
		default:
			l, c := row.pos(colType)
			ps.atLine(l, c, "Type", "%s: want \"title\", \"era\" or nothing", format.Quote(typ))
			b.refuse()
		}
	}
	if headerLine == 0 && len(ps.list) == 0 {
		ps.atLine(0, 0, "", "empty: no header row")
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	d := b.finish(ctx, name, title)
	if err := ps.err(); err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return d, nil
}

// The columns the importer reads, as indexes into Columns.
const (
	colYear = iota
	colMonth
	colDay
	colTime
	colEndYear
	colEndMonth
	colEndDay
	colEndTime
	colDisplayDate
	colHeadline
	colText
	colMedia
	colMediaCredit
	colMediaCaption
	colMediaThumbnail
	colType
	colGroup
	colBackground
)

// columns are the indexes in a header row of Columns (-1: not in it).
type columns [18]int

// readHeader reads the header row into col; false when it has no Year column.
func readHeader(ps *problems, cr *csv.Reader, rec []string, col *columns) bool {
	for i := range col {
		col[i] = -1
	}
	for i, f := range rec {
		k := normColumn(f)
		if k == "" {
			continue
		}
		c := slices.IndexFunc(Columns, func(name string) bool { return normColumn(name) == k })
		if c < 0 {
			continue
		}
		if col[c] >= 0 {
			l, cc := cr.FieldPos(i)
			ps.atLine(l, cc, "", "column %s repeats column %d", format.Quote(strings.TrimSpace(f)), col[c]+1)
			continue
		}
		col[c] = i
	}
	if col[colYear] < 0 {
		line, _ := cr.FieldPos(0)
		ps.atLine(line, 0, "", "no \"Year\" column: not a TimelineJS spreadsheet (its header is %s)", strings.Join(Columns, ", "))
		return false
	}
	return true
}

// contentRows counts the rows of a spreadsheet that have something besides commas, quotes
// and spaces (the header, events, eras, a title; a row of nothing is skipped), up to limit:
// overLine is then the line of the row past it (0: not over). wide is the first row of
// more than maxColumns fields (line 0: none). Quoted line breaks and commas are in their
// field; a quote inside an unquoted field, which encoding/csv refuses, may make the count
// wrong for the rest of that file, which is refused.
func contentRows(data []byte, limit int) (rows, overLine int, wide struct{ line int }) {
	line, rowLine := 1, 1
	quoted, content := false, false
	commas := 0
	for _, c := range data {
		switch c {
		case '"':
			quoted = !quoted
		case '\n':
			line++
			if quoted {
				continue
			}
			if content {
				if rows++; rows > limit {
					return rows, rowLine, wide
				}
			}
			content, rowLine, commas = false, line, 0
		case ',':
			if quoted {
				continue
			}
			if commas++; commas >= maxColumns && wide.line == 0 {
				wide.line = rowLine
			}
		case ' ', '\t', '\r':
		default:
			content = true
		}
	}
	if content {
		if rows++; rows > limit {
			return rows, rowLine, wide
		}
	}
	return rows, 0, wide
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
	col  *columns
	line int
}

// get returns the trimmed cell of a column (an index into Columns), "" when the column or
// cell is missing.
func (r csvRow) get(column int) string {
	i := r.col[column]
	if i < 0 || i >= len(r.rec) {
		return ""
	}
	return strings.TrimSpace(r.rec[i])
}

// pos returns the line and column of a cell (the row's line when the cell is missing).
func (r csvRow) pos(column int) (int, int) {
	i := r.col[column]
	if i < 0 || i >= len(r.rec) {
		return r.line, 0
	}
	return r.cr.FieldPos(i)
}

// date reads the Year/Month/Day (year colYear) or End Year/End Month/End Day (colEndYear)
// cells. Time cells are dropped (dates are days here).
func (r csvRow) date(year int) dateIn {
	field := path{list: Columns[year], i: -1}
	d := dateIn{field: field, where: spot{line: r.line}}
	y := r.get(year)
	m := r.get(year + 1)
	dd := r.get(year + 2)
	if y == "" && m == "" && dd == "" {
		return d
	}
	d.present = true
	d.where.line, d.where.col = r.pos(year)
	ok := true
	part := func(column int, name, cell string) (int, bool) {
		if cell == "" {
			return 0, false
		}
		v, good := parseInt(cell)
		if !good {
			l, c := r.pos(column)
			r.ps.atLine(l, c, Columns[column], "%s is not a whole number", format.Quote(cell))
			ok = false
			return 0, true
		}
		if !validPart(name, v) {
			l, c := r.pos(column)
			checkPart(r.ps, l, c, Columns[column], name, v)
			ok = false
		}
		return v, true
	}
	var given bool
	d.year, given = part(year, "year", y)
	if !given {
		r.ps.atSpot(d.where, field, "missing (a date needs at least a year)")
		ok = false
	}
	d.month, d.hasMonth = part(year+1, "month", m)
	d.day, d.hasDay = part(year+2, "day", dd)
	if d.hasDay && !d.hasMonth {
		l, c := r.pos(year + 2)
		r.ps.atLine(l, c, Columns[year+2], "a day without a month")
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
