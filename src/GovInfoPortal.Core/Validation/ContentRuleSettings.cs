using System.Text.Json;

namespace GovInfoPortal.Core.Validation;

/// <summary>One aspect part 一 must cover (2021 on) and the words by which real reports name it.</summary>
public sealed record OverviewAspect
{
    public string Name { get; init; } = string.Empty;

    public IReadOnlyList<string> Keywords { get; init; } = [];
}

/// <summary>A figure a city requires part 一 to state: found when one of its words is followed closely by a number.</summary>
public sealed record RequiredFigure
{
    public string Name { get; init; } = string.Empty;

    public IReadOnlyList<string> Keywords { get; init; } = [];
}

/// <summary>
/// The keywords and thresholds of the content rules (parts 一、五、六 and the plausibility checks). A default
/// ships as data (<c>content-rules.default.json</c>); a subtree may override any of them
/// (<see cref="ContentRuleOverrides"/>, applied with <see cref="With"/>).
/// </summary>
public sealed record ContentRuleSettings
{
    private const string DefaultResource = "GovInfoPortal.Core.Validation.content-rules.default.json";

    /// <summary>Part 五 with fewer characters of substance than this, once boilerplate is set aside, is generic.</summary>
    public int ProblemsMinSubstance { get; init; }

    /// <summary>Phrases found in almost every part 五 that name no concrete problem.</summary>
    public IReadOnlyList<string> ProblemsBoilerplate { get; init; } = [];

    /// <summary>Words by which part 五 tells how last year's problems were dealt with.</summary>
    public IReadOnlyList<string> RectificationKeywords { get; init; } = [];

    /// <summary>Words by which part 六 states the 信息处理费 charged.</summary>
    public IReadOnlyList<string> FeeStatementKeywords { get; init; } = [];

    /// <summary>The aspects part 一 must cover (2021 on).</summary>
    public IReadOnlyList<OverviewAspect> OverviewAspects { get; init; } = [];

    /// <summary>Longest part 一 accepted, in characters without white space; null: no cap.</summary>
    public int? OverviewMaxLength { get; init; }

    /// <summary>Figures part 一 must state; empty: none required.</summary>
    public IReadOnlyList<RequiredFigure> OverviewRequiredFigures { get; init; } = [];

    /// <summary>How many characters after a required figure's word its number may stand.</summary>
    public int RequiredFigureDistance { get; init; }

    /// <summary><c>crossYear.spike</c>: the factor a total must grow or shrink by.</summary>
    public decimal SpikeFactor { get; init; }

    /// <summary><c>crossYear.spike</c>: both years' figures must be at least this large.</summary>
    public decimal SpikeMinimum { get; init; }

    /// <summary><c>activeDisclosure.feeUnit</c>: amounts (万元) from which a township's figure only makes sense in 元.</summary>
    public decimal FeeUnitThresholdTownship { get; init; }

    /// <summary>The same for a department.</summary>
    public decimal FeeUnitThresholdDepartment { get; init; }

    /// <summary>The same for a people's government, and for a body whose kind is not known.</summary>
    public decimal FeeUnitThresholdGovernment { get; init; }

    /// <summary>The settings shipped with the portal.</summary>
    public static ContentRuleSettings Default { get; } = LoadDefault();

    /// <summary>These settings with what <paramref name="overrides"/> states replacing them (lists are replaced, not merged).</summary>
    public ContentRuleSettings With(ContentRuleOverrides? overrides) => overrides is null ? this : this with
    {
        ProblemsMinSubstance = overrides.ProblemsMinSubstance ?? ProblemsMinSubstance,
        ProblemsBoilerplate = overrides.ProblemsBoilerplate ?? ProblemsBoilerplate,
        RectificationKeywords = overrides.RectificationKeywords ?? RectificationKeywords,
        FeeStatementKeywords = overrides.FeeStatementKeywords ?? FeeStatementKeywords,
        OverviewAspects = overrides.OverviewAspects ?? OverviewAspects,
        OverviewMaxLength = overrides.OverviewMaxLength ?? OverviewMaxLength,
        OverviewRequiredFigures = overrides.OverviewRequiredFigures ?? OverviewRequiredFigures,
        RequiredFigureDistance = overrides.RequiredFigureDistance ?? RequiredFigureDistance,
        SpikeFactor = overrides.SpikeFactor ?? SpikeFactor,
        SpikeMinimum = overrides.SpikeMinimum ?? SpikeMinimum,
        FeeUnitThresholdTownship = overrides.FeeUnitThresholdTownship ?? FeeUnitThresholdTownship,
        FeeUnitThresholdDepartment = overrides.FeeUnitThresholdDepartment ?? FeeUnitThresholdDepartment,
        FeeUnitThresholdGovernment = overrides.FeeUnitThresholdGovernment ?? FeeUnitThresholdGovernment,
    };

    private static ContentRuleSettings LoadDefault()
    {
        using var stream = typeof(ContentRuleSettings).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The resource {DefaultResource} is missing.");
        return JsonSerializer.Deserialize<ContentRuleSettings>(stream, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })
            ?? throw new InvalidOperationException($"The resource {DefaultResource} is empty.");
    }
}

/// <summary>
/// What a subtree changes in <see cref="ContentRuleSettings"/>: every property that is set replaces the
/// default's (a list as a whole). The portal reads these from configuration (<c>ContentRules:Subtrees</c>).
/// </summary>
public class ContentRuleOverrides
{
    public int? ProblemsMinSubstance { get; set; }

    public IReadOnlyList<string>? ProblemsBoilerplate { get; set; }

    public IReadOnlyList<string>? RectificationKeywords { get; set; }

    public IReadOnlyList<string>? FeeStatementKeywords { get; set; }

    public IReadOnlyList<OverviewAspect>? OverviewAspects { get; set; }

    public int? OverviewMaxLength { get; set; }

    public IReadOnlyList<RequiredFigure>? OverviewRequiredFigures { get; set; }

    public int? RequiredFigureDistance { get; set; }

    public decimal? SpikeFactor { get; set; }

    public decimal? SpikeMinimum { get; set; }

    public decimal? FeeUnitThresholdTownship { get; set; }

    public decimal? FeeUnitThresholdDepartment { get; set; }

    public decimal? FeeUnitThresholdGovernment { get; set; }
}
