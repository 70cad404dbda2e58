using System.Collections.Concurrent;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Validation;

/// <summary>What a group of rules sees: the context, and the figures of its reports read once.</summary>
internal sealed class ValidationInput(ReportValidationContext context)
{
    private ReportFigures? _lastYear;
    private readonly string?[] _normalized = new string?[SectionCodes.All.Count];

    public ReportValidationContext Context { get; } = context;

    public ReportFigures Report { get; } = new(context.Report);

    public ReportFigures? LastYear => Context.LastYear is null ? null : _lastYear ??= new ReportFigures(Context.LastYear);

    /// <summary>A narrative part of the report as the content rules read it (<see cref="NarrativeText.Normalize"/>), read once.</summary>
    public string Normalized(string partCode)
    {
        var index = SectionCodes.Overview == partCode ? 0 : SectionCodes.Problems == partCode ? 1 : 2;
        return _normalized[index] ??= NarrativeText.Normalize(Context.Report.Sections[partCode] ?? string.Empty);
    }
}

/// <summary>A group of related rules; <see cref="ReportValidator"/> runs each as one FluentValidation rule.</summary>
internal interface IFindingRules
{
    IEnumerable<Finding> Check(ValidationInput input);
}

/// <summary>What a rule group derives from a table definition once (cell positions), kept per definition.</summary>
internal static class Plans<TPlan>
    where TPlan : class
{
    private static readonly ConcurrentDictionary<TableDefinition, TPlan> Cache = new(ReferenceEqualityComparer.Instance);

    public static TPlan For(TableDefinition table, Func<TableDefinition, TPlan> build) => Cache.GetOrAdd(table, build);
}
