namespace GovInfoPortal.Core.Formats;

/// <summary>What a cell holds: a count (whole, not negative), a signed count, or an amount (decimal).</summary>
public enum CellKind
{
    Count,
    SignedCount,
    Amount,
}

/// <summary>One column of an official table: its code and its official label.</summary>
/// <param name="Group">A header spanning several columns (e.g. 法人或其他组织), or null.</param>
public sealed record ColumnDefinition(string Code, string Label, CellKind Kind = CellKind.Count, string? Group = null)
{
    /// <summary>
    /// Whether the column's figures mean something when added up over several bodies (city-wide totals).
    /// False for the 2019 form's 上一年项目数量 and 本年增/减, which describe each body's own list of items.
    /// </summary>
    public bool Summable { get; init; } = true;
}

/// <summary>
/// One row of an official table. <see cref="Code"/> is the row's code; a row inside a group has a dotted
/// code (<c>denied.stateSecret</c>) that nests one level in the interchange format.
/// </summary>
public sealed record RowDefinition
{
    public required string Code { get; init; }

    /// <summary>The row's own official label (for a grouped row, the numbered sub-row label).</summary>
    public required string Label { get; init; }

    public required IReadOnlyList<ColumnDefinition> Columns { get; init; }

    /// <summary>The group a sub-row belongs to (<c>denied</c>), or null.</summary>
    public string? GroupCode { get; init; }

    /// <summary>The group's official label (（三）不予公开), or null.</summary>
    public string? GroupLabel { get; init; }

    /// <summary>A heading over several rows and groups (三、本年度办理结果), or null.</summary>
    public string? SectionLabel { get; init; }

    /// <summary>For table 二: the article item block the row stands in (第二十条第（一）项).</summary>
    public string? BlockTitle { get; init; }

    /// <summary>The code of the row inside its group (<c>stateSecret</c>), or the code itself.</summary>
    public string LocalCode => GroupCode is null ? Code : Code[(GroupCode.Length + 1)..];

    /// <summary>How messages name the row, when the label alone would not (表四: 行政诉讼（未经复议直接起诉）).</summary>
    public string? MessageName { get; init; }

    /// <summary>How messages name the row: the group label and the sub-row label together.</summary>
    public string MessageLabel => MessageName ?? (GroupLabel is null ? Label : $"{GroupLabel}{Label}");

    public ColumnDefinition? FindColumn(string code)
    {
        foreach (var column in Columns)
        {
            if (column.Code == code)
            {
                return column;
            }
        }

        return null;
    }
}

/// <summary>One of the three official tables of a format.</summary>
public sealed record TableDefinition
{
    public required string Code { get; init; }

    /// <summary>The part number of the report the table stands in (二, 三, 四).</summary>
    public required string Number { get; init; }

    /// <summary>The part title (主动公开政府信息情况).</summary>
    public required string Title { get; init; }

    public required IReadOnlyList<RowDefinition> Rows { get; init; }

    /// <summary>The note printed on the form (表三: 本列数据的勾稽关系为…), or null.</summary>
    public string? Note { get; init; }

    /// <summary>How messages name the table (表三).</summary>
    public string MessageLabel => $"表{Number}";

    // Derived once: definitions are built at start-up and read on every validation.
    private Dictionary<string, RowDefinition>? _rowsByCode;
    private Dictionary<string, (RowDefinition Row, int Start)>? _rowStarts;
    private IReadOnlyList<CellDefinition>? _cells;
    private IReadOnlyList<ColumnDefinition>? _uniformColumns;

    public RowDefinition? FindRow(string code) =>
        (_rowsByCode ??= Rows.ToDictionary(r => r.Code, StringComparer.Ordinal)).GetValueOrDefault(code);

    /// <summary>Every cell of the table, in form order.</summary>
    public IReadOnlyList<CellDefinition> Cells =>
        _cells ??= [.. Rows.SelectMany(row => row.Columns.Select(column => new CellDefinition(this, row, column)))];

    /// <summary>The position of a cell in <see cref="Cells"/>, or -1 when the table has no such cell.</summary>
    public int IndexOf(string row, string column)
    {
        if (!(_rowStarts ??= RowStarts()).TryGetValue(row, out var found))
        {
            return -1;
        }

        var columns = found.Row.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Code, column, StringComparison.Ordinal))
            {
                return found.Start + i;
            }
        }

        return -1;
    }

    /// <summary>Each row with the position of its first cell in <see cref="Cells"/>.</summary>
    private Dictionary<string, (RowDefinition Row, int Start)> RowStarts()
    {
        var starts = new Dictionary<string, (RowDefinition Row, int Start)>(StringComparer.Ordinal);
        var start = 0;
        foreach (var row in Rows)
        {
            starts.Add(row.Code, (row, start));
            start += row.Columns.Count;
        }

        return starts;
    }

    /// <summary>The columns shared by every row, where the table has one column set (表三, 表四).</summary>
    public IReadOnlyList<ColumnDefinition> UniformColumns =>
        _uniformColumns ??= Rows.All(r => r.Columns.SequenceEqual(Rows[0].Columns)) ? Rows[0].Columns : [];

    public bool Equals(TableDefinition? other) => ReferenceEquals(this, other) ||
        (other is not null && Code == other.Code && Number == other.Number && Title == other.Title &&
         Note == other.Note && Rows.SequenceEqual(other.Rows));

    public override int GetHashCode() => HashCode.Combine(Code, Number, Title);
}

/// <summary>One cell of a table definition: the address every surface uses.</summary>
public sealed record CellDefinition(TableDefinition Table, RowDefinition Row, ColumnDefinition Column)
{
    /// <summary>How messages name the cell: 表三（七）总计·自然人.</summary>
    public string MessageLabel => $"{Table.MessageLabel}{Row.MessageLabel}·{Column.Label}";
}

/// <summary>A narrative part of the report (一、五、六).</summary>
/// <param name="Guidance">Topics the part must cover (2021 总体情况), shown to the clerk; empty when none.</param>
public sealed record NarrativePartDefinition(string Code, string Number, string Title, bool Required, IReadOnlyList<string> Guidance)
{
    public string Heading => $"{Number}、{Title}";
}

/// <summary>One of the six parts of a report, in order: either a narrative part or a table.</summary>
public sealed record ReportPartDefinition(string Number, string Title, NarrativePartDefinition? Narrative, TableDefinition? Table)
{
    public string Heading => $"{Number}、{Title}";
}
