"""One reader per sheet of the baseline workbook, and what they share.

- `cells`: the Reader (the problems collected, the workbook's years, the lookups the sheets fill) with its cell
  readers (text, choice, amount, ...), a sheet's rows as read (`RawSheet`) and with its header (`Table`)
- `headers`: row 1 of a sheet (columns by name, year columns), and the years every sheet shares
- `programmas`, `lasten_baten`, `reserves`, `mutaties`, `jeugdhulp`, `transformatieplan`, `weerstand`,
  `risicos`, `indexen`, `voorstellen`, `instellingen`: one module per sheet, each with a `read(reader, table)`

`baseline.workbook` opens the file (with every limit), gives each reader its sheet, in the order their lookups
need (programmes and index categories before the lines, reserves before the mutations), and assembles the
Baseline. No reader opens a file.
"""
