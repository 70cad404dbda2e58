using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Domain;

/// <summary>The narrative parts of a report: 一、总体情况; 五、存在的主要问题及改进情况; 六、其他需要报告的事项.</summary>
public sealed record ReportSections(string? Overview, string? Problems, string? OtherMatters)
{
    /// <summary>Longest narrative part accepted, in characters.</summary>
    public const int MaxLength = 100_000;

    public static readonly ReportSections Empty = new(null, null, null);

    public string? this[string code] => code switch
    {
        SectionCodes.Overview => Overview,
        SectionCodes.Problems => Problems,
        SectionCodes.OtherMatters => OtherMatters,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown narrative part."),
    };

    public ReportSections With(string code, string? text) => code switch
    {
        SectionCodes.Overview => this with { Overview = text },
        SectionCodes.Problems => this with { Problems = text },
        SectionCodes.OtherMatters => this with { OtherMatters = text },
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown narrative part."),
    };
}
