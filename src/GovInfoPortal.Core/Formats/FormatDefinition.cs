namespace GovInfoPortal.Core.Formats;

/// <summary>
/// The declarative definition of one official format: its parts, tables, rows, columns, codes and labels.
/// Every surface (form, validator, documents, interchange format, API) is derived from it.
/// </summary>
public sealed class FormatDefinition
{
    internal FormatDefinition(ReportFormat format, IReadOnlyList<ReportPartDefinition> parts)
    {
        Format = format;
        Parts = parts;
        Tables = parts.Where(p => p.Table is not null).Select(p => p.Table!).ToArray();
        NarrativeParts = parts.Where(p => p.Narrative is not null).Select(p => p.Narrative!).ToArray();
    }

    public ReportFormat Format { get; }

    /// <summary>The six parts in order. Empty for <see cref="ReportFormat.Legacy"/>.</summary>
    public IReadOnlyList<ReportPartDefinition> Parts { get; }

    public IReadOnlyList<TableDefinition> Tables { get; }

    public IReadOnlyList<NarrativePartDefinition> NarrativeParts { get; }

    public bool HasTables => Tables.Count > 0;

    public TableDefinition? FindTable(string code) => Tables.FirstOrDefault(t => t.Code == code);

    public TableDefinition ActiveDisclosure => Table(TableCodes.ActiveDisclosure);

    public TableDefinition Applications => Table(TableCodes.Applications);

    public TableDefinition ReviewLitigation => Table(TableCodes.ReviewLitigation);

    private TableDefinition Table(string code) =>
        FindTable(code) ?? throw new InvalidOperationException($"Format {Format.Code()} has no table {code}.");

    public static FormatDefinition For(ReportFormat format) => format switch
    {
        ReportFormat.Format2021 => OfficialFormats.Format2021,
        ReportFormat.Format2019 => OfficialFormats.Format2019,
        ReportFormat.Legacy => OfficialFormats.Legacy,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static IReadOnlyList<FormatDefinition> All { get; } =
        [OfficialFormats.Format2019, OfficialFormats.Format2021, OfficialFormats.Legacy];
}

public static class TableCodes
{
    public const string ActiveDisclosure = "activeDisclosure";
    public const string Applications = "applications";
    public const string ReviewLitigation = "reviewLitigation";

    public static readonly IReadOnlyList<string> All = [ActiveDisclosure, Applications, ReviewLitigation];
}

public static class SectionCodes
{
    /// <summary>The table code findings use for narrative parts (the interchange format's <c>sections</c>).</summary>
    public const string Sections = "sections";

    public const string Overview = "overview";
    public const string Problems = "problems";
    public const string OtherMatters = "otherMatters";

    public static readonly IReadOnlyList<string> All = [Overview, Problems, OtherMatters];
}

/// <summary>Row and column codes the validation rules name. Labels live only in <see cref="OfficialFormats"/>.</summary>
public static class Codes
{
    public static class Applicant
    {
        public const string NaturalPerson = "naturalPerson";
        public const string Commercial = "commercial";
        public const string Research = "research";
        public const string NonProfit = "nonProfit";
        public const string LegalService = "legalService";
        public const string OtherOrg = "otherOrg";
        public const string Total = "total";

        /// <summary>The six applicant columns whose sum is <see cref="Total"/>.</summary>
        public static readonly IReadOnlyList<string> Parts = [NaturalPerson, Commercial, Research, NonProfit, LegalService, OtherOrg];
    }

    public static class ApplicationRow
    {
        public const string NewlyReceived = "newlyReceived";
        public const string CarriedOver = "carriedOver";
        public const string Granted = "granted";
        public const string PartiallyGranted = "partiallyGranted";
        public const string Denied = "denied";
        public const string Unavailable = "unavailable";
        public const string NotProcessed = "notProcessed";
        public const string OtherHandling = "otherHandling";
        public const string HandledTotal = "handledTotal";
        public const string CarriedForward = "carriedForward";
    }

    public static class ReviewColumn
    {
        public const string Upheld = "upheld";
        public const string Corrected = "corrected";
        public const string Other = "other";
        public const string Pending = "pending";
        public const string Total = "total";

        public static readonly IReadOnlyList<string> Parts = [Upheld, Corrected, Other, Pending];
    }

    public static class DisclosureRow
    {
        public const string Rules = "rules";
        public const string NormativeDocuments = "normativeDocuments";
        public const string Licensing = "licensing";
        public const string OtherServices = "otherServices";
        public const string Punishment = "punishment";
        public const string Coercion = "coercion";
        public const string Fees = "fees";
        public const string Procurement = "procurement";
    }

    public static class DisclosureColumn
    {
        public const string Made = "made";
        public const string Repealed = "repealed";
        public const string InForce = "inForce";
        public const string Decisions = "decisions";
        public const string Amount = "amount";
        public const string NewlyMade = "newlyMade";
        public const string NewlyPublished = "newlyPublished";
        public const string TotalPublished = "totalPublished";
        public const string Previous = "previous";
        public const string Change = "change";
        public const string Projects = "projects";
    }
}
